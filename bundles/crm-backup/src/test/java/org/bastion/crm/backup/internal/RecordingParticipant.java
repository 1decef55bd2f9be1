package org.bastion.crm.backup.internal;

import java.util.ArrayList;
import java.util.List;

import org.bastion.crm.api.backup.BackupParticipant;
import org.bastion.crm.api.persistence.Migration;

/** A participant that records the restore hooks it was called with. */
final class RecordingParticipant implements BackupParticipant {

    final List<String> calls = new ArrayList<>();
    private final String name;

    RecordingParticipant(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> tables() {
        return List.of("t");
    }

    @Override
    public List<Migration> migrations() {
        return List.of();
    }

    @Override
    public void beforeRestore() {
        calls.add("before");
    }

    @Override
    public void afterRestore() {
        calls.add("after");
    }
}
