package org.bastion.crm.itests.support;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP answer as {@link RawHttps} read it off the wire: status, headers by lower-case name, body bytes.
 *
 * @param status the status code
 * @param headers every header, by lower-case name, in the order received
 * @param body the body, decoded from chunks where it was chunked
 */
public record RawAnswer(int status, Map<String, List<String>> headers, byte[] body) {

    /** The first value of a header, or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The body as text (UTF-8, malformed bytes replaced). */
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Whether the server said it closes the connection after this answer. */
    public boolean closes() {
        String connection = header("connection");
        return connection != null && connection.toLowerCase(Locale.ROOT).contains("close");
    }
}
