package org.bastion.crm.rest.internal.window;

import java.io.BufferedReader;
import java.io.IOException;

import javax.servlet.ReadListener;
import javax.servlet.ServletInputStream;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletRequestWrapper;

/**
 * A request that notes whether anything read its body: a byte read or skipped from its input stream, or its reader
 * asked for. Opening the stream is not reading it (CXF opens it for every request it accepts). A request whose body
 * was read is never run through the chain again.
 */
final class BodyWatchingRequest extends HttpServletRequestWrapper {

    private volatile boolean bodyRead;

    BodyWatchingRequest(HttpServletRequest request) {
        super(request);
    }

    /** Whether any byte of the body may have been consumed. */
    boolean bodyRead() {
        return bodyRead;
    }

    @Override
    public BufferedReader getReader() throws IOException {
        bodyRead = true;
        return super.getReader();
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        return new WatchedInput(super.getInputStream());
    }

    /** The container's stream, noting the first read. */
    private final class WatchedInput extends ServletInputStream {

        private final ServletInputStream in;

        WatchedInput(ServletInputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            bodyRead = true;
            return in.read();
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            bodyRead = true;
            return in.read(bytes, offset, length);
        }

        @Override
        public int readLine(byte[] bytes, int offset, int length) throws IOException {
            bodyRead = true;
            return in.readLine(bytes, offset, length);
        }

        @Override
        public long skip(long n) throws IOException {
            bodyRead = true;
            return in.skip(n);
        }

        @Override
        public int available() throws IOException {
            return in.available();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            bodyRead = true;
            in.setReadListener(listener);
        }
    }
}
