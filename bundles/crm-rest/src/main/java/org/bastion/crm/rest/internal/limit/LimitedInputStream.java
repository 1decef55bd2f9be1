package org.bastion.crm.rest.internal.limit;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes a request body through, counting bytes: fails with {@link BodyTooLargeException} once it exceeds a limit,
 * and with {@link BodyUnreadableException} when the container cannot deliver it (Jetty reports a malformed chunked
 * body as an {@code IllegalStateException} or its own {@code BadMessageException}, both unchecked).
 */
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
        int b;
        try {
            b = super.read();
        } catch (IOException | RuntimeException e) {
            throw unreadable(e);
        }
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n;
        try {
            n = super.read(buffer, offset, length);
        } catch (IOException | RuntimeException e) {
            throw unreadable(e);
        }
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped;
        try {
            skipped = super.skip(n);
        } catch (IOException | RuntimeException e) {
            throw unreadable(e);
        }
        count(skipped);
        return skipped;
    }

    @Override
    public int available() throws IOException {
        try {
            return super.available();
        } catch (IOException | RuntimeException e) {
            throw unreadable(e);
        }
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

    /** Our own failures pass unchanged; anything the container throws while delivering the body is the client's. */
    private static IOException unreadable(Exception e) {
        return e instanceof BodyTooLargeException || e instanceof BodyUnreadableException ? (IOException) e
                : new BodyUnreadableException(e);
    }

    private void count(long n) throws BodyTooLargeException {
        count += n;
        if (count > limit) {
            throw new BodyTooLargeException(limit);
        }
    }
}
