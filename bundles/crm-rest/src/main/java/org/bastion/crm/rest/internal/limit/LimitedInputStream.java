package org.bastion.crm.rest.internal.limit;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Passes a stream through, counting bytes, and fails with {@link BodyTooLargeException} once it exceeds a limit. */
public class LimitedInputStream extends FilterInputStream {

    private final long limit;
    private long count;
    private long mark = -1;

    public LimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count(skipped);
        return skipped;
    }

    @Override
    public synchronized void mark(int readLimit) {
        super.mark(readLimit);
        mark = count;
    }

    @Override
    public synchronized void reset() throws IOException {
        super.reset();
        if (mark >= 0) {
            count = mark;
        }
    }

    private void count(long n) throws BodyTooLargeException {
        count += n;
        if (count > limit) {
            throw new BodyTooLargeException(limit);
        }
    }
}
