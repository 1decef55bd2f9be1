package org.bastion.crm.itests.support;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.Duration;

/**
 * The key side of the REST API: the {@code crypto} component of {@code GET /health}, {@code GET /keys} (status,
 * key versions, rotations) and starting and following a rotation.
 */
public final class KeysApi {

    /** The name of the crypto bundle's health component. */
    public static final String CRYPTO_COMPONENT = "crypto";

    private final CrmApi api;

    /** Key requests through {@code api}. */
    public KeysApi(CrmApi api) {
        this.api = api;
    }

    /** The {@code crypto} component of the health report (which answers 200 or, when something is DOWN, 503). */
    public JsonNode cryptoHealth() {
        ApiResponse health = api.get("/health");
        assertTrue("health answers 200 or 503: " + health.describe(), health.status() == 200 || health.status() == 503);
        for (JsonNode component : health.json().path("components")) {
            if (CRYPTO_COMPONENT.equals(component.path("component").asText())) {
                return component;
            }
        }
        return MissingNode.getInstance();
    }

    /** Whether health reports the keys usable: a crypto component that is not DOWN. */
    public boolean healthSaysUsable() {
        JsonNode crypto = cryptoHealth();
        return !crypto.isMissingNode() && !"DOWN".equals(crypto.path("state").asText());
    }

    /** {@code GET /keys}: status, key versions and rotations. */
    public JsonNode overview() {
        return Expect.json(200, api.get("/keys"));
    }

    /** The key version {@code <purpose>-v<version>} in an overview, or a missing node. */
    public static JsonNode key(JsonNode overview, String purpose, int version) {
        for (JsonNode key : overview.path("keys")) {
            if (purpose.equals(key.path("purpose").asText()) && key.path("version").asInt() == version) {
                return key;
            }
        }
        return MissingNode.getInstance();
    }

    /** The version of {@code purpose} that is ACTIVE in an overview; fails unless there is exactly one. */
    public static int activeVersion(JsonNode overview, String purpose) {
        int active = 0;
        int count = 0;
        for (JsonNode key : overview.path("keys")) {
            if (purpose.equals(key.path("purpose").asText()) && "ACTIVE".equals(key.path("state").asText())) {
                active = key.path("version").asInt();
                count++;
            }
        }
        assertEquals("exactly one ACTIVE " + purpose + " key: " + overview.path("keys"), 1, count);
        return active;
    }

    /** {@code POST /keys/{purpose}/rotations}: 202 with a Location; returns the response. */
    public ApiResponse startRotation(String purpose) {
        ApiResponse started = api.post("/keys/" + purpose + "/rotations", null);
        Expect.status(202, started);
        assertTrue("a started rotation names its Location: " + started.describe(), started.location() != null);
        return started;
    }

    /** Polls a rotation until it is no longer RUNNING and asserts that it COMPLETED; returns it. */
    public JsonNode awaitCompleted(String location, Duration timeout) {
        JsonNode ended = Await.until("rotation " + location + " to end", timeout,
                () -> Expect.json(200, api.get(location)), rotation -> !"RUNNING".equals(rotation.path("state").asText()));
        assertEquals("the rotation completed: " + ended, "COMPLETED", ended.path("state").asText());
        return ended;
    }
}
