package org.bastion.crm.monitor.internal;

import java.security.AccessController;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.security.auth.Subject;

import org.bastion.crm.api.Caller;
import org.bastion.crm.api.CallerPrincipal;
import org.bastion.crm.api.security.AccessRestrictions;

/**
 * {@link AccessRestrictions} in memory that, like crm-security, acts only for a caller it accepts: the caller of the
 * JAAS subject the thread runs under (as the CRM's CallerContext reads it), which must be the system caller.
 */
public final class FakeAccessRestrictions implements AccessRestrictions {

    public final Map<String, Duration> lockedAccounts = new ConcurrentHashMap<>();
    public final Map<String, Duration> refusedAddresses = new ConcurrentHashMap<>();
    public final List<Caller> callers = new ArrayList<>();

    @Override
    public void lockAccount(String userId, Duration period, String reason) {
        requireSystem();
        lockedAccounts.put(userId, period);
    }

    @Override
    public void refuseAddress(String address, Duration period, String reason) {
        requireSystem();
        refusedAddresses.put(address, period);
    }

    @Override
    public boolean allowAddress(String address) {
        return refusedAddresses.remove(address) != null;
    }

    @Override
    public List<AddressRefusal> refusedAddresses() {
        return refusedAddresses.keySet().stream()
                .map(address -> new AddressRefusal(address, Instant.MAX, "test", "system")).toList();
    }

    /** The caller the CRM's CallerContext would see on this thread: the subject's CallerPrincipal, or anonymous. */
    @SuppressWarnings("removal")
    public static Caller currentCaller() {
        Subject subject = Subject.getSubject(AccessController.getContext());
        if (subject == null) {
            return Caller.ANONYMOUS;
        }
        return subject.getPrincipals(CallerPrincipal.class).stream().findFirst().map(CallerPrincipal::caller)
                .orElse(Caller.ANONYMOUS);
    }

    private void requireSystem() {
        Caller caller = currentCaller();
        callers.add(caller);
        if (caller != Caller.SYSTEM) {
            throw new org.bastion.crm.api.AccessDeniedException("this needs the permission users:manage");
        }
    }
}
