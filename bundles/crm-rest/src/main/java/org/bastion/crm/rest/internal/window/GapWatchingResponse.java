package org.bastion.crm.rest.internal.window;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import javax.servlet.ServletOutputStream;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpServletResponseWrapper;

/**
 * A response that passes everything through to the container at once, except CXF's rebuild-gap answer, which it holds
 * back until the chain has returned: {@code setStatus(404)}, then {@code setContentType("text/html")}, then
 * {@code getWriter()} and the text {@link RebuildGap#NOT_FOUND_BODY}, in that order and nothing else in between
 * ({@code ServletController.generateNotFound} of CXF 3.6.10). The first call that departs from that sequence
 * releases what was held, in the order it was given, and the response is an ordinary pass-through from then on.
 *
 * <p>So an answer that is not exactly the gap answer reaches the client unchanged (a resource's own 404 is
 * problem+json and is released at its first header), and the gap answer never reaches it: the filter can run the
 * chain again on a fresh response.
 */
final class GapWatchingResponse extends HttpServletResponseWrapper {

    /** What the chain did with the response, once it returned. */
    enum Outcome {
        /** CXF's 404 "No service was found." exactly, held back: nothing reached the container. */
        GAP_ANSWER,
        /** Not a single call: CXF found the application's destination without a message observer and returned. */
        UNTOUCHED,
        /** Anything else: it has reached (or is reaching) the container. */
        ANSWERED
    }

    private enum State { UNTOUCHED, STATUS_HELD, TYPE_HELD, CAPTURING, PASSING }

    private State state = State.UNTOUCHED;
    private final StringBuilder captured = new StringBuilder();
    private boolean capturedWriterClosed;
    private PrintWriter capturingWriter;

    GapWatchingResponse(HttpServletResponse response) {
        super(response);
    }

    private HttpServletResponse real() {
        return (HttpServletResponse) getResponse();
    }

    /**
     * Ends the watch when the chain has returned on the filter's thread: the gap answer stays held (and is dropped),
     * anything else held is released. With {@code asyncStarted} nothing counts as a gap: the answer is still to come.
     */
    synchronized Outcome finish(boolean asyncStarted) throws IOException {
        if (!asyncStarted) {
            if (state == State.CAPTURING && RebuildGap.NOT_FOUND_BODY.contentEquals(captured)) {
                return Outcome.GAP_ANSWER;
            }
            if (state == State.UNTOUCHED) {
                return Outcome.UNTOUCHED;
            }
        }
        release();
        return Outcome.ANSWERED;
    }

    /** Whether no call at all reached this response (for a chain that threw). */
    synchronized boolean untouched() {
        return state == State.UNTOUCHED;
    }

    /** Gives the container what was held back, in order; from now on every call passes through. */
    private synchronized void release() throws IOException {
        State held = state;
        state = State.PASSING;
        if (held == State.STATUS_HELD || held == State.TYPE_HELD || held == State.CAPTURING) {
            real().setStatus(RebuildGap.NOT_FOUND_STATUS);
        }
        if (held == State.TYPE_HELD || held == State.CAPTURING) {
            real().setContentType(RebuildGap.NOT_FOUND_CONTENT_TYPE);
        }
        if (held == State.CAPTURING) {
            PrintWriter writer = real().getWriter();
            writer.append(captured);
            if (capturedWriterClosed) {
                writer.close();
            }
        }
    }

