package org.bastion.crm.h2recovery.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Map;
import org.h2.mvstore.DataUtils;

/**
 * The two copies of an MVStore file's store header (its first two 4 KiB blocks), read without opening the store:
 * whether H2 closed the file cleanly (both readable copies carry {@code clean:1}) and which chunk they name.
 */
final class StoreHeader {

    private static final int BLOCK_SIZE = 4096;
    private static final String CHECKSUM = ",fletcher:";

    private final Map<String, String> newest;
    private final boolean clean;

    private StoreHeader(Map<String, String> newest, boolean clean) {
        this.newest = newest;
        this.clean = clean;
    }

    /** Reads the header of {@code file}; throws if it cannot be read. */
    static StoreHeader read(Path file) throws IOException {
        ByteBuffer blocks = ByteBuffer.allocate(2 * BLOCK_SIZE);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            while (blocks.hasRemaining() && channel.read(blocks, blocks.position()) > 0) {
                // read both blocks (a short file leaves the rest zero: no readable copy there)
            }
        }
        Map<String, String> newest = null;
        boolean clean = true;
        boolean readable = false;
        for (int block = 0; block < 2; block++) {
            byte[] bytes = Arrays.copyOfRange(blocks.array(), block * BLOCK_SIZE, (block + 1) * BLOCK_SIZE);
            Map<String, String> copy = parse(bytes);
            if (copy == null) {
                clean = false;
                continue;
            }
            readable = true;
            clean &= "1".equals(copy.get("clean"));
            if (newest == null || version(copy) > version(newest)) {
                newest = copy;
            }
        }
        return new StoreHeader(newest, readable && clean);
    }

    /** Whether H2 closed the file cleanly: then its own open finds every committed chunk without a scan. */
    boolean closedCleanly() {
        return clean;
    }

    /** The chunk and version the header names, for the log ("chunk 137, version 137"), or "no chunk". */
    String describe() {
        if (newest == null || newest.get("chunk") == null) {
            return "no chunk";
        }
        return "chunk " + newest.get("chunk") + ", version " + newest.get("version");
    }

    private static long version(Map<String, String> header) {
        return DataUtils.readHexLong(header, "version", 0);
    }

    /** One copy: {@code key:value,...,fletcher:<Fletcher-32 of the text before ",fletcher:">}, or null if torn. */
    private static Map<String, String> parse(byte[] block) {
        String text = new String(block, StandardCharsets.ISO_8859_1);
        int end = text.indexOf('\n');
        int checksumAt = end < 0 ? -1 : text.lastIndexOf(CHECKSUM, end);
        if (checksumAt < 0) {
            return null;
        }
        try {
            byte[] payload = text.substring(0, checksumAt).getBytes(StandardCharsets.ISO_8859_1);
            int checksum = (int) Long.parseLong(text.substring(checksumAt + CHECKSUM.length(), end), 16);
            if (DataUtils.getFletcher32(payload, 0, payload.length) != checksum) {
                return null;
            }
            return DataUtils.parseMap(text.substring(0, checksumAt));
        } catch (RuntimeException unreadable) {
            return null;
        }
    }
}
