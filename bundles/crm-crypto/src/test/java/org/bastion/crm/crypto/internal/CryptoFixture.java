package org.bastion.crm.crypto.internal;

import static org.mockito.Mockito.mock;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import javax.sql.DataSource;

import org.bastion.crm.api.Caller;
import org.bastion.crm.api.crypto.RecordRef;
import org.bastion.crm.crypto.internal.db.LocalTransactions;
import org.bastion.crm.crypto.internal.db.Transactions;
import org.bastion.crm.crypto.internal.master.MasterKeys;
import org.bastion.crm.crypto.internal.rotation.RotationParticipants;
import org.bouncycastle.crypto.InvalidCipherTextException;

/**
 * The crypto components wired by hand as SCR would wire them, on an in-memory H2 database and a temporary folder: the
 * master key manager opens a keyring when the keys unlock (on the fixture's executor) and closes it when they lock; the
 * two public facades read it from the manager.
 */
public final class CryptoFixture {

    /** An administrator (role admin), as the console caller is in practice. */
    public static final Caller ADMIN = new Caller("admin-id", "Admin", Set.of("admin"), true);

    public final DataSource dataSource;
    public final Transactions transactions;
    public final Path folder;
    public final Map<String, String> environment = new HashMap<>();
    public final RecordingEventAdmin eventAdmin = new RecordingEventAdmin();
    public final CryptoEvents events = eventAdmin.cryptoEvents();
    public final RotationParticipants participants = new RotationParticipants();
    public final System.Logger log = mock(System.Logger.class);
    public final ManualExecutor executor = new ManualExecutor();
    private final boolean realExecutor;
    private CryptoSettings settings;
    private MasterKeyManager manager;
    private FieldCipherService fieldCipher;
    private KeyAdministration keyService;
    /** The caller the key service sees: an administrator unless a test changes it. */
    public volatile Caller caller = ADMIN;
    /** The key permission checks, seeing {@link #caller}, without Permissions service or user directory. */
    public final KeyAccess keyAccess = KeyAccess.of(() -> caller, null, null);

    private CryptoFixture(Path folder, DataSource dataSource, boolean realExecutor) {
        this.folder = folder;
        this.dataSource = dataSource;
        this.transactions = new LocalTransactions(dataSource);
        this.realExecutor = realExecutor;
        this.settings = new CryptoSettings(folder.resolve("crm-master.p12"), null, false, 100, 100);
    }

    /** A fixture whose rotations run only when the test runs {@link #executor}'s tasks. */
    public static CryptoFixture manual(Path folder) {
        return new CryptoFixture(folder, TestDatabase.create(), false);
    }

    /** Like {@link #manual(Path)} on a given (migrated) datasource. */
    public static CryptoFixture manual(Path folder, DataSource dataSource) {
        return new CryptoFixture(folder, dataSource, false);
    }

    /** A fixture whose rotations run on the keyring's own background thread. */
    public static CryptoFixture background(Path folder) {
        return new CryptoFixture(folder, TestDatabase.create(), true);
    }

    /** Another "node start" on the same database and folder, with a fresh environment. */
    public CryptoFixture restart() {
        CryptoFixture next = new CryptoFixture(folder, dataSource, realExecutor);
        next.settings = settings;
        return next;
    }

    public CryptoSettings settings() {
        return settings;
    }

    /** Changes the settings used by the next {@link #start()}. */
    public CryptoFixture with(CryptoSettings changed) {
        this.settings = changed;
        return this;
    }

    /** Settings with a passphrase file and production flag. */
    public CryptoSettings settings(Path passphraseFile, boolean production) {
        return new CryptoSettings(settings.keystore(), passphraseFile, production, settings.recordKeyCacheSize(),
                settings.rotationBatchSize());
    }

    /** Activates the master key manager (as SCR does at bundle start). */
    public CryptoFixture start() {
        return start(UnaryOperator.identity());
    }

    /** Like {@link #start()}, with the keyring opened through {@code decorate} applied to the fixture's opener. */
    public CryptoFixture start(UnaryOperator<MasterKeyManager.KeyringOpener> decorate) {
        manager = new MasterKeyManager(settings, environment::get, transactions, events, decorate.apply(this::open), log);
        fieldCipher = new FieldCipherService(manager);
        keyService = new KeyAdministration(manager, dataSource, keyAccess);
        return this;
    }

    /** Deactivates the manager (as SCR does at bundle stop). */
    public void stop() {
        manager.deactivate();
    }

    public MasterKeyManager manager() {
        return manager;
    }

    public FieldCipherService fieldCipher() {
        return fieldCipher;
    }

    public KeyAdministration keyService() {
        return keyService;
    }

    /** The open keyring, or null while locked. */
    public Keyring keyring() {
        return manager.keyring();
    }

    public Path keystore() {
        return settings.keystore();
    }

    public Path generatedPassphrase() {
        return settings.generatedPassphraseFile();
    }

    public static RecordRef contact(String id) {
        return new RecordRef("contact", id);
    }

    private Keyring open(MasterKeys keys, CryptoSettings current) throws SQLException, InvalidCipherTextException {
        return new Keyring(keys, transactions, participants, events, current, realExecutor ? null : executor);
    }
}
