package org.bastion.crm.database.internal;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.h2.mvstore.MVStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Keeps the embedded H2 file of the crm datasource bounded and synced: every interval it borrows a connection,
 * finds the H2 file store behind it ({@link H2Stores}) and runs {@link StoreUpkeep} on it. On PostgreSQL (or any
 * other database) a run finds no H2 store and does nothing; it asks again on every run, so a datasource switched
 * at run time is followed. It keeps no state between runs: the database is the only truth, and each node of a
 * future cluster would keep its own embedded file anyway. Rebinds (and restarts) when the datasource is replaced.
 */
@Component(immediate = true, configurationPid = DatabaseConfiguration.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = DatabaseConfiguration.class)
public final class EmbeddedDatabaseHousekeeping {

    private static final Logger LOG = System.getLogger(EmbeddedDatabaseHousekeeping.class.getName());

    private final DataSource dataSource;
    private final UpkeepSettings settings;
    private final StoreUpkeep upkeep;
    private final ScheduledExecutorService timer;
    /** Whether the last run failed: only the first failure of a series is logged as a warning. */
    private final AtomicBoolean failing = new AtomicBoolean();
    /** Whether a run found an H2 file since the activation (said once, at INFO). */
    private final AtomicBoolean announced = new AtomicBoolean();

    @Activate
    public EmbeddedDatabaseHousekeeping(@Reference(target = "(osgi.jndi.service.name=crm)") DataSource dataSource,
            DatabaseConfiguration configuration) {
        this(dataSource, UpkeepSettings.from(configuration));
    }

    public EmbeddedDatabaseHousekeeping(DataSource dataSource, UpkeepSettings settings) {
        this.dataSource = dataSource;
        this.settings = settings;
        this.upkeep = new StoreUpkeep(settings);
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "crm-database-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
        if (settings.enabled()) {
            long millis = settings.interval().toMillis();
            timer.scheduleWithFixedDelay(this::runQuietly, millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    /** Runs once now: what it did, or empty when the datasource is no embedded H2 file database. */
    public Optional<StoreUpkeep.Outcome> runOnce() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            Optional<MVStore> store = H2Stores.fileStoreOf(connection);
            return store.filter(s -> !s.isClosed()).map(upkeep::run);
        }
    }

    private void runQuietly() {
        try {
            Optional<StoreUpkeep.Outcome> done = runOnce();
            if (done.isPresent() && !announced.getAndSet(true)) {
                LOG.log(Level.INFO, "H2 housekeeping active: every " + settings.interval().toMillis() + " ms, retention "
                        + settings.retentionTimeMillis() + " ms; file " + done.get().sizeAfter() + " bytes");
            }
            done.filter(StoreUpkeep.Outcome::rewrote).ifPresent(outcome -> LOG.log(Level.DEBUG,
                    () -> "H2 housekeeping: file " + outcome.sizeBefore() + " -> " + outcome.sizeAfter()
                            + " bytes, live share of chunks " + outcome.chunksFillRateBefore() + "% -> "
                            + outcome.chunksFillRateAfter() + "%"));
            if (failing.getAndSet(false)) {
                LOG.log(Level.INFO, "H2 housekeeping runs again");
            }
        } catch (SQLException | RuntimeException e) {
            // the datasource may be going away (a configuration change): the next run, or the next activation, retries
            LOG.log(failing.getAndSet(true) ? Level.DEBUG : Level.WARNING, "H2 housekeeping failed: " + e.getMessage());
        }
    }

    /**
     * Stops the runs and gives the H2 store back its own retention time, since nothing syncs it any more. A run in
     * progress is let finish, never interrupted: an interrupt during file I/O closes H2's file channel, and with it
     * the database.
     */
    @Deactivate
    public void stop() {
        timer.shutdown();
        try {
            timer.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!settings.enabled()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            H2Stores.fileStoreOf(connection).filter(s -> !s.isClosed()).ifPresent(StoreUpkeep::release);
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.DEBUG, "H2 housekeeping: could not restore the retention time: " + e.getMessage());
        }
    }
}
