package org.bastion.crm.audit.internal.query;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.bastion.crm.api.FieldError;
import org.bastion.crm.api.ValidationException;
import org.bastion.crm.api.audit.AuditOutcome;
import org.bastion.crm.api.text.SafeText;
import org.bastion.crm.api.text.TextKind;

/**
 * Reads the filter parameters of a trail query (REST query parameters or shell options) into an {@link AuditFilter},
 * naming every bad parameter in one {@link ValidationException}: an unknown parameter, a malformed action, kind or
 * time, a target id without a kind, or a {@code from} after {@code to}.
 */
public final class AuditFilters {

    /** The filter parameters. */
    public static final Set<String> FILTERS = Set.of("actor", "action", "targetKind", "targetId", "outcome", "from",
            "to");

    /** The paging parameters taken beside the filters. */
    public static final Set<String> PAGING = Set.of("page", "size");

    private static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*");
    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    private AuditFilters() {
    }

    /**
     * The filter of {@code parameters} (name to values); {@code allowed} are the names a caller may use at all.
     *
     * @throws ValidationException naming each parameter that is unknown, repeated or malformed
     */
    public static AuditFilter parse(Map<String, List<String>> parameters, Set<String> allowed) {
        List<FieldError> errors = new ArrayList<>();
        parameters.forEach((name, values) -> {
            if (!allowed.contains(name)) {
                errors.add(new FieldError(name, "unknown parameter; use " + String.join(", ", sorted(allowed))));
            } else if (values != null && values.size() > 1) {
                errors.add(new FieldError(name, "give it once"));
            }
        });
        String actor = text(parameters, "actor", 100, errors);
        String action = text(parameters, "action", 64, errors);
        boolean prefix = false;
        if (action != null) {
            prefix = action.endsWith(".*");
            String name = prefix ? action.substring(0, action.length() - 2) : action;
            if (!ACTION.matcher(name).matches()) {
                errors.add(new FieldError("action", "must be an action name (auth.login.failed) or a prefix ending "
                        + "in .* (auth.*)"));
            }
            action = prefix ? name + "." : name;
        }
        String kind = text(parameters, "targetKind", 40, errors);
        if (kind != null && !KIND.matcher(kind).matches()) {
            errors.add(new FieldError("targetKind", "must be lower-case letters, digits and dashes"));
        }
        String targetId = text(parameters, "targetId", 200, errors);
        if (targetId != null && kind == null) {
            errors.add(new FieldError("targetId", "needs targetKind"));
        }
        AuditOutcome outcome = null;
        String rawOutcome = text(parameters, "outcome", 16, errors);
        if (rawOutcome != null) {
            try {
                outcome = AuditOutcome.ofWireName(rawOutcome);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("outcome", "must be success, failure or denied"));
            }
        }
        Instant from = instant(parameters, "from", errors);
        Instant to = instant(parameters, "to", errors);
        if (from != null && to != null && from.isAfter(to)) {
            errors.add(new FieldError("from", "must not be after to"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new AuditFilter(actor, action, prefix, kind, targetId, outcome, from, to);
    }

    /**
     * An ISO-8601 instant ({@code 2026-12-07T10:00:00Z}, or with an offset), or null when blank.
     *
     * @throws DateTimeParseException when it is neither
     */
    static Instant parseInstant(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String value = raw.trim();
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            return OffsetDateTime.parse(value).toInstant();
        }
    }

    private static Instant instant(Map<String, List<String>> parameters, String name, List<FieldError> errors) {
        String raw = first(parameters, name);
        try {
            return parseInstant(raw);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, "must be an ISO-8601 instant such as 2026-12-07T10:00:00Z"));
            return null;
        }
    }

    private static String text(Map<String, List<String>> parameters, String name, int max, List<FieldError> errors) {
        String raw = first(parameters, name);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String value = raw.trim();
        if (value.length() > max) {
            errors.add(new FieldError(name, "must have at most " + max + " characters"));
            return null;
        }
        Optional<FieldError> unsafe = SafeText.check(name, value, TextKind.SINGLE_LINE);
        if (unsafe.isPresent()) {
            // a NUL would fail the whole statement on PostgreSQL; no stored value holds a control character
            errors.add(unsafe.get());
            return null;
        }
        return value;
    }

    private static String first(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }
}
