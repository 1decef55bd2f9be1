package org.bastion.crm.rest.internal.caller;

import java.security.AccessControlContext;
import java.security.AccessController;
import java.security.Principal;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javax.security.auth.Subject;

import org.bastion.crm.api.Caller;
import org.bastion.crm.api.CallerContext;
import org.bastion.crm.api.CallerPrincipal;
import org.bastion.crm.api.security.ClientInfo;
import org.osgi.service.component.annotations.Component;

/**
 * The CRM's {@link CallerContext}: the caller {@link CallerFilter} bound to the HTTP request being served on this thread
 * (the session crm-security's {@code Authenticator} resolved), else the user of the JAAS subject the thread runs under
 * (the Karaf shell runs commands so; see {@link #fromSubject}), else {@link Caller#ANONYMOUS}. No other bundle registers
 * a context; the ranking of -100 only lets one that does take precedence. {@link #client()} answers where that caller
 * comes from: the HTTP request's client (channel {@code rest}), the shell session's ({@link ShellClient}: {@code ssh},
 * {@code console}), else the system.
 */
@Component(service = CallerContext.class, property = "service.ranking:Integer=-100")
public class ThreadCallerContext implements CallerContext {

    /** The principal class Karaf's JAAS login modules use for the user name. */
    static final String KARAF_USER_PRINCIPAL = "org.apache.karaf.jaas.boot.principal.UserPrincipal";

    /** The principal class Karaf's JAAS login modules use for a role. */
    static final String KARAF_ROLE_PRINCIPAL = "org.apache.karaf.jaas.boot.principal.RolePrincipal";

    @Override
    public Caller current() {
        return RequestCaller.get().or(ThreadCallerContext::fromJaasSubject).orElse(Caller.ANONYMOUS);
    }

    @Override
    @SuppressWarnings("removal")
    public ClientInfo client() {
        Optional<ClientInfo> request = RequestClient.get();
        if (request.isPresent()) {
            return request.get();
        }
        if (RequestCaller.get().isPresent()) {
            return new ClientInfo(null, "", "rest");
        }
        return ShellClient.of(Subject.getSubject(AccessController.getContext()))
                .orElseGet(CallerContext.super::client);
    }

    @SuppressWarnings("removal")
    static Optional<Caller> fromJaasSubject() {
        AccessControlContext context = AccessController.getContext();
        return fromSubject(Subject.getSubject(context));
    }

    /**
     * The caller a JAAS subject stands for: the CRM caller a console login admitted (a {@link CallerPrincipal}: its user
     * id and CRM roles), else the subject's Karaf user with its Karaf role names (the local console started by
     * {@code bin/karaf} runs as such a user, with the {@code admin} role), else none.
     */
    static Optional<Caller> fromSubject(Subject subject) {
        if (subject == null) {
            return Optional.empty();
        }
        Optional<Caller> crmUser = subject.getPrincipals(CallerPrincipal.class).stream().findFirst()
                .map(CallerPrincipal::caller);
        if (crmUser.isPresent()) {
            return crmUser;
        }
        Set<String> roles = subject.getPrincipals().stream()
                .filter(principal -> isKarafPrincipal(principal, KARAF_ROLE_PRINCIPAL))
                .map(Principal::getName)
                .filter(name -> name != null && !name.isBlank())
                .collect(Collectors.toSet());
        return subject.getPrincipals().stream()
                .filter(principal -> isKarafPrincipal(principal, KARAF_USER_PRINCIPAL))
                .map(Principal::getName)
                .filter(name -> name != null && !name.isBlank())
                .findFirst()
                .map(name -> new Caller(name, name, roles, true));
    }

    static boolean isKarafPrincipal(Principal principal, String className) {
        for (Class<?> type = principal.getClass(); type != null; type = type.getSuperclass()) {
            if (type.getName().equals(className)) {
                return true;
            }
        }
        return false;
    }
}
