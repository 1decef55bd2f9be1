package org.bastion.crm.h2recovery.internal;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVStore;

/**
 * Recovers an H2 database file that was not closed cleanly before H2 opens it for the CRM, with the full scan of H2's
 * own recovery mode, then closes it cleanly so that H2's normal open finds the newest committed chunk.
 * <p>
 * Why: after a crash, H2 2.5.252's normal open looks for the newest chunk only along the chain that starts at the
 * chunk the store header names, and at the end of the file. The header is rewritten when a chunk is not stored where
 * the previous one predicted (free space is reused), but it then names the previous chunk (RandomAccessStore writes
 * the header before FileStore makes the new chunk the last one), so that newest chunk, and those that follow it in
 * the chain, are invisible to the normal open until the header is rewritten again (up to 20 commits later): a
 * {@code kill -9} in that window loses commits H2 had written to the file and the CRM had acknowledged. The full scan
 * reads every chunk in the file and keeps the newest complete set, as H2 does when its quick recovery fails.
 * <p>
 * A file is recovered at most once per JVM (a system property marks it), so a datasource created again while H2
 * holds the file open never opens it a second time beside H2.
 */
final class UncleanShutdownRecovery {

    private static final System.Logger LOG = System.getLogger(UncleanShutdownRecovery.class.getName());
    private static final String MARK = "org.bastion.crm.h2recovery.checked:";

    private UncleanShutdownRecovery() {
    }

    /**
     * Recovers {@code file} if it exists, was not closed cleanly and was not checked yet in this JVM; returns whether
     * it opened the file to recover it.
     */
    static boolean recoverIfNeeded(Path file) {
        synchronized (UncleanShutdownRecovery.class) {
            String mark = MARK + file;
            if (System.getProperty(mark) != null) {
                return false;
            }
            // marked even when the file does not exist yet: H2 creates it and holds it open from now on
            System.setProperty(mark, "true");
            if (!Files.isRegularFile(file)) {
                return false;
            }
            try {
                StoreHeader before = StoreHeader.read(file);
                if (before.closedCleanly()) {
                    return false;
                }
                long started = System.nanoTime();
                recover(file);
                LOG.log(Level.INFO, "H2 database " + file + " was not closed cleanly: recovered with a full scan in "
                        + (System.nanoTime() - started) / 1_000_000 + " ms (header named " + before.describe()
                        + ", now " + StoreHeader.read(file).describe() + ")");
                return true;
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "H2 database " + file + " was not closed cleanly and could not be recovered"
                        + " with a full scan (" + e + "); H2 opens it with its own recovery", e);
                return true;
            }
        }
    }

    /** Opens the store in H2's recovery mode (a full scan for the newest complete chunk set) and closes it cleanly. */
    static void recover(Path file) {
        try (MVStore store = new MVStore.Builder().fileName(file.toString()).recoveryMode().open()) {
            store.getCurrentVersion();
        }
    }
}
