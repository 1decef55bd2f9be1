package org.bastion.crm.monitor.internal.shell;

import java.util.UUID;

import org.bastion.crm.api.ValidationException;

/** Reads an alert id typed in the shell. */
final class AlertIds {

    private AlertIds() {
    }

    /** The id, or a validation error naming {@code id}. */
    static UUID parse(String raw) {
        try {
            return UUID.fromString(raw == null ? "" : raw.trim());
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("id", "must be an alert id (a UUID)");
        }
    }
}
