package org.bastion.crm.itests.support;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one HTTP/1.1 answer from a stream: status line, headers, and a body delimited by Content-Length, by chunks,
 * or by the end of the stream; no body for HEAD, 1xx, 204 and 304. Interim 1xx answers are skipped.
 */
public final class RawHttpReader {

    private static final int MAX_LINE = 64 * 1024;

    private RawHttpReader() {
    }

    /** The next answer on {@code in} to a request of {@code method}. */
    public static RawAnswer read(InputStream in, String method) throws IOException {
        while (true) {
            String statusLine = line(in);
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
                throw new IOException("not an HTTP status line: " + statusLine);
            }
            int status = Integer.parseInt(parts[1]);
            Map<String, List<String>> headers = headers(in);
            if (status >= 100 && status < 200) {
                continue;
            }
            byte[] body = method.equals("HEAD") || status == 204 || status == 304 ? new byte[0] : body(in, headers);
            return new RawAnswer(status, headers, body);
        }
    }

    private static Map<String, List<String>> headers(InputStream in) throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(line.substring(colon + 1).trim());
            }
        }
        return headers;
    }

    private static byte[] body(InputStream in, Map<String, List<String>> headers) throws IOException {
        List<String> encoding = headers.get("transfer-encoding");
        if (encoding != null && encoding.get(encoding.size() - 1).toLowerCase(Locale.ROOT).contains("chunked")) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (int size = chunkSize(line(in)); size > 0; size = chunkSize(line(in))) {
                body.writeBytes(exactly(in, size));
                line(in);
            }
            headers(in);
            return body.toByteArray();
        }
        List<String> length = headers.get("content-length");
        if (length != null) {
            return exactly(in, Integer.parseInt(length.get(0).trim()));
        }
        return in.readAllBytes();
    }

    private static int chunkSize(String line) throws IOException {
        int semicolon = line.indexOf(';');
        try {
            return Integer.parseInt((semicolon < 0 ? line : line.substring(0, semicolon)).trim(), 16);
        } catch (NumberFormatException e) {
            throw new IOException("not a chunk size: " + line, e);
        }
    }

    private static byte[] exactly(InputStream in, int length) throws IOException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length < length) {
            throw new EOFException("the body ended after " + bytes.length + " of " + length + " bytes");
        }
        return bytes;
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new EOFException("the connection ended inside a line");
            }
            if (line.size() >= MAX_LINE) {
                throw new IOException("a line longer than " + MAX_LINE + " bytes");
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }
}
