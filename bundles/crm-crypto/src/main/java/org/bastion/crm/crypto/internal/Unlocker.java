package org.bastion.crm.crypto.internal;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.security.GeneralSecurityException;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.bastion.crm.api.crypto.KeyStatus;
import org.bastion.crm.crypto.internal.db.DataKeyRepository;
import org.bastion.crm.crypto.internal.db.DataKeyRow;
import org.bastion.crm.crypto.internal.db.Transactions;
import org.bastion.crm.crypto.internal.keys.DataKeyFactory;
import org.bastion.crm.crypto.internal.keys.KeyMaterial;
import org.bastion.crm.crypto.internal.master.MasterKeyStore;
import org.bastion.crm.crypto.internal.master.MasterKeys;
import org.bastion.crm.crypto.internal.master.Passphrase;
import org.bastion.crm.crypto.internal.master.PassphraseResolver;
import org.bouncycastle.crypto.InvalidCipherTextException;

/**
 * One attempt to open the master key: finds the passphrase, opens the keystore (or, on a fresh install, generates it),
 * checks that the master key unwraps the database's data keys (or creates their first versions), and says whether
 * the keys are unlocked, unprotected or locked. Nothing is written unless the attempt succeeds, except the files of a
 * fresh install; an existing keystore is never overwritten.
 */
final class Unlocker {

    private final Transactions transactions;
    private final PassphraseResolver resolver;
    private final System.Logger log;

    Unlocker(Transactions transactions, PassphraseResolver resolver, System.Logger log) {
        this.transactions = transactions;
        this.resolver = resolver;
        this.log = log;
    }

    /** What an attempt ended with. */
    sealed interface Outcome permits Opened, Refused {
    }

    /** The keys are open. */
    record Opened(MasterKeys keys, KeyStatus status) implements Outcome {
    }

    /** The keys stay locked; {@code wrongPassphrase} when the passphrase did not open the keystore. */
    record Refused(String reason, boolean wrongPassphrase) implements Outcome {
    }

