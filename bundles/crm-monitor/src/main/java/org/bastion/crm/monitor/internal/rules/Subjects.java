package org.bastion.crm.monitor.internal.rules;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.bastion.crm.api.audit.AuditActions;
import org.bastion.crm.api.audit.AuditRecord;

/** How the built-in rules name the subjects of their alerts and read the entries' details. */
public final class Subjects {

    /** The prefix of a subject that is a user id. */
    public static final String USER = "user:";
    /** The prefix of a subject that is a typed username no account matched. */
    public static final String USERNAME = "username:";
    /** The prefix of a subject that is a client address. */
    public static final String ADDRESS = "address:";

    private static final String UNKNOWN = "unknown";

    private Subjects() {
    }

    /** The user the entry is about: its target when that is a user, else its actor when authenticated. */
    public static Optional<String> userId(AuditRecord record) {
        if (record.target() != null && record.target().kind().equals("user")) {
            return Optional.of(record.target().id());
        }
        return actorId(record);
    }

    /**
     * Whether the entry is a failed login: a wrong password ({@code auth.login.failed}) or a wrong second factor
     * after a right password ({@code auth.mfa.failed}, the sign of a password already guessed or stolen).
     */
    public static boolean failedLogin(AuditRecord record) {
        return record.action().equals(AuditActions.LOGIN_FAILED) || record.action().equals(AuditActions.MFA_FAILED);
    }

    /** The entry's actor when it is a real user (neither anonymous nor the system). */
    public static Optional<String> actorId(AuditRecord record) {
        String id = record.actor().userId();
        return id.equals("anonymous") || id.equals("system") ? Optional.empty() : Optional.of(id);
    }

    /** The account a login entry is about: {@code user:<id>}, else {@code username:<as typed, lower case>}. */
    public static String account(AuditRecord record) {
        return userId(record).map(id -> USER + id)
                .orElse(USERNAME + record.actor().username().toLowerCase(Locale.ROOT));
    }

    /** The entry's client address, when it has one. */
    public static Optional<String> address(AuditRecord record) {
        String address = record.actor().address();
        return address.equals(UNKNOWN) ? Optional.empty() : Optional.of(address);
    }

    /** A detail holding a list ({@code a,b}, {@code [a, b]} or {@code ["a","b"]}) as its elements. */
    public static List<String> list(AuditRecord record, String detail) {
        String value = record.details().get(detail);
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.split("[\\s,\\[\\]\"]+")).filter(part -> !part.isEmpty()).toList();
    }

    /** A duration for people: {@code 5 minutes}, {@code 90 seconds}. */
    public static String shown(Duration window) {
        long seconds = window.toSeconds();
        if (seconds % 3600 == 0) {
            return seconds / 3600 + (seconds == 3600 ? " hour" : " hours");
        }
        if (seconds % 60 == 0) {
            return seconds / 60 + (seconds == 60 ? " minute" : " minutes");
        }
        return seconds + " seconds";
    }
}
