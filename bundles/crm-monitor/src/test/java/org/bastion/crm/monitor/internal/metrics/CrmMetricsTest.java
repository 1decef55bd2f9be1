package org.bastion.crm.monitor.internal.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.bastion.crm.api.audit.AuditLog;
import org.bastion.crm.api.monitor.AlertEvents;
import org.bastion.crm.monitor.internal.delivery.AlertEventsForTests;
import org.junit.jupiter.api.Test;

class CrmMetricsTest {

    /** An audit log that only answers its backlog. */
    private static AuditLog backlogOf(long queued, long unchained) {
        return new AuditLog() {
            @Override
            public void record(org.bastion.crm.api.audit.AuditEntry entry) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void recordLater(org.bastion.crm.api.audit.AuditEntry entry) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Backlog backlog() {
                return new Backlog(queued, unchained);
            }
        };
    }

    @Test
    void requestsAreCountedAndTimedPerMethodAndTemplate() {
        CrmMetrics metrics = new CrmMetrics(Map::of, () -> null);
        metrics.request("GET", "/contacts/{id}", 200, 3_000_000);
        metrics.request("GET", "/contacts/{id}", 200, 7_000_000);
        metrics.request("BREW", "unmatched", 404, -1);
        String text = text(metrics);
        assertThat(text).contains("crm_http_requests_total{method=\"GET\",path=\"/contacts/{id}\",status=\"200\"} 2.0")
                .contains("crm_http_requests_total{method=\"OTHER\",path=\"unmatched\",status=\"404\"} 1.0")
                .contains("crm_http_request_duration_seconds_count{method=\"GET\",path=\"/contacts/{id}\"} 2")
                .contains("crm_http_request_duration_seconds_bucket{method=\"GET\",path=\"/contacts/{id}\",le=\"0.005\"} 1")
                .doesNotContain("crm_http_request_duration_seconds_count{method=\"OTHER\"");
    }

    @Test
    void loginsOpenAlertsAndTheAuditBacklogAreSeries() {
        OpenAlerts open = new OpenAlerts();
        CrmMetrics metrics = new CrmMetrics(open::byRule, () -> backlogOf(7, 3));
        LoginMetrics logins = new LoginMetrics(metrics);
        logins.recorded(AuditRecords.of("auth.login.failed"));
        logins.recorded(AuditRecords.of("auth.login.failed"));
        logins.recorded(AuditRecords.of("auth.login.succeeded"));
        logins.recorded(AuditRecords.of("contact.read"));
        open.handleEvent(AlertEventsForTests.event(AlertEvents.ALERT_RAISED, "a1", "failed-logins", "open"));
        open.handleEvent(AlertEventsForTests.event(AlertEvents.ALERT_RAISED, "a2", "failed-logins", "open"));
        open.handleEvent(AlertEventsForTests.event(AlertEvents.ALERT_RAISED, "a3", "mass-read", "open"));
        open.handleEvent(AlertEventsForTests.event(AlertEvents.ALERT_CHANGED, "a3", "mass-read", "resolved"));
        open.handleEvent(AlertEventsForTests.event(AlertEvents.ALERT_CHANGED, "a2", "failed-logins", "acknowledged"));
        String text = text(metrics);
        assertThat(text).contains("crm_logins_total{outcome=\"failed\"} 2.0", "crm_logins_total{outcome=\"succeeded\"} 1.0")
                .contains("crm_alerts_open{rule=\"failed-logins\"} 2.0")
                .doesNotContain("rule=\"mass-read\"")
                .contains("crm_audit_queue_depth 7.0", "crm_audit_chain_lag 3.0")
                .contains("# HELP crm_logins_total", "# TYPE crm_logins_total counter");
    }

    @Test
    void withoutTheAuditBundleItsSeriesAreLeftOut() {
        String text = text(new CrmMetrics(Map::of, () -> null));
        assertThat(text).doesNotContain("crm_audit_queue_depth ").doesNotContain("crm_audit_chain_lag ");
    }

    private static String text(CrmMetrics metrics) {
        return new String(metrics.scrape(), StandardCharsets.UTF_8);
    }
}
