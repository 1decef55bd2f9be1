package org.bastion.crm.itests.checks.monitor;

import java.time.Duration;
import java.util.Optional;

import org.bastion.crm.itests.support.ApiResponse;
import org.bastion.crm.itests.support.CrmApi;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code /api/v1/alerts} as the checks use it, with a fast poll for the alert of a rule and subject. */
final class AlertsApi {

    private static final long POLL_MILLIS = 20;

    private final CrmApi admin;

    AlertsApi(CrmApi admin) {
        this.admin = admin;
    }

    /** The newest alert of {@code rule} about {@code subject} in {@code GET /alerts}, if any. */
    Optional<JsonNode> find(String rule, String subject) {
        ApiResponse response = admin.get("/alerts?rule=" + rule + "&size=200");
        if (response.status() != 200) {
            return Optional.empty();
        }
        for (JsonNode item : response.json().path("items")) {
            if (item.path("subject").asText().equals(subject)) {
                return Optional.of(item);
            }
        }
        return Optional.empty();
    }

    /**
     * Polls {@code GET /alerts} every 20 ms until the alert of {@code rule} about {@code subject} shows; the alert and
     * the time it took from {@code since} (nanoTime).
     */
    Seen await(String rule, String subject, long since, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<JsonNode> alert = find(rule, subject);
            if (alert.isPresent()) {
                return new Seen(alert.get(), Duration.ofNanos(System.nanoTime() - since));
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + rule + " alert about " + subject + " in GET /alerts after "
                        + timeout.toSeconds() + " s");
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** An alert as listed, and how long after the trigger it showed. */
    record Seen(JsonNode alert, Duration latency) {

        String id() {
            return alert.path("id").asText();
        }
    }
}
