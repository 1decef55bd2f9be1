package org.bastion.crm.itests.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpHeaders;
import java.util.Locale;
import java.util.Optional;

/**
 * One HTTP answer of the CRM: status, headers and body, with helpers for the JSON and problem+json bodies.
 *
 * @param method the request method, for failure messages
 * @param path the request path, for failure messages
 * @param status the status code
 * @param headers the response headers
 * @param body the response body as text
 */
public record ApiResponse(String method, String path, int status, HttpHeaders headers, String body) {

    /** The media type of error bodies. */
    public static final String PROBLEM_JSON = "application/problem+json";

    /** The body parsed as JSON. */
    public JsonNode json() {
        return Json.parse(body);
    }

    /** The first value of a header, or null. */
    public String header(String name) {
        Optional<String> value = headers.firstValue(name);
        return value.orElse(null);
    }

    /** The media type of the body without parameters, in lower case, or an empty string. */
    public String mediaType() {
        String contentType = header("Content-Type");
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    /** The ETag header. */
    public String etag() {
        return header("ETag");
    }

    /** The Location header. */
    public String location() {
        return header("Location");
    }

    @Override
    public String toString() {
        return describe();
    }

    /** A one-line description for assertion messages: request, status, content type and (abbreviated) body. */
    public String describe() {
        return method + " " + path + " -> " + status + " [" + header("Content-Type") + "] " + Json.abbreviate(body);
    }
}
