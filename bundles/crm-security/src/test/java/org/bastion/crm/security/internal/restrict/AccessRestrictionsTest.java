package org.bastion.crm.security.internal.restrict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.bastion.crm.api.AccessDeniedException;
import org.bastion.crm.api.ConflictException;
import org.bastion.crm.api.ValidationException;
import org.bastion.crm.api.audit.AuditEntry;
import org.bastion.crm.api.audit.AuditLog;
import org.bastion.crm.api.audit.AuditRecorder;
import org.bastion.crm.api.audit.AuditTarget;
import org.bastion.crm.api.rest.AuthenticatedRequest;
import org.bastion.crm.api.security.AccessRestrictions.AddressRefusal;
import org.bastion.crm.api.security.AuthenticationException;
import org.bastion.crm.api.security.LoginResult;
import org.bastion.crm.api.security.TooManyAttemptsException;
import org.bastion.crm.api.security.User;
import org.bastion.crm.api.security.UserStatus;
import org.bastion.crm.security.internal.SecurityFixture;
import org.bastion.crm.security.internal.rest.BearerRequestAuthenticator;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class AccessRestrictionsTest {

    private static final String REFUSED = "192.0.2.7";
    private static final String OTHER = "198.51.100.9";

    private final SecurityFixture fixture = new SecurityFixture();
    private final AuditLog auditLog = mock(AuditLog.class);
    private final AddressRefusals refusals = new AddressRefusals(fixture.database, fixture.clock);
    private final AccessRestrictionsImpl restrictions = new AccessRestrictionsImpl(fixture.callerContext,
            fixture.access, fixture.users, fixture.sessions, refusals, fixture.publisher, fixture.clock,
            new AuditRecorder(() -> auditLog, () -> null));
    private final BearerRequestAuthenticator requests = new BearerRequestAuthenticator(fixture.authenticator, refusals);

    private AuthenticatedRequest request(String token, String address) {
        return requests.authenticate(List.of("Bearer " + token), address, "JUnit");
    }

    private String login(User user, String address) {
        LoginResult result = fixture.authenticator.login(user.username(), SecurityFixture.PASSWORD,
                SecurityFixture.client(address));
        return result.token();
    }

    private List<AuditEntry> recorded() {
        ArgumentCaptor<AuditEntry> entries = ArgumentCaptor.forClass(AuditEntry.class);
        verify(auditLog, org.mockito.Mockito.atLeastOnce()).record(entries.capture());
        return entries.getAllValues();
    }

    @Test
    void aRefusedAddressIsListedAndItsLoginsAndRequestsGetTheThrottlesAnswerUntilAllowed() {
        User user = fixture.createUser("alice");
        String token = login(user, OTHER);
        fixture.actAsAdmin();

        restrictions.refuseAddress(REFUSED, Duration.ofMinutes(10), "port scan");

        assertThat(restrictions.refusedAddresses()).containsExactly(new AddressRefusal(REFUSED,
                fixture.clock.instant().plus(Duration.ofMinutes(10)), "port scan", "test-admin"));
        assertThatThrownBy(() -> request(token, REFUSED)).isInstanceOf(TooManyAttemptsException.class)
                .satisfies(e -> assertThat(((TooManyAttemptsException) e).problemHeaders())
                        .containsEntry("Retry-After", "600"));
        assertThatThrownBy(() -> login(user, REFUSED)).isInstanceOf(TooManyAttemptsException.class);
        assertThat(request(token, OTHER).caller().id()).isEqualTo(user.id());
        assertThat(login(user, OTHER)).isNotBlank();

        assertThat(restrictions.allowAddress(REFUSED)).isTrue();

        assertThat(restrictions.refusedAddresses()).isEmpty();
        assertThat(request(token, REFUSED).caller().id()).isEqualTo(user.id());
        assertThat(login(user, REFUSED)).isNotBlank();
        assertThat(restrictions.allowAddress(REFUSED)).isFalse();
    }

    @Test
    void aRefusalEndsByItselfWhenItsPeriodHasPassed() {
        User user = fixture.createUser("bob");
        String token = login(user, OTHER);
        fixture.actAsAdmin();
        restrictions.refuseAddress(REFUSED, Duration.ofMinutes(1), "cooling off");
        assertThatThrownBy(() -> request(token, REFUSED)).isInstanceOf(TooManyAttemptsException.class);

        fixture.clock.advance(Duration.ofSeconds(61));

        assertThat(request(token, REFUSED).caller().id()).isEqualTo(user.id());
        assertThat(login(user, REFUSED)).isNotBlank();
        assertThat(restrictions.refusedAddresses()).isEmpty();
    }

    @Test
    void aRefusalMadeOnAnotherNodeAppliesHereWithinTheRefreshTime() {
        User user = fixture.createUser("carol");
        String token = login(user, OTHER);
        assertThat(request(token, REFUSED).caller().id()).isEqualTo(user.id());
        AddressRefusals otherNode = new AddressRefusals(fixture.database, fixture.clock);
        fixture.actAsAdmin();
        new AccessRestrictionsImpl(fixture.callerContext, fixture.access, fixture.users, fixture.sessions, otherNode,
                fixture.publisher, fixture.clock, AuditRecorder.none()).refuseAddress(REFUSED, Duration.ofMinutes(5), "other node");

        fixture.clock.advance(AddressRefusals.REFRESH);

        assertThatThrownBy(() -> request(token, REFUSED)).isInstanceOf(TooManyAttemptsException.class);
    }

    @Test
    void addressesAreComparedInTheirCanonicalForm() {
        fixture.actAsAdmin();
        restrictions.refuseAddress("::1", Duration.ofMinutes(5), "loopback test");

        assertThat(restrictions.refusedAddresses()).extracting(AddressRefusal::address)
                .containsExactly("0:0:0:0:0:0:0:1");
        assertThat(refusals.refusedUntil("0:0:0:0:0:0:0:1")).isPresent();
        assertThat(refusals.refusedUntil("[::1]")).isPresent();
        assertThat(ClientAddresses.canonical("::ffff:192.0.2.1")).contains("192.0.2.1");
        assertThat(ClientAddresses.canonical(" 192.0.2.1 ")).contains("192.0.2.1");
        assertThat(restrictions.allowAddress("0:0:0:0:0:0:0:1")).isTrue();
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        fixture.actAsAdmin();
        for (String address : new String[] {"example.org", "300.1.1.1", "1.2.3", "", "localhost", "1.2.3.4; drop"}) {
            assertThatThrownBy(() -> restrictions.refuseAddress(address, Duration.ofMinutes(5), "why"))
                    .as(address).isInstanceOf(ValidationException.class).hasMessageContaining("address");
        }
        for (Duration period : new Duration[] {Duration.ZERO, Duration.ofMinutes(-5), Duration.ofDays(366), null}) {
            assertThatThrownBy(() -> restrictions.refuseAddress(REFUSED, period, "why"))
                    .as(String.valueOf(period)).isInstanceOf(ValidationException.class)
                    .satisfies(e -> assertThat(((ValidationException) e).errors().get(0).field()).isEqualTo("period"));
        }
        assertThatThrownBy(() -> restrictions.refuseAddress(REFUSED, Duration.ofMinutes(5), "  "))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> restrictions.refuseAddress(REFUSED, Duration.ofMinutes(5), "two\nlines"))
                .isInstanceOf(ValidationException.class);
        assertThat(restrictions.refusedAddresses()).isEmpty();
        verifyNoInteractions(auditLog);
    }

    @Test
    void onlyUserManagersRestrict() {
        User user = fixture.createUser("dave");
        fixture.actAs(user);
        assertThatThrownBy(() -> restrictions.refuseAddress(REFUSED, Duration.ofMinutes(5), "why"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(restrictions::refusedAddresses).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> restrictions.lockAccount(user.id(), Duration.ofMinutes(5), "why"))
                .isInstanceOf(AccessDeniedException.class);
        fixture.caller = org.bastion.crm.api.Caller.ANONYMOUS;
        assertThatThrownBy(() -> restrictions.allowAddress(REFUSED)).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void aLockedAccountCannotLogInAndItsSessionsEndUntilAnAdminUnlocksIt() {
        User user = fixture.createUser("erin");
        String token = login(user, OTHER);
        fixture.actAsAdmin();

        restrictions.lockAccount(user.id(), Duration.ofMinutes(30), "stolen laptop");

        assertThatThrownBy(() -> request(token, OTHER)).isInstanceOf(AuthenticationException.class);
        assertThat(fixture.events.last(org.bastion.crm.api.security.SecurityEvents.SESSION_REVOKED)
                .getProperty(org.bastion.crm.api.security.SecurityEvents.REASON)).isEqualTo("account-locked");
        assertThatThrownBy(() -> login(user, OTHER)).isInstanceOf(TooManyAttemptsException.class);
        assertThat(fixture.userService.get(user.id()).status()).isEqualTo(UserStatus.LOCKED);

        fixture.userService.unlock(user.id());

        assertThat(login(user, OTHER)).isNotBlank();
    }

    @Test
    void anAccountLockEndsByItselfAndNoAdminLocksThemself() {
        User user = fixture.createUser("frank");
        fixture.actAsAdmin();
        restrictions.lockAccount(user.id(), Duration.ofMinutes(2), "brief");
        fixture.clock.advance(Duration.ofMinutes(2).plusSeconds(1));
        assertThat(login(user, OTHER)).isNotBlank();

        User admin = fixture.createUser("grace", "admin");
        fixture.actAs(admin);
        assertThatThrownBy(() -> restrictions.lockAccount(admin.id(), Duration.ofMinutes(2), "oops"))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void everyChangeIsAuditedWithReasonUntilAndBy() {
        User user = fixture.createUser("heidi");
        fixture.actAsAdmin();
        String until = fixture.clock.instant().plus(Duration.ofMinutes(10)).toString();

        restrictions.refuseAddress(REFUSED, Duration.ofMinutes(10), "port scan");
        restrictions.allowAddress(REFUSED);
        restrictions.lockAccount(user.id(), Duration.ofMinutes(10), "phished");

        verify(auditLog, times(3)).record(org.mockito.ArgumentMatchers.any());
        List<AuditEntry> entries = recorded();
        assertThat(entries).extracting(AuditEntry::action)
                .containsExactly("auth.address.refused", "auth.address.allowed", "auth.account.locked");
        assertThat(entries).extracting(AuditEntry::target).containsExactly(new AuditTarget("address", REFUSED),
                new AuditTarget("address", REFUSED), new AuditTarget("user", user.id()));
        assertThat(entries.get(0).details()).isEqualTo(Map.of("reason", "port scan", "until", until, "by", "test-admin"));
        assertThat(entries.get(1).details()).isEqualTo(Map.of("by", "test-admin"));
        assertThat(entries.get(2).details()).isEqualTo(Map.of("reason", "phished", "until", until, "by", "test-admin"));
    }

    @Test
    void theLockKeyIsTheLoginGuardsOwn() {
        assertThat(AddressRefusals.lockKey(REFUSED)).isEqualTo(
                org.bastion.crm.security.internal.login.LockKeys.keyOf(REFUSED));
    }
}
