package org.bastion.crm.monitor.internal.metrics;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of {@code GET /api/v1/metrics}, PID {@value #PID}. */
@ObjectClassDefinition(name = "Bastion CRM metrics",
        description = "Who may scrape GET /api/v1/metrics besides callers holding metrics:read")
public @interface MetricsConfiguration {

    /** The configuration's PID. */
    String PID = "org.bastion.crm.monitor.metrics";

    @AttributeDefinition(description = "Bearer token a scraper sends (Authorization: Bearer <token>), at least 32"
            + " characters; empty: only sessions holding metrics:read may read the metrics")
    String scrapeToken() default "";
}
