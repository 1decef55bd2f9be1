package org.bastion.crm.monitor.internal.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.ws.rs.core.MultivaluedMap;

import org.bastion.crm.api.FieldError;
import org.bastion.crm.api.NotFoundException;
import org.bastion.crm.api.ValidationException;
import org.bastion.crm.api.monitor.AlertQuery;
import org.bastion.crm.api.monitor.AlertSeverity;
import org.bastion.crm.api.monitor.AlertState;
import org.bastion.crm.monitor.internal.engine.RuleRegistry;

/** Reads what a request to {@code /alerts} names: the list filters (refusing unknown ones) and alert ids. */
final class AlertRequests {

    static final Set<String> PARAMETERS = Set.of("rule", "state", "severity", "page", "size", "sort");

    private AlertRequests() {
    }

    /**
     * The query of the list filters.
     *
     * @throws ValidationException naming every unknown parameter and bad value
     */
    static AlertQuery query(MultivaluedMap<String, String> parameters) {
        List<FieldError> errors = new ArrayList<>();
        parameters.keySet().stream().filter(name -> !PARAMETERS.contains(name)).sorted()
                .forEach(name -> errors.add(new FieldError(name.length() > 64 ? "(parameter)" : name,
                        "is not a filter of this list (use rule, state, severity, page, size)")));
        PARAMETERS.stream().filter(name -> parameters.getOrDefault(name, List.of()).size() > 1).sorted()
                .forEach(name -> errors.add(new FieldError(name, "must be given once")));
        Optional<String> rule = Optional.ofNullable(parameters.getFirst("rule")).map(String::trim)
                .filter(value -> !value.isEmpty());
        if (rule.isPresent() && (rule.get().length() > 64 || !RuleRegistry.NAME.matcher(rule.get()).matches())) {
            errors.add(new FieldError("rule", "must be a rule name: lower-case words joined by dashes"));
        }
        Optional<AlertState> state = parse("state", parameters.getFirst("state"), AlertState::ofWireName, errors);
        Optional<AlertSeverity> severity = parse("severity", parameters.getFirst("severity"),
                AlertSeverity::ofWireName, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new AlertQuery(rule, state, severity);
    }

    /** The alert id of a path, or a 404 when it is not a UUID. */
    static UUID id(String raw) {
        try {
            UUID id = UUID.fromString(raw);
            if (id.toString().equalsIgnoreCase(raw)) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // not an id
        }
        throw new NotFoundException("alert", "(invalid id)");
    }

    private static <T> Optional<T> parse(String field, String raw, java.util.function.Function<String, T> parser,
            List<FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parser.apply(raw));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, field.equals("state") ? "must be open, acknowledged or resolved"
                    : "must be low, medium, high or critical"));
            return Optional.empty();
        }
    }
}
