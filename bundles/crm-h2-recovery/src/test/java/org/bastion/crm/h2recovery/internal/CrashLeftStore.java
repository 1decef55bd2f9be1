package org.bastion.crm.h2recovery.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * MVStore files as {@code kill -9} leaves them: a store commits as the CRM's H2 does ({@code WRITE_DELAY=0}: every
 * commit written by the committing thread), reusing free space, and after each commit its file is copied as it is
 * (what a killed process leaves in the file). Each copy records which commit it must show.
 */
final class CrashLeftStore {

    static final String MAP = "m";
    static final int LAST_COMMIT_KEY = -1;

    /** A copy of the file taken right after commit {@code commit}. */
    record Copy(Path file, String commit) {
    }

    private CrashLeftStore() {
    }

    /** Commits {@code commits} times to a store in {@code dir} and returns a copy of its file after each commit. */
    static List<Copy> commitAndCopy(Path dir, int commits) throws IOException {
        Path file = dir.resolve("live.mv.db");
        Random random = new Random(42);
        List<Copy> copies = new ArrayList<>();
        MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
        try {
            store.setRetentionTime(0);
            MVMap<Integer, String> map = store.openMap(MAP);
            for (int commit = 1; commit <= commits; commit++) {
                int changes = 1 + random.nextInt(20);
                for (int i = 0; i < changes; i++) {
                    map.put(random.nextInt(300), "x".repeat(random.nextInt(3000)));
                }
                map.put(LAST_COMMIT_KEY, "commit " + commit);
                store.commit();
                Path copy = Files.createDirectories(dir.resolve("copy" + commit)).resolve("crm.mv.db");
                Files.copy(file, copy);
                copies.add(new Copy(copy, "commit " + commit));
            }
        } finally {
            store.closeImmediately();
        }
        return copies;
    }

    /** The last commit a plain (not recovering) open of {@code file} shows. */
    static String lastCommitSeen(Path file) {
        try (MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open()) {
            return store.<Integer, String>openMap(MAP).get(LAST_COMMIT_KEY);
        }
    }
}
