package org.bastion.crm.crypto.internal;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

import javax.transaction.TransactionManager;

import org.bastion.crm.api.ValidationException;
import org.bastion.crm.api.crypto.KeyStatus;
import org.bastion.crm.api.crypto.KeysLockedException;
import org.bastion.crm.crypto.internal.db.SeparateTransactions;
import org.bastion.crm.crypto.internal.db.Transactions;
import org.bastion.crm.crypto.internal.master.MasterKeys;
import org.bastion.crm.crypto.internal.master.Passphrase;
import org.bastion.crm.crypto.internal.master.PassphraseResolver;
import org.bastion.crm.crypto.internal.rotation.RotationParticipants;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Owns the state of the master key (UNLOCKED, UNPROTECTED or LOCKED) and is always active. While the keys are usable
 * it holds the open {@link Keyring}, which the facades read at call time ({@link #keyringOrLocked()}); locked, there is
 * no keyring and no key material in memory. A locked state is retried when the configuration changes and when an
 * operator types the passphrase ({@link #unlock(char[])}), without a restart. A lock reason is logged once, on one
 * line, at ERROR.
 * <p>
 * Opening and closing the keyring registers no service and calls into no other component, so it never takes an SCR
 * lock: an earlier design registered the master keys as a service from inside this component's activation, which
 * activated a keyring component whose references reached back to {@code FieldCipher} while another thread held the
 * {@code FieldCipher} component and waited for the keyring (docs/adr/0005-encryption-at-rest.md).
 */
@Component(service = MasterKeyManager.class, immediate = true, configurationPid = CryptoConfiguration.PID)
@Designate(ocd = CryptoConfiguration.class)
public final class MasterKeyManager {

    /** Opens the keyring of unlocked master keys. */
    @FunctionalInterface
    interface KeyringOpener {
        Keyring open(MasterKeys keys, CryptoSettings settings) throws SQLException, InvalidCipherTextException;
    }

    private static final System.Logger DEFAULT_LOG = System.getLogger(MasterKeyManager.class.getName());

    private final Unlocker unlocker;
    private final CryptoEvents events;
    private final KeyringOpener opener;
    private final System.Logger log;
    private CryptoSettings settings;
    private volatile KeyStatus status = new KeyStatus(KeyStatus.State.LOCKED, "not opened yet", 0);
    private volatile MasterKeys keys;
    private volatile Keyring keyring;
    private String loggedReason;

    @Activate
    public MasterKeyManager(@Reference CryptoSchema schema, @Reference TransactionManager transactionManager,
                            @Reference CryptoEvents events, @Reference RotationParticipants participants,
                            CryptoConfiguration configuration) {
        this(CryptoSettings.from(configuration), System::getenv, new SeparateTransactions(transactionManager, schema.dataSource()),
                events, participants);
    }

    private MasterKeyManager(CryptoSettings settings, Function<String, String> environment, Transactions transactions,
                             CryptoEvents events, RotationParticipants participants) {
        this(settings, environment, transactions, events,
                (keys, current) -> new Keyring(keys, transactions, participants, events, current, null), DEFAULT_LOG);
    }

    MasterKeyManager(CryptoSettings settings, Function<String, String> environment, Transactions transactions,
                     CryptoEvents events, KeyringOpener opener, System.Logger log) {
        this.unlocker = new Unlocker(transactions, new PassphraseResolver(environment), log);
        this.events = events;
        this.opener = opener;
        this.log = log;
        synchronized (this) {
            this.settings = settings;
            apply(unlocker.fromConfiguration(settings));
        }
    }

    /**
     * Applies a changed configuration: retries a locked state; re-opens usable keys when the keystore or passphrase
     * file changed (so pointing {@code passphraseFile} elsewhere protects a generated key at once, and a wrong file
     * shows now rather than at the next restart); locks an unprotected state when production is now on.
     */
    @Modified
    void modified(CryptoConfiguration configuration) {
        reconfigure(CryptoSettings.from(configuration));
    }

    synchronized void reconfigure(CryptoSettings changed) {
        CryptoSettings previous = this.settings;
        this.settings = changed;
        boolean keySourceChanged = !Objects.equals(previous.keystore(), changed.keystore())
                || !Objects.equals(previous.passphraseFile(), changed.passphraseFile());
        if (status.state() == KeyStatus.State.LOCKED || keySourceChanged) {
            apply(unlocker.fromConfiguration(changed));
            return;
        }
        Keyring open = keyring;
        if (open != null) {
            open.reconfigure(changed);
        }
        if (status.state() == KeyStatus.State.UNPROTECTED && changed.production()) {
            lock("production mode refuses the passphrase generated beside the keystore ("
                    + changed.generatedPassphraseFile() + "): move it to " + PassphraseResolver.ENVIRONMENT_VARIABLE
                    + " or a passphraseFile kept elsewhere, then delete that file");
        }
    }

    @Deactivate
    synchronized void deactivate() {
        withdraw();
        status = new KeyStatus(KeyStatus.State.LOCKED, "the crypto bundle is stopping", 0);
    }

    /**
     * Makes the open keyring match the data keys a restore left in the database (reading them again, forgetting cached
     * record keys); locks the keys, with the reason, when they do not load. While locked, tries to unlock again.
     */
    public synchronized void reloadAfterRestore() {
        Keyring open = keyring;
        if (open == null) {
            apply(unlocker.fromConfiguration(settings));
            return;
        }
        try {
            open.reloadDataKeys();
            log.log(System.Logger.Level.INFO, "Encryption keys: data keys read again after a restore");
        } catch (SQLException | InvalidCipherTextException | RuntimeException e) {
            lock("the data keys restored from a backup cannot be loaded (" + e.getClass().getSimpleName()
                    + (e instanceof SQLException sql ? ", SQL state " + sql.getSQLState() : "") + ")");
        }
    }

    /** The current state; never throws. */
    public KeyStatus status() {
        KeyStatus current = status;
        MasterKeys open = keys;
        if (current.usable() && open != null) {
            try {
                return new KeyStatus(current.state(), current.detail(), open.currentVersion());
            } catch (RuntimeException e) {
                return current;
            }
        }
        return current;
    }

    /**
     * Tries a passphrase typed by an operator; wipes {@code passphrase}. Does nothing when the keys are usable.
     *
     * @throws ValidationException on field {@code passphrase} when it does not open the keystore
     */
    public synchronized KeyStatus unlock(char[] passphrase) {
        try {
            if (status.usable()) {
                return status();
            }
            if (passphrase == null || passphrase.length == 0) {
                throw ValidationException.of("passphrase", "is required");
            }
            Unlocker.Outcome outcome = unlocker.withTyped(settings,
                    new Passphrase(Arrays.copyOf(passphrase, passphrase.length), Passphrase.Source.TYPED, null));
            if (outcome instanceof Unlocker.Refused refused && refused.wrongPassphrase()) {
                throw ValidationException.of("passphrase", "does not open the keystore");
            }
            apply(outcome);
            return status();
        } finally {
            if (passphrase != null) {
                Arrays.fill(passphrase, '\0');
            }
        }
    }

    /**
     * The open keyring, read at call time without any lock: the keyring is open before the status says the keys are
     * usable, and withdrawn before they lock; while usable keys are being re-opened, the call waits up to 3 s.
     *
     * @throws KeysLockedException when the keys are locked
     */
    public Keyring keyringOrLocked() {
        Keyring current = keyring;
        // re-opening usable keys (a configuration change) leaves a short gap: wait it out, bounded, holding no lock
        long deadline = System.nanoTime() + OPENING_WAIT_NANOS;
        while (current == null && status.usable() && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(OPENING_POLL_NANOS);
            current = keyring;
        }
        if (current == null) {
            throw lockedError();
        }
        return current;
    }

    /** The longest a call waits for usable keys being re-opened. */
    private static final long OPENING_WAIT_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(3);

    /** How often a waiting call looks again. */
    private static final long OPENING_POLL_NANOS = java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(10);

    /** The open keyring, or null while the keys are locked. */
    public Keyring keyring() {
        return keyring;
    }

    /**
     * The exception every key operation throws while locked. Its message reaches API clients, so it says what to do,
     * not why: the reason (with file names) is in the log, in health and in {@code crm:key-status}.
     */
    public KeysLockedException lockedError() {
        return new KeysLockedException(status.usable() ? "The encryption keys are opening; retry in a moment."
                : "The encryption keys are locked: personal data can be neither read nor written until an operator"
                        + " unlocks them (see health, the server log and docs/keys.md).");
    }

    private void apply(Unlocker.Outcome outcome) {
        if (outcome instanceof Unlocker.Opened opened) {
            withdraw();
            Keyring open;
            try {
                open = opener.open(opened.keys(), settings);
            } catch (SQLException | InvalidCipherTextException | RuntimeException e) {
                opened.keys().wipe();
                lock("the data keys cannot be loaded (" + e.getClass().getSimpleName()
                        + (e instanceof SQLException sql ? ", SQL state " + sql.getSQLState() : "") + ")");
                return;
            }
            keys = opened.keys();
            keyring = open;
            status = opened.status();
            loggedReason = null;
            log.log(System.Logger.Level.INFO, "Encryption keys " + opened.status().state().name().toLowerCase(Locale.ROOT)
                    + ": " + opened.status().detail());
            events.unlocked();
        } else if (outcome instanceof Unlocker.Refused refused) {
            lock(refused.reason());
        }
    }

    private void lock(String why) {
        String reason = why.replaceAll("\\R", " ");
        withdraw();
        status = new KeyStatus(KeyStatus.State.LOCKED, reason, 0);
        if (!reason.equals(loggedReason)) {
            loggedReason = reason;
            log.log(System.Logger.Level.ERROR, "Encryption keys LOCKED: " + reason);
            events.locked(reason);
        }
    }

    private void withdraw() {
        Keyring open = keyring;
        keyring = null;
        if (open != null) {
            open.close();
        }
        if (keys != null) {
            keys.wipe();
            keys = null;
        }
    }
}
