package org.bastion.crm.monitor.internal.response;

import java.util.Optional;
import java.util.function.Function;

import org.bastion.crm.api.audit.AuditRecord;
import org.bastion.crm.api.monitor.Alert;
import org.bastion.crm.monitor.internal.rules.Subjects;

/** What an automatic response acts on: the alert's user or address, else the triggering entry's. */
final class ResponseTargets {

    private ResponseTargets() {
    }

    /** The user id to lock or sign out; {@code byUsername} resolves a typed username to an id. */
    static Optional<String> user(Alert alert, AuditRecord record, Function<String, Optional<String>> byUsername) {
        String subject = alert.subject();
        if (subject.startsWith(Subjects.USER)) {
            return Optional.of(subject.substring(Subjects.USER.length()));
        }
        if (subject.startsWith(Subjects.USERNAME)) {
            return byUsername.apply(subject.substring(Subjects.USERNAME.length()));
        }
        return Subjects.userId(record);
    }

    /** The address to refuse. */
    static Optional<String> address(Alert alert, AuditRecord record) {
        String subject = alert.subject();
        if (subject.startsWith(Subjects.ADDRESS)) {
            return Optional.of(subject.substring(Subjects.ADDRESS.length()));
        }
        return Subjects.address(record);
    }
}
