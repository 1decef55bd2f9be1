package org.bastion.crm.rest.internal.caller;

import java.security.AccessControlContext;
import java.security.AccessController;
import java.security.Principal;
import java.util.Optional;
import java.util.Set;

import javax.security.auth.Subject;

import org.bastion.crm.api.Caller;
import org.bastion.crm.api.CallerContext;
import org.osgi.service.component.annotations.Component;

/**
 * The default {@link CallerContext}: the caller of the HTTP request being served on this thread, else the user of
 * the JAAS subject the thread runs under (the Karaf shell runs commands so), else {@link Caller#ANONYMOUS}.
 * Ranked -100 so that the security bundle's context replaces it.
 */
@Component(service = CallerContext.class, property = "service.ranking:Integer=-100")
public class ThreadCallerContext implements CallerContext {

    /** The principal class Karaf's JAAS login modules use for the user name. */
    static final String KARAF_USER_PRINCIPAL = "org.apache.karaf.jaas.boot.principal.UserPrincipal";

    @Override
    public Caller current() {
        return RequestCaller.get().or(ThreadCallerContext::fromJaasSubject).orElse(Caller.ANONYMOUS);
    }

    @SuppressWarnings("removal")
    static Optional<Caller> fromJaasSubject() {
        AccessControlContext context = AccessController.getContext();
        return fromSubject(Subject.getSubject(context));
    }

    /** The caller named by a subject's user principal, if the subject has one. */
    static Optional<Caller> fromSubject(Subject subject) {
        if (subject == null) {
            return Optional.empty();
        }
        return subject.getPrincipals().stream()
                .filter(ThreadCallerContext::isUserPrincipal)
                .map(Principal::getName)
                .filter(name -> name != null && !name.isBlank())
                .findFirst()
                .map(name -> new Caller(name, name, Set.of(), true));
    }

    private static boolean isUserPrincipal(Principal principal) {
        for (Class<?> type = principal.getClass(); type != null; type = type.getSuperclass()) {
            if (type.getName().equals(KARAF_USER_PRINCIPAL)) {
                return true;
            }
        }
        return false;
    }
}
