package org.bastion.crm.backup.internal.engine;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** Where the frames of an archive's bytes are (for tests that damage, cut or reorder them). */
final class ArchiveFrames {

    /** One frame: its offset, its whole length (header included), type and part. */
    record Frame(int offset, int length, byte type, int part) {
    }

    private ArchiveFrames() {
    }

    static List<Frame> of(byte[] archive) {
        ByteBuffer buffer = ByteBuffer.wrap(archive);
        buffer.position(8 + 2 + 1);
        int sealed = Short.toUnsignedInt(buffer.getShort());
        buffer.position(buffer.position() + sealed);
        List<Frame> frames = new ArrayList<>();
        while (buffer.hasRemaining()) {
            int offset = buffer.position();
            byte type = buffer.get();
            int part = buffer.getInt();
            int length = buffer.getInt();
            buffer.position(buffer.position() + length);
            frames.add(new Frame(offset, 9 + length, type, part));
        }
        return frames;
    }

    /** The first frame of {@code part}. */
    static Frame firstOf(byte[] archive, int part) {
        return of(archive).stream().filter(f -> f.part() == part).findFirst().orElseThrow();
    }
}
