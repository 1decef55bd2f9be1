package org.bastion.crm.itests.support;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Assertions on CRM responses whose failure messages show the request and what came back.
 */
public final class Expect {

    private Expect() {
    }

    /** Asserts the status and returns the response. */
    public static ApiResponse status(int expected, ApiResponse response) {
        if (response.status() != expected) {
            fail("expected " + expected + ": " + response.describe());
        }
        return response;
    }

    /** Asserts that a DELETE succeeded (204, or 200 with a body). */
    public static ApiResponse deleted(ApiResponse response) {
        if (response.status() != 204 && response.status() != 200) {
            fail("expected 204: " + response.describe());
        }
        return response;
    }

    /** Asserts a 2xx-status JSON response and returns its body. */
    public static JsonNode json(int expected, ApiResponse response) {
        status(expected, response);
        assertTrue("expected a JSON body: " + response.describe(), response.mediaType().endsWith("json"));
        return response.json();
    }

    /**
     * Asserts an RFC 9457 problem: the status, the media type, the members type/title/status/detail/instance
     * (detail and instance where the server has them) and no stack trace; returns the problem.
     */
    public static JsonNode problem(int expected, ApiResponse response) {
        status(expected, response);
        assertEquals("problem media type: " + response.describe(), ApiResponse.PROBLEM_JSON, response.mediaType());
        JsonNode problem = response.json();
        assertTrue("problem has a type: " + response.describe(), problem.path("type").isTextual());
        assertTrue("problem has a title: " + response.describe(), problem.path("title").isTextual());
        assertEquals("problem status: " + response.describe(), expected, problem.path("status").asInt());
        assertTrue("problem has a detail: " + response.describe(), problem.has("detail"));
        assertTrue("problem has an instance: " + response.describe(), problem.has("instance"));
        noStackTrace(response);
        return problem;
    }

    /** Asserts a problem whose status is one of {@code allowed} (where the contract leaves the choice); returns it. */
    public static JsonNode problemWithStatusIn(ApiResponse response, int... allowed) {
        for (int status : allowed) {
            if (response.status() == status) {
                return problem(status, response);
            }
        }
        throw new AssertionError("expected one of " + Arrays.toString(allowed) + ": " + response.describe());
    }

    /** The body with the value of its {@code instance} member blanked out, to compare two problems byte for byte. */
    public static String bodyWithoutInstance(ApiResponse response) {
        return response.body().replaceAll("\"instance\"\\s*:\\s*\"(?:[^\"\\\\]|\\\\.)*\"", "\"instance\":\"\"");
    }

    /** Asserts a 400 problem with at least one field error whose field names {@code fieldPart}; returns the errors. */
    public static List<String> fieldError(String fieldPart, ApiResponse response) {
        JsonNode problem = problem(400, response);
        JsonNode errors = problem.path("errors");
        assertTrue("validation problem lists errors[]: " + response.describe(), errors.isArray() && errors.size() > 0);
        List<String> fields = new ArrayList<>();
        for (JsonNode error : errors) {
            assertTrue("each error has a message: " + response.describe(), error.path("message").isTextual());
            fields.add(error.path("field").asText());
        }
        assertTrue("an error names " + fieldPart + ": " + response.describe(),
                fields.stream().anyMatch(field -> field.toLowerCase().contains(fieldPart.toLowerCase())));
        return fields;
    }

    /** Asserts that a body shows no Java internals. */
    public static void noStackTrace(ApiResponse response) {
        String body = response.body();
        assertFalse("stack trace leaked: " + response.describe(), body.contains("\tat ") || body.contains("at org.")
                || body.contains("at java.") || body.contains("Exception:"));
    }

    /** Asserts that the ETag is the strong, quoted version number and returns it. */
    public static String versionEtag(ApiResponse response) {
        String etag = response.etag();
        assertTrue("ETag is \"<version>\": " + etag + " on " + response.describe(),
                etag != null && etag.matches("\"\\d+\""));
        return etag;
    }
}
