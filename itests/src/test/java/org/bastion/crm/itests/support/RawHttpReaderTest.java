package org.bastion.crm.itests.support;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.Test;

/** How the sweep's raw client reads answers off the wire. A plain unit test. */
public class RawHttpReaderTest {

    private static InputStream wire(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    public void readsBodiesByLengthAndLeavesTheNextAnswerOnTheStream() throws IOException {
        InputStream in = wire("HTTP/1.1 400 Bad Request\r\nContent-Length: 2\r\nX-A: 1\r\n\r\n{}"
                + "HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n");
        RawAnswer first = RawHttpReader.read(in, "POST");
        assertEquals(400, first.status());
        assertEquals("{}", first.text());
        assertEquals("1", first.header("X-A"));
        RawAnswer second = RawHttpReader.read(in, "DELETE");
        assertEquals(204, second.status());
        assertTrue(second.closes());
    }

    @Test
    public void readsChunkedBodiesSkipsInterimAnswersAndReadsToTheEndWithoutLength() throws IOException {
        RawAnswer chunked = RawHttpReader.read(wire("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 500 Server Error\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n5;x=y\r\nhello\r\n6\r\n world\r\n0\r\n\r\n"), "GET");
        assertEquals(500, chunked.status());
        assertEquals("hello world", chunked.text());
        RawAnswer unbounded = RawHttpReader.read(wire("HTTP/1.1 200 OK\r\n\r\nto the end"), "GET");
        assertEquals("to the end", unbounded.text());
        assertEquals(0, RawHttpReader.read(wire("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n"), "HEAD").body().length);
    }
}
