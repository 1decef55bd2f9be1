package org.bastion.crm.monitor.internal.metrics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.bastion.crm.api.audit.AuditLog;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * The CRM's series in a registry of their own (never the library's global one): requests and their latency per
 * endpoint, logins by outcome, open alerts by rule, the audit backlog; written in the Prometheus text format.
 */
@Component(service = CrmMetrics.class)
public final class CrmMetrics {

    /** The content type of {@link #scrape()}. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter requests;
    private final Histogram latency;
    private final Counter logins;

    /** The audit log while crm-audit is installed (optional: the metrics answer without it). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile AuditLog auditLog;

    @Activate
    public CrmMetrics(@Reference OpenAlerts openAlerts) {
        this(openAlerts::byRule, null);
    }

    /**
     * @param openAlerts open alerts by rule now
     * @param auditLog the audit log, or null while crm-audit is absent
     */
    public CrmMetrics(Supplier<Map<String, Long>> openAlerts, Supplier<AuditLog> auditLogOrNull) {
        Supplier<AuditLog> auditLog = auditLogOrNull != null ? auditLogOrNull : () -> this.auditLog;
        requests = Counter.builder().name("crm_http_requests_total")
                .help("REST requests answered, by method, resource path template and status")
                .labelNames("method", "path", "status").register(registry);
        latency = Histogram.builder().name("crm_http_request_duration_seconds")
                .help("Time to answer REST requests, by method and resource path template")
                .labelNames("method", "path").classicOnly()
                .classicUpperBounds(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10).register(registry);
        logins = Counter.builder().name("crm_logins_total").help("Logins by outcome (auth.login.* audit entries)")
                .labelNames("outcome").register(registry);
        GaugeWithCallback.builder().name("crm_alerts_open").help("Alerts not resolved, by rule")
                .labelNames("rule")
                .callback(callback -> openAlerts.get().forEach((rule, count) -> callback.call(count, rule)))
                .register(registry);
        GaugeWithCallback.builder().name("crm_audit_queue_depth")
                .help("Audit entries queued on this node and not yet written")
                .callback(callback -> {
                    AuditLog log = auditLog.get();
                    if (log != null) {
                        callback.call(log.backlog().queued());
                    }
                }).register(registry);
        GaugeWithCallback.builder().name("crm_audit_chain_lag")
                .help("Audit entries written and not yet linked into the hash chain")
                .callback(callback -> {
                    AuditLog log = auditLog.get();
                    if (log != null) {
                        callback.call(log.backlog().unchained());
                    }
                }).register(registry);
    }

    /** Counts one answered request, and its time unless {@code nanos} is negative (unknown). */
    public void request(String method, String pathTemplate, int status, long nanos) {
        String m = method == null ? "OTHER" : method.toUpperCase(Locale.ROOT);
        m = METHODS.contains(m) ? m : "OTHER";
        requests.labelValues(m, pathTemplate, Integer.toString(status)).inc();
        if (nanos >= 0) {
            latency.labelValues(m, pathTemplate).observe(nanos / 1e9);
        }
    }

    /** Counts one login attempt: {@code succeeded}, {@code failed}, ... */
    public void login(String outcome) {
        logins.labelValues(outcome).inc();
    }

    /** The registry, for series other parts add (delivery). */
    public PrometheusRegistry registry() {
        return registry;
    }

    /** Every series now, in the Prometheus text format (version 0.0.4). */
    public byte[] scrape() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PrometheusTextFormatWriter.create().write(out, registry.scrape());
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return out.toByteArray();
    }
}
