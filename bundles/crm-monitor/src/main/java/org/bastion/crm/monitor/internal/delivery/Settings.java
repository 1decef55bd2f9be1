package org.bastion.crm.monitor.internal.delivery;

import java.util.ArrayList;
import java.util.List;

/** Small helpers for configuration values. */
final class Settings {

    private Settings() {
    }

    /** The values of a list property, each also split at commas, trimmed, empty ones left out. */
    static List<String> list(String[] values) {
        List<String> list = new ArrayList<>();
        if (values == null) {
            return list;
        }
        for (String value : values) {
            if (value == null) {
                continue;
            }
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    list.add(part.trim());
                }
            }
        }
        return list;
    }

    /** {@code value} within {@code [min, max]}. */
    static int bounded(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }
}
