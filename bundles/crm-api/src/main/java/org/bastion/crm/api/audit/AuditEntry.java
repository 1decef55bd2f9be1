package org.bastion.crm.api.audit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a bundle gives the {@link AuditLog} about one action: its stable dotted name (see {@link AuditActions}), its
 * outcome, what it was done to, who did it (null: the current caller), details, and the fields it changed. Details are
 * stored as given: never put a password, code, token, secret or personal value in them (personal values go into
 * {@link FieldChange#personal personal field changes}, which are encrypted).
 *
 * @param action dotted lower-case words ({@code contact.updated}), at most 64 characters
 * @param outcome how it ended
 * @param target what it was done to, or null
 * @param actor who did it, or null for the current caller
 * @param details short named facts (at most 32, names of at most 64 characters, values of at most 4,000)
 * @param changes the fields a change touched, in order (empty for actions that change no record)
 */
public record AuditEntry(String action, AuditOutcome outcome, AuditTarget target, AuditActor actor,
        Map<String, String> details, List<FieldChange> changes) {

    /** The pattern of an action name. */
    public static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+");
    /** The pattern of a detail's name. */
    public static final Pattern DETAIL_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");
    /** The most details an entry carries. */
    public static final int MAX_DETAILS = 32;
    /** The longest detail value. */
    public static final int MAX_DETAIL_VALUE = 4_000;

    public AuditEntry {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        if (action.length() > 64 || !ACTION.matcher(action).matches()) {
            throw new IllegalArgumentException("action must be dotted lower-case words of at most 64 characters: "
                    + action);
        }
        details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
        if (details.size() > MAX_DETAILS) {
            throw new IllegalArgumentException("at most " + MAX_DETAILS + " details per entry");
        }
        details.forEach((name, value) -> {
            if (name == null || !DETAIL_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("detail name must match " + DETAIL_NAME.pattern() + ": " + name);
            }
            if (value == null || value.length() > MAX_DETAIL_VALUE) {
                throw new IllegalArgumentException("detail '" + name + "' must have a value of at most "
                        + MAX_DETAIL_VALUE + " characters");
            }
        });
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    /** Starts an entry of {@code action} that ended with {@code outcome}. */
    public static Builder of(String action, AuditOutcome outcome) {
        return new Builder(action, outcome);
    }

    /** Starts an entry of {@code action} that succeeded. */
    public static Builder success(String action) {
        return new Builder(action, AuditOutcome.SUCCESS);
    }

    /** Builds an {@link AuditEntry} step by step. */
    public static final class Builder {
        private final String action;
        private final AuditOutcome outcome;
        private AuditTarget target;
        private AuditActor actor;
        private final Map<String, String> details = new LinkedHashMap<>();
        private final List<FieldChange> changes = new ArrayList<>();

        private Builder(String action, AuditOutcome outcome) {
            this.action = action;
            this.outcome = outcome;
        }

        /** What the action was done to. */
        public Builder target(String kind, String id) {
            this.target = new AuditTarget(kind, id);
            return this;
        }

        /** What the action was done to. */
        public Builder target(AuditTarget target) {
            this.target = target;
            return this;
        }

        /** Who did it, when it is not the current caller (a failed login's typed username, a system job). */
        public Builder actor(AuditActor actor) {
            this.actor = actor;
            return this;
        }

        /** Adds a detail; a null value is left out. */
        public Builder detail(String name, Object value) {
            if (value != null) {
                details.put(name, String.valueOf(value));
            }
            return this;
        }

        /** Adds a changed field. */
        public Builder change(FieldChange change) {
            changes.add(Objects.requireNonNull(change, "change"));
            return this;
        }

        /** Adds changed fields. */
        public Builder changes(List<FieldChange> fieldChanges) {
            fieldChanges.forEach(this::change);
            return this;
        }

        /** The entry. */
        public AuditEntry build() {
            return new AuditEntry(action, outcome, target, actor, details, changes);
        }
    }
}
