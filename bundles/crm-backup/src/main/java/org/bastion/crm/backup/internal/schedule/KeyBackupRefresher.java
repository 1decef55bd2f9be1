package org.bastion.crm.backup.internal.schedule;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.bastion.crm.api.crypto.RecordKeyBackup;
import org.bastion.crm.backup.internal.BackupService;
import org.bastion.crm.backup.internal.engine.BackupEngine;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * Rewrites the key backup ({@code record-keys.cbk}) when record keys were destroyed
 * ({@link RecordKeyBackup#KEYS_DESTROYED_TOPIC}), so an erased record stays unreadable when an older data backup is
 * restored: at most once every {@value #MIN_INTERVAL_SECONDS} seconds (a burst of erasures writes it once more after
 * the burst), then copied off-site when configured.
 */
@Component(service = {EventHandler.class, KeyBackupRefresher.class}, property = EventConstants.EVENT_TOPIC + "="
        + RecordKeyBackup.KEYS_DESTROYED_TOPIC)
public final class KeyBackupRefresher implements EventHandler {

    /** The shortest time between two rewrites. */
    public static final long MIN_INTERVAL_SECONDS = 3;

    private static final System.Logger LOG = System.getLogger(KeyBackupRefresher.class.getName());

    private final ScheduledExecutorService executor;
    private final Runnable rewrite;
    private final LongSupplier nanoTime;
    private final long minIntervalNanos;
    private boolean pending;
    private volatile String problem;
    private long lastStart = Long.MIN_VALUE;

    @Activate
    public KeyBackupRefresher(@Reference BackupEngine engine, @Reference BackupService service,
            @Reference OffsiteAndRetention after) {
        this(Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "crm-backup-key-backup");
            thread.setDaemon(true);
            return thread;
        }), () -> {
            long keys = engine.writeKeyBackup(service.directory());
            after.copyKeyBackup(service.directory());
            LOG.log(System.Logger.Level.INFO, "Key backup rewritten after record keys were destroyed (" + keys
                    + " keys)");
        }, System::nanoTime, Duration.ofSeconds(MIN_INTERVAL_SECONDS));
    }

    /** With an executor, clock and rewrite of its own (unit tests). */
    public KeyBackupRefresher(ScheduledExecutorService executor, Runnable rewrite, LongSupplier nanoTime,
            Duration minInterval) {
        this.executor = executor;
        this.rewrite = rewrite;
        this.nanoTime = nanoTime;
        this.minIntervalNanos = minInterval.toNanos();
    }

    @Override
    public synchronized void handleEvent(Event event) {
        if (pending) {
            return;
        }
        pending = true;
        long now = nanoTime.getAsLong();
        long wait = lastStart == Long.MIN_VALUE ? 0 : Math.max(0, lastStart + minIntervalNanos - now);
        executor.schedule(this::run, wait, TimeUnit.NANOSECONDS);
    }

    /** Why the last rewrite failed, or null when it worked (or none was needed). */
    public String problem() {
        return problem;
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }

    private void run() {
        synchronized (this) {
            pending = false;
            lastStart = nanoTime.getAsLong();
        }
        try {
            rewrite.run();
            problem = null;
        } catch (RuntimeException e) {
            problem = "the key backup could not be rewritten after record keys were destroyed ("
                    + e.getClass().getSimpleName() + "); erased records stay readable in older backups until it is";
            LOG.log(System.Logger.Level.WARNING, "The key backup could not be rewritten after record keys were "
                    + "destroyed (" + e.getClass().getSimpleName() + ": " + e.getMessage() + "); erased records "
                    + "may still be readable from older backups until it is");
        }
    }
}
