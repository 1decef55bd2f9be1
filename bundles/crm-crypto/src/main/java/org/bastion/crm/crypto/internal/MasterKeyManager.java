package org.bastion.crm.crypto.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.Supplier;

import javax.transaction.TransactionManager;

import org.bastion.crm.api.ValidationException;
import org.bastion.crm.api.crypto.KeyStatus;
import org.bastion.crm.api.crypto.KeysLockedException;
import org.bastion.crm.crypto.internal.db.JtaTransactions;
import org.bastion.crm.crypto.internal.db.Transactions;
import org.bastion.crm.crypto.internal.master.MasterKeys;
import org.bastion.crm.crypto.internal.master.Passphrase;
import org.bastion.crm.crypto.internal.master.PassphraseResolver;
import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Owns the state of the master key (UNLOCKED, UNPROTECTED or LOCKED) and is always active. While the keys are
 * usable it registers the {@link MasterKeys} service, on which the {@link Keyring} depends: locked, the keyring stays
 * unsatisfied and no key material is in memory. A locked state is retried when the configuration changes and when an
 * operator types the passphrase ({@link #unlock(char[])}), without a restart. A lock reason is logged once, on one
 * line, at ERROR.
 */
@Component(service = MasterKeyManager.class, immediate = true, configurationPid = CryptoConfiguration.PID)
@Designate(ocd = CryptoConfiguration.class)
// the MasterKeys service is registered by hand, so bnd does not declare it; the Keyring's reference requires it
@Capability(namespace = "osgi.service",
        attribute = "objectClass:List<String>=org.bastion.crm.crypto.internal.master.MasterKeys")
public final class MasterKeyManager {

    /** Registers the unlocked master keys for the keyring; returns what unregisters them. */
    @FunctionalInterface
    interface Publisher {
        Runnable publish(MasterKeys keys);
    }

    private static final System.Logger DEFAULT_LOG = System.getLogger(MasterKeyManager.class.getName());

    /** How long a call waits for the keyring while the keys are usable but it is not bound yet. */
    static final long OPENING_WAIT_MILLIS = 3000;

    private final Unlocker unlocker;
    private final CryptoEvents events;
    private final Publisher publisher;
    private final System.Logger log;
    private CryptoSettings settings;
    private volatile KeyStatus status = new KeyStatus(KeyStatus.State.LOCKED, "not opened yet", 0);
    private volatile MasterKeys keys;
    private Runnable unpublish;
    private String loggedReason;

    @Activate
    public MasterKeyManager(BundleContext context, @Reference CryptoSchema schema,
                            @Reference TransactionManager transactionManager, @Reference CryptoEvents events,
                            CryptoConfiguration configuration) {
        this(CryptoSettings.from(configuration), System::getenv, new JtaTransactions(transactionManager, schema.dataSource()),
                events, keys -> register(context, keys), DEFAULT_LOG);
    }

    MasterKeyManager(CryptoSettings settings, Function<String, String> environment, Transactions transactions,
                     CryptoEvents events, Publisher publisher, System.Logger log) {
        this.unlocker = new Unlocker(transactions, new PassphraseResolver(environment), log);
        this.events = events;
        this.publisher = publisher;
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
        } else if (status.state() == KeyStatus.State.UNPROTECTED && changed.production()) {
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
     * The keyring a facade holds (read through {@code slot}, its dynamic reference). Right after an unlock or a re-open
     * the keys are usable a few milliseconds before SCR has activated and bound the new keyring; a call in that window
     * waits for it, up to {@link #OPENING_WAIT_MILLIS}, rather than fail. While locked it fails at once.
     *
     * @throws KeysLockedException when the keys are locked, or the keyring did not appear in time
     */
    public Keyring keyringOrLocked(Supplier<Keyring> slot) {
        Keyring current = slot.get();
        if (current != null) {
            return current;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(OPENING_WAIT_MILLIS);
        while (status.usable() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
            current = slot.get();
            if (current != null) {
                return current;
            }
        }
        throw lockedError();
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
            keys = opened.keys();
            status = opened.status();
            loggedReason = null;
            log.log(System.Logger.Level.INFO, "Encryption keys " + opened.status().state().name().toLowerCase(Locale.ROOT)
                    + ": " + opened.status().detail());
            unpublish = publisher.publish(opened.keys());
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
        if (unpublish != null) {
            unpublish.run();
            unpublish = null;
        }
        if (keys != null) {
            keys.wipe();
            keys = null;
        }
    }

    private static Runnable register(BundleContext context, MasterKeys keys) {
        ServiceRegistration<MasterKeys> registration = context.registerService(MasterKeys.class, keys, null);
        return () -> {
            try {
                registration.unregister();
            } catch (IllegalStateException e) {
                DEFAULT_LOG.log(System.Logger.Level.DEBUG, "The master keys were already unregistered");
            }
        };
    }
}