    /** Tries the configured passphrase sources. */
    Outcome fromConfiguration(CryptoSettings settings) {
        MasterKeyStore store = new MasterKeyStore(settings.keystore());
        Optional<Passphrase> passphrase;
        try {
            passphrase = resolver.resolve(settings.passphraseFile(), settings.generatedPassphraseFile());
        } catch (PassphraseResolver.UnreadablePassphraseException e) {
            return refused(e.getMessage());
        }
        if (passphrase.isPresent()) {
            return open(store, passphrase.get(), settings);
        }
        if (store.exists()) {
            return refused("no passphrase for the keystore " + store.path() + ": set " + PassphraseResolver.ENVIRONMENT_VARIABLE
                    + " or passphraseFile, or type it (crm:key-unlock)");
        }
        Optional<String> missing = refuseMissingKeystore(store);
        if (missing.isPresent()) {
            return refused(missing.get());
        }
        if (settings.production()) {
            return refused("production mode needs a passphrase to create the master key: set "
                    + PassphraseResolver.ENVIRONMENT_VARIABLE + " or passphraseFile (a passphrase generated beside the"
                    + " keystore is refused)");
        }
        try {
            return open(store, PassphraseResolver.generate(settings.generatedPassphraseFile()), settings);
        } catch (IOException e) {
            return refused("cannot write the passphrase file " + settings.generatedPassphraseFile() + " ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    /** Tries a passphrase typed by an operator; takes ownership of {@code typed}. */
    Outcome withTyped(CryptoSettings settings, Passphrase typed) {
        return open(new MasterKeyStore(settings.keystore()), typed, settings);
    }

    private Outcome open(MasterKeyStore store, Passphrase passphrase, CryptoSettings settings) {
        if (passphrase.unprotected() && settings.production()) {
            passphrase.wipe();
            return refused("production mode refuses the passphrase generated beside the keystore ("
                    + settings.generatedPassphraseFile() + "): move it to " + PassphraseResolver.ENVIRONMENT_VARIABLE
                    + " or a passphraseFile kept elsewhere, then delete that file");
        }
        MasterKeys keys = null;
        try {
            boolean created = false;
            if (!store.exists()) {
                Optional<String> missing = refuseMissingKeystore(store);
                if (missing.isPresent()) {
                    passphrase.wipe();
                    return refused(missing.get());
                }
                KeyMaterial first = KeyMaterial.random();
                try {
                    store.create(passphrase.chars(), first);
                } finally {
                    first.wipe();
                }
                created = true;
            }
            MasterKeyStore.Contents contents = store.load(passphrase.chars());
            if (contents.keys().isEmpty()) {
                passphrase.wipe();
                return refused("the keystore " + store.path() + " holds no master key (" + MasterKeyStore.ALIAS_PREFIX + "<n>)");
            }
            keys = new MasterKeys(store, passphrase, contents);
            Optional<String> problem = checkDataKeys(keys, store);
            if (problem.isPresent()) {
                keys.wipe();
                return refused(problem.get());
            }
            if (created && passphrase.unprotected()) {
                warnGenerated(store, settings);
            }
            return new Opened(keys, status(passphrase, settings));
        } catch (MasterKeyStore.WrongPassphraseException e) {
            passphrase.wipe();
            return new Refused("the passphrase from " + passphrase.describe() + " does not open the keystore "
                    + store.path(), true);
        } catch (FileAlreadyExistsException e) {
            passphrase.wipe();
            return refused("the keystore " + store.path() + " appeared while it was being created; retry");
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            if (keys != null) {
                keys.wipe();
            } else {
                passphrase.wipe();
            }
            return refused("cannot open the keystore " + store.path() + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
    }

    private Optional<String> refuseMissingKeystore(MasterKeyStore store) {
        try {
            if (transactions.inCallerContext(DataKeyRepository::any)) {
                return Optional.of("the keystore " + store.path() + " is missing but the database holds data keys:"
                        + " restore the keystore (and its passphrase) from your backup");
            }
            return Optional.empty();
        } catch (SQLException e) {
            return Optional.of(databaseError(e));
        }
    }

    private Optional<String> checkDataKeys(MasterKeys keys, MasterKeyStore store) {
        try {
            List<DataKeyRow> rows = transactions.inCallerContext(DataKeyRepository::all);
            if (rows.isEmpty()) {
                transactions.inNewTransaction(connection -> {
                    if (!DataKeyRepository.any(connection)) {
                        DataKeyFactory.createFirstVersions(connection, keys);
                    }
                    return null;
                });
                log.log(System.Logger.Level.INFO, "Created the first field, blind-index and backup data keys");
                return Optional.empty();
            }
            for (DataKeyRow row : rows) {
                try {
                    keys.unwrap(row.masterVersion(), row.wrapped()).wipe();
                } catch (InvalidCipherTextException e) {
                    String which = keys.versions().contains(row.masterVersion())
                            ? "does not unwrap data key " + row.id() + ": it is not the keystore of this database"
                            : "lacks " + MasterKeyStore.ALIAS_PREFIX + row.masterVersion() + ", which wraps data key "
                            + row.id() + ": restore a keystore saved after that master key rotation";
                    return Optional.of("the master key in " + store.path() + " " + which);
                }
            }
            return Optional.empty();
        } catch (SQLException e) {
            return Optional.of(databaseError(e));
        }
    }

    private void warnGenerated(MasterKeyStore store, CryptoSettings settings) {
        log.log(System.Logger.Level.WARNING, "Generated the master encryption key in " + store.path()
                + " and its passphrase in " + settings.generatedPassphraseFile() + ". BACK UP BOTH FILES NOW:"
                + " without them every encrypted field is lost for good. The keys are UNPROTECTED while the passphrase"
                + " sits beside the keystore: move it into the environment variable "
                + PassphraseResolver.ENVIRONMENT_VARIABLE + " or a passphraseFile kept elsewhere, then delete "
                + settings.generatedPassphraseFile() + " (see docs/keys.md).");
    }

    private static KeyStatus status(Passphrase passphrase, CryptoSettings settings) {
        if (passphrase.unprotected()) {
            return new KeyStatus(KeyStatus.State.UNPROTECTED, "master key generated at first boot, its passphrase"
                    + " stored beside it in " + settings.generatedPassphraseFile(), 0);
        }
        return new KeyStatus(KeyStatus.State.UNLOCKED, "passphrase from " + passphrase.describe(), 0);
    }

    private static String databaseError(SQLException e) {
        return "the data keys cannot be read: database error (SQL state " + e.getSQLState() + ")";
    }

    private static Refused refused(String reason) {
        return new Refused(reason, false);
    }
}
