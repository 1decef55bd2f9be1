package org.bastion.crm.itests.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Looks for marker strings in files and byte arrays, each marker as UTF-8 and as UTF-16 (little and big endian)
 * bytes, so that a value stored by a database, written to a log or kept in a Java heap dump is found whichever way it
 * was encoded. Reads files in chunks and looks each position up in a bit filter first, so a whole Karaf data folder
 * is scanned for dozens of markers in one pass.
 */
public final class MarkerScan {

    private static final List<Charset> ENCODINGS =
            List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE);
    private static final int ANCHOR_BYTES = 4;
    private static final int FILTER_BITS = 1 << 22;
    private static final int CHUNK_BYTES = 8 << 20;

    private final long[] filter = new long[FILTER_BITS / 64];
    private final Map<Integer, List<Pattern>> patternsByAnchor = new HashMap<>();
    private final int longestPattern;

    /** One encoding of one marker. */
    private record Pattern(String marker, String encoding, byte[] bytes) {
    }

    /** A scan for {@code markers}, each of at least 4 characters. */
    public MarkerScan(Collection<String> markers) {
        int longest = 0;
        for (String marker : markers) {
            if (marker.length() < ANCHOR_BYTES) {
                throw new IllegalArgumentException("a marker needs at least " + ANCHOR_BYTES + " characters: " + marker);
            }
            for (Charset encoding : ENCODINGS) {
                byte[] bytes = marker.getBytes(encoding);
                int anchor = anchorAt(bytes, 0);
                patternsByAnchor.computeIfAbsent(anchor, any -> new ArrayList<>())
                        .add(new Pattern(marker, encoding.name(), bytes));
                int bit = filterBit(anchor);
                filter[bit >>> 6] |= 1L << bit;
                longest = Math.max(longest, bytes.length);
            }
        }
        this.longestPattern = longest;
    }

    /** Every regular file under {@code root}, scanned; files that vanish during the walk are listed as skipped. */
    public Hits scanTree(Path root) {
        Hits hits = new Hits();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the files under " + root, e);
        }
        for (Path file : files) {
            scanFile(file, root.relativize(file).toString(), hits);
        }
        return hits;
    }

    /** A byte array, its places named {@code name}. */
    public Hits scanBytes(byte[] data, String name) {
        Hits hits = new Hits();
        scan(data, data.length, name, hits);
        hits.scanned(name);
        return hits;
    }

    private void scanFile(Path file, String name, Hits hits) {
        byte[] buffer = new byte[CHUNK_BYTES + longestPattern];
        try (InputStream in = Files.newInputStream(file)) {
            int filled = 0;
            while (true) {
                int read = in.readNBytes(buffer, filled, buffer.length - filled);
                int length = filled + read;
                scan(buffer, length, name, hits);
                if (read == 0 || length < buffer.length) {
                    break;
                }
                // keep the tail, so a marker that straddles two chunks is seen whole in the next one
                int keep = Math.min(longestPattern - 1, length);
                System.arraycopy(buffer, length - keep, buffer, 0, keep);
                filled = keep;
            }
            hits.scanned(name);
        } catch (NoSuchFileException vanished) {
            hits.skipped(name + " (vanished during the scan)");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private void scan(byte[] data, int length, String name, Hits hits) {
        for (int position = 0; position + ANCHOR_BYTES <= length; position++) {
            int anchor = anchorAt(data, position);
            int bit = filterBit(anchor);
            if ((filter[bit >>> 6] & (1L << bit)) == 0) {
                continue;
            }
            List<Pattern> candidates = patternsByAnchor.get(anchor);
            if (candidates == null) {
                continue;
            }
            for (Pattern pattern : candidates) {
                if (matches(data, length, position, pattern.bytes())) {
                    hits.add(pattern.marker(), name + " (" + pattern.encoding() + ")");
                }
            }
        }
    }

    private static boolean matches(byte[] data, int length, int position, byte[] pattern) {
        if (position + pattern.length > length) {
            return false;
        }
        for (int i = ANCHOR_BYTES; i < pattern.length; i++) {
            if (data[position + i] != pattern[i]) {
                return false;
            }
        }
        return true;
    }

    private static int anchorAt(byte[] data, int position) {
        return (data[position] & 0xff) << 24 | (data[position + 1] & 0xff) << 16 | (data[position + 2] & 0xff) << 8
                | (data[position + 3] & 0xff);
    }

    private static int filterBit(int anchor) {
        int mixed = anchor * 0x9E3779B1;
        return (mixed ^ (mixed >>> 15)) & (FILTER_BITS - 1);
    }

    /** What a scan found: for each marker the places (file or dump, and encoding) where it occurs. */
    public static final class Hits {

        private final Map<String, Set<String>> places = new HashMap<>();
        private final List<String> skipped = new ArrayList<>();
        private int scanned;

        void add(String marker, String place) {
            places.computeIfAbsent(marker, any -> new LinkedHashSet<>()).add(place);
        }

        void scanned(String name) {
            scanned++;
        }

        void skipped(String name) {
            skipped.add(name);
        }

        /** Where {@code marker} was found; empty when nowhere. */
        public Set<String> of(String marker) {
            return places.getOrDefault(marker, Set.of());
        }

        /** Each of {@code markers} that was found, with its places; empty when none was. */
        public Map<String, Set<String>> found(Collection<String> markers) {
            Map<String, Set<String>> found = new HashMap<>();
            for (String marker : markers) {
                if (!of(marker).isEmpty()) {
                    found.put(marker, of(marker));
                }
            }
            return found;
        }

        /** How many files (or byte arrays) were scanned. */
        public int scannedCount() {
            return scanned;
        }

        /** Files that could not be scanned because they vanished meanwhile. */
        public List<String> skipped() {
            return List.copyOf(skipped);
        }
    }
}
