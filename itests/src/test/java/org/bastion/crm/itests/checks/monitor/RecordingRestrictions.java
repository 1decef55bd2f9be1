package org.bastion.crm.itests.checks.monitor;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bastion.crm.api.Caller;
import org.bastion.crm.api.CallerContext;
import org.bastion.crm.api.security.AccessRestrictions;

/**
 * An {@link AccessRestrictions} the check registers above any other: it keeps the locks it is asked for with the
 * caller the CRM's {@link CallerContext} reports at that moment (the monitor must act as the system caller).
 */
final class RecordingRestrictions implements AccessRestrictions {

    /** A lock asked for. */
    record Lock(String userId, Duration period, String callerId, boolean system) {
    }

    final Map<String, Lock> locks = new ConcurrentHashMap<>();
    private final CallerContext callers;

    RecordingRestrictions(CallerContext callers) {
        this.callers = callers;
    }

    @Override
    public void lockAccount(String userId, Duration period, String reason) {
        Caller caller = callers.current();
        locks.put(userId, new Lock(userId, period, caller.id(), caller == Caller.SYSTEM));
    }

    @Override
    public void refuseAddress(String address, Duration period, String reason) {
        throw new UnsupportedOperationException("not configured in this check");
    }

    @Override
    public boolean allowAddress(String address) {
        return false;
    }

    @Override
    public List<AddressRefusal> refusedAddresses() {
        return List.of();
    }
}
