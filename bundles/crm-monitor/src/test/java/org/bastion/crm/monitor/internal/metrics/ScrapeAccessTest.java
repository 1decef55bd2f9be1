package org.bastion.crm.monitor.internal.metrics;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.bastion.crm.api.AccessDeniedException;
import org.bastion.crm.api.Caller;
import org.bastion.crm.api.ServiceUnavailableException;
import org.bastion.crm.api.permissions.Permissions;
import org.bastion.crm.api.rest.AuthenticatedRequest;
import org.bastion.crm.api.rest.RequestAuthenticator;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

class ScrapeAccessTest {

    private static final String TOKEN = "0123456789abcdef0123456789abcdef-scrape";
    private static final Caller OPERATOR = new Caller("u1", "operator", Set.of("ops"), true);

    private final RequestAuthenticator authenticator = Mockito.mock(RequestAuthenticator.class);
    private final Permissions permissions = Mockito.mock(Permissions.class);

    @Test
    void theScrapeTokenAloneIsEnough() {
        assertThatCode(() -> new ScrapeAccess(TOKEN).check(List.of("Bearer " + TOKEN), null, null, null, null))
                .doesNotThrowAnyException();
        Mockito.verifyNoInteractions(authenticator);
    }

    @Test
    void anotherTokenIsGivenToTheAuthenticatorWhichRefusesIt() {
        Mockito.when(authenticator.authenticate(Mockito.any(), Mockito.any(), Mockito.any()))
                .thenThrow(new AccessDeniedException("not a session"));
        assertThatThrownBy(() -> new ScrapeAccess(TOKEN).check(List.of("Bearer " + TOKEN + "x"), "127.0.0.1", "ua",
                authenticator, permissions)).hasMessage("not a session");
    }

    @Test
    void aSessionNeedsMetricsRead() {
        Mockito.when(authenticator.authenticate(Mockito.any(), Mockito.any(), Mockito.any()))
                .thenReturn(new AuthenticatedRequest(OPERATOR, null));
        Mockito.doThrow(new AccessDeniedException("this needs the permission metrics:read")).when(permissions)
                .check(OPERATOR, "metrics:read");
        assertThatThrownBy(() -> new ScrapeAccess("").check(List.of("Bearer session"), null, null, authenticator,
                permissions)).isInstanceOf(AccessDeniedException.class);

        Mockito.doNothing().when(permissions).check(OPERATOR, "metrics:read");
        assertThatCode(() -> new ScrapeAccess("").check(List.of("Bearer session"), null, null, authenticator,
                permissions)).doesNotThrowAnyException();
    }

    @Test
    void withoutTokenOrAuthenticatorNobodyGetsIn() {
        assertThatThrownBy(() -> new ScrapeAccess("").check(List.of(), null, null, null, permissions))
                .isInstanceOf(ServiceUnavailableException.class);
        // a configured token too short to be safe is ignored rather than accepted
        assertThatThrownBy(() -> new ScrapeAccess("short").check(List.of("Bearer short"), null, null, null, null))
                .isInstanceOf(ServiceUnavailableException.class);
    }

    @Test
    void withoutPermissionsServiceOnlyAdminsAreLetIn() {
        Mockito.when(authenticator.authenticate(Mockito.any(), Mockito.any(), Mockito.any()))
                .thenReturn(new AuthenticatedRequest(OPERATOR, null));
        assertThatThrownBy(() -> new ScrapeAccess("").check(List.of("Bearer s"), null, null, authenticator, null))
                .isInstanceOf(AccessDeniedException.class);
    }
}
