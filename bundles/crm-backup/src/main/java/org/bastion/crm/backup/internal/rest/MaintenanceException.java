package org.bastion.crm.backup.internal.rest;

import java.util.Map;

import org.bastion.crm.api.ServiceUnavailableException;
import org.bastion.crm.api.rest.ProblemHeaders;

/** The 503 every refused request gets while the CRM is in maintenance (problem type {@code maintenance}). */
public final class MaintenanceException extends ServiceUnavailableException implements ProblemHeaders {

    private static final long serialVersionUID = 1L;

    /** Seconds a client waits before trying again. */
    static final int RETRY_AFTER_SECONDS = 30;

    public MaintenanceException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "maintenance";
    }

    @Override
    public Map<String, String> problemHeaders() {
        return Map.of("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
    }
}