    private synchronized void pass() {
        try {
            release();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void setStatus(int sc) {
        if (state == State.UNTOUCHED && sc == RebuildGap.NOT_FOUND_STATUS) {
            state = State.STATUS_HELD;
            return;
        }
        pass();
        super.setStatus(sc);
    }

    @Override
    public synchronized int getStatus() {
        return state == State.STATUS_HELD || state == State.TYPE_HELD || state == State.CAPTURING
                ? RebuildGap.NOT_FOUND_STATUS : super.getStatus();
    }

    @Override
    public synchronized void setContentType(String type) {
        if (state == State.STATUS_HELD && RebuildGap.NOT_FOUND_CONTENT_TYPE.equals(type)) {
            state = State.TYPE_HELD;
            return;
        }
        pass();
        super.setContentType(type);
    }

    @Override
    public synchronized String getContentType() {
        return state == State.TYPE_HELD || state == State.CAPTURING
                ? RebuildGap.NOT_FOUND_CONTENT_TYPE : super.getContentType();
    }

    @Override
    public synchronized PrintWriter getWriter() throws IOException {
        if (state == State.TYPE_HELD) {
            state = State.CAPTURING;
            capturingWriter = new PrintWriter(new CapturingWriter());
            return capturingWriter;
        }
        if (state == State.CAPTURING) {
            return capturingWriter;
        }
        release();
        return super.getWriter();
    }

    /** Keeps the text while the response is held and it is still the start of the gap answer; else releases. */
    private final class CapturingWriter extends Writer {

        @Override
        public void write(char[] chars, int offset, int length) throws IOException {
            synchronized (GapWatchingResponse.this) {
                if (state == State.CAPTURING) {
                    captured.append(chars, offset, length);
                    if (!RebuildGap.NOT_FOUND_BODY.startsWith(captured.toString())) {
                        release();
                    }
                    return;
                }
            }
            real().getWriter().write(chars, offset, length);
        }

        @Override
        public void flush() throws IOException {
            synchronized (GapWatchingResponse.this) {
                if (state == State.CAPTURING) {
                    return;
                }
            }
            real().getWriter().flush();
        }

        @Override
        public void close() throws IOException {
            synchronized (GapWatchingResponse.this) {
                if (state == State.CAPTURING) {
                    capturedWriterClosed = true;
                    return;
                }
            }
            real().getWriter().close();
        }
    }

    // every other call departs from the gap sequence: release, then pass it on

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        release();
        return super.getOutputStream();
    }

    @Override
    public void setStatus(int sc, String message) {
        pass();
        super.setStatus(sc, message);
    }

    @Override
    public void sendError(int sc) throws IOException {
        release();
        super.sendError(sc);
    }

    @Override
    public void sendError(int sc, String message) throws IOException {
        release();
        super.sendError(sc, message);
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        release();
        super.sendRedirect(location);
    }

    @Override
    public void setHeader(String name, String value) {
        pass();
        super.setHeader(name, value);
    }

    @Override
    public void addHeader(String name, String value) {
        pass();
        super.addHeader(name, value);
    }

    @Override
    public void setIntHeader(String name, int value) {
        pass();
        super.setIntHeader(name, value);
    }

    @Override
    public void addIntHeader(String name, int value) {
        pass();
        super.addIntHeader(name, value);
    }

    @Override
    public void setDateHeader(String name, long date) {
        pass();
        super.setDateHeader(name, date);
    }

    @Override
    public void addDateHeader(String name, long date) {
        pass();
        super.addDateHeader(name, date);
    }

    @Override
    public void addCookie(Cookie cookie) {
        pass();
        super.addCookie(cookie);
    }

    @Override
    public void setCharacterEncoding(String charset) {
        pass();
        super.setCharacterEncoding(charset);
    }

    @Override
    public void setContentLength(int length) {
        pass();
        super.setContentLength(length);
    }

    @Override
    public void setContentLengthLong(long length) {
        pass();
        super.setContentLengthLong(length);
    }

    @Override
    public void setLocale(Locale locale) {
        pass();
        super.setLocale(locale);
    }

    @Override
    public void setBufferSize(int size) {
        pass();
        super.setBufferSize(size);
    }

    @Override
    public void flushBuffer() throws IOException {
        release();
        super.flushBuffer();
    }

    @Override
    public void resetBuffer() {
        pass();
        super.resetBuffer();
    }

    @Override
    public void reset() {
        pass();
        super.reset();
    }

    @Override
    public void setTrailerFields(Supplier<Map<String, String>> supplier) {
        pass();
        super.setTrailerFields(supplier);
    }
}
