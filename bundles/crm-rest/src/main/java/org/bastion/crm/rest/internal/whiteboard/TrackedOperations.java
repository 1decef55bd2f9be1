package org.bastion.crm.rest.internal.whiteboard;

import java.util.function.Supplier;

/**
 * The {@link DeclaredOperations} of the resources joined to the application now, read again only when a resource came
 * or went (the tracking count changed). Thread-safe: the snapshot is swapped whole; a resource not yet read is not
 * public (fail closed).
 */
public final class TrackedOperations implements Supplier<DeclaredOperations> {

    private final ApplicationResources resources;
    private volatile Snapshot snapshot = new Snapshot(Integer.MIN_VALUE, DeclaredOperations.NONE);

    private record Snapshot(int trackingCount, DeclaredOperations operations) {
    }

    public TrackedOperations(ApplicationResources resources) {
        this.resources = resources;
    }

    @Override
    public DeclaredOperations get() {
        Snapshot current = snapshot;
        int count = resources.trackingCount();
        if (current.trackingCount() != count) {
            current = new Snapshot(count, DeclaredOperations.of(resources.classes()));
            snapshot = current;
        }
        return current.operations();
    }
}
