package org.bastion.crm.database.internal;

import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.RandomAccessStore;

/**
 * One housekeeping run on an H2 file store, what H2's background writer does when {@code WRITE_DELAY} is above 0
 * and does not do at {@code WRITE_DELAY=0} (every commit writes its own chunk, and nothing reclaims the chunks left
 * behind): it sets the retention time, rewrites the live pages of mostly dead chunks (public
 * {@link MVStore#compact}), moves chunks down to shrink the file ({@link RandomAccessStore#compactMoveChunks}, which
 * syncs before it overwrites or truncates), then syncs the file (fsync), so that everything committed before the run
 * is on disk. Runs concurrently with transactions, as H2's own background writer does.
 */
public final class StoreUpkeep {

    /** What a run found and left: file size in bytes, and the live share of the chunks in percent. */
    public record Outcome(long sizeBefore, long sizeAfter, int chunksFillRateBefore, int chunksFillRateAfter,
            boolean rewrote) {
    }

    /** How often one run asks H2 to compact before it gives up until the next run (about 10 ms each). */
    static final int COMPACT_ATTEMPTS = 50;

    private final UpkeepSettings settings;

    public StoreUpkeep(UpkeepSettings settings) {
        this.settings = settings;
    }

    /** Runs once on {@code store}, an open H2 file store. */
    public Outcome run(MVStore store) {
        FileStore<?> file = store.getFileStore();
        if (file.getRetentionTime() != settings.retentionTimeMillis()) {
            store.setRetentionTime(settings.retentionTimeMillis());
        }
        long sizeBefore = file.size();
        int fillBefore = file.getChunksFillRate();
        boolean rewrote = false;
        // MVStore.compact gives up when it cannot take the store lock within 10 ms, which under sustained commits (each
        // takes that lock at WRITE_DELAY=0) is most of the time: ask again, a bounded number of times
        for (int attempt = 0; attempt < COMPACT_ATTEMPTS && !rewrote
                && file.getChunksFillRate() < settings.targetFillRate(); attempt++) {
            rewrote = store.compact(settings.targetFillRate(), settings.rewriteLimitBytes());
        }
        if (rewrote) {
            store.commit();
        }
        if (file instanceof RandomAccessStore randomAccess) {
            randomAccess.compactMoveChunks(settings.targetFillRate(), settings.rewriteLimitBytes(), store);
        }
        store.sync();
        return new Outcome(sizeBefore, file.size(), fillBefore, file.getChunksFillRate(), rewrote);
    }

    /** Gives {@code store} back H2's own retention time (the housekeeping stops: nothing syncs any more). */
    public static void release(MVStore store) {
        FileStore<?> file = store.getFileStore();
        store.setRetentionTime(file.getDefaultRetentionTime());
        store.sync();
    }
}
