package org.bastion.crm.security.internal.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Set;

import org.bastion.crm.api.AccessDeniedException;
import org.bastion.crm.api.ConflictException;
import org.bastion.crm.api.FieldError;
import org.bastion.crm.api.NotFoundException;
import org.bastion.crm.api.Page;
import org.bastion.crm.api.PageRequest;
import org.bastion.crm.api.ValidationException;
import org.bastion.crm.api.crypto.RecordRef;
import org.bastion.crm.api.permissions.Role;
import org.bastion.crm.api.permissions.RoleService;
import org.bastion.crm.api.security.AuthenticationException;
import org.bastion.crm.api.security.ClientInfo;
import org.bastion.crm.api.security.SecurityEvents;
import org.bastion.crm.api.security.SecurityRoles;
import org.bastion.crm.api.security.User;
import org.bastion.crm.api.security.UserDraft;
import org.bastion.crm.api.security.UserStatus;
import org.bastion.crm.security.internal.SecurityFixture;
import org.junit.jupiter.api.Test;

class UserServiceTest {

    private final SecurityFixture f = new SecurityFixture();
    private final ClientInfo client = SecurityFixture.client("192.0.2.1");

    @Test
    void createStoresANormalisedUserWithAnEncryptedEmailAndAKeyOfItsOwn() {
        f.actAsAdmin();

        User created = f.userService.create(new UserDraft("  Jane.Doe@Sales ", " Jane Doe ", "jane@example.org",
                SecurityFixture.PASSWORD, Set.of()));

        assertThat(created.username()).isEqualTo("jane.doe@sales");
        assertThat(created.displayName()).isEqualTo("Jane Doe");
        assertThat(created.email()).isEqualTo("jane@example.org");
        assertThat(created.roles()).containsExactly(SecurityRoles.DEFAULT_ROLE);
        assertThat(created.status()).isEqualTo(UserStatus.ACTIVE);
        assertThat(f.cipher.hasKey(new RecordRef(UserStore.RECORD_KIND, created.id()))).isTrue();
        assertThat(f.query("SELECT email_ct FROM crm_user")).asString().doesNotContain("jane");
        assertThat(f.query("SELECT password_hash FROM crm_user")).asString().startsWith("$argon2id$");
        assertThat(f.events.last(SecurityEvents.USER_CREATED).getProperty(SecurityEvents.ACTOR)).isEqualTo("test-admin");
        assertThat(f.userService.get(created.id())).isEqualTo(created);
        assertThat(f.userService.findByUsername("JANE.DOE@SALES")).contains(created);
    }

    @Test
    void invalidInputListsEveryProblemAndChangesNothing() {
        f.actAsAdmin();
        UserDraft bad = new UserDraft("x!", "", "not-an-email", "short", Set.of("admin", "wizard"));

        assertThatThrownBy(() -> f.userService.create(bad)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactly("username", "displayName", "email", "password", "roles"));
        assertThatThrownBy(() -> f.userService.create(new UserDraft("kim", "Kim", "kim@example.org", "password1234",
                Set.of()))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> f.userService.create(new UserDraft("kim", "Kim", "kim@example.org",
                "kim-kim-kim-kim-kim", Set.of()))).isInstanceOf(ValidationException.class);

        assertThat(f.count("SELECT COUNT(*) FROM crm_user")).isZero();
        assertThat(f.events.all()).isEmpty();
    }

    @Test
    void everyFreeTextFieldOfAUserPassesThePlatformTextRuleAndTheErrorNamesTheField() {
        f.actAsAdmin();
        for (String bad : java.util.List.of("\ud800x", "a\u0000b", "a\u001b[2Jb", "a\nb", "a\rb", "a\tb", "a\u202Eb",
                "a\u2067b", "a\uFFFFb", "a\u2028b", "a\u009bb")) {
            String shown = org.bastion.crm.api.text.SafeText.escape(bad);
            assertThatThrownBy(() -> f.userService.create(new UserDraft("kim", bad, "kim@example.org",
                    SecurityFixture.PASSWORD, Set.of()))).as("displayName %s", shown)
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                            .extracting(FieldError::field).containsExactly("displayName"));
            assertThatThrownBy(() -> f.userService.create(new UserDraft("kim", "Kim", "kim" + bad + "@example.org",
                    SecurityFixture.PASSWORD, Set.of()))).as("email %s", shown)
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                            .extracting(FieldError::field).containsExactly("email"));
            assertThatThrownBy(() -> f.userService.create(new UserDraft("kim" + bad, "Kim", "kim@example.org",
                    SecurityFixture.PASSWORD, Set.of()))).as("username %s", shown)
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                            .extracting(FieldError::field).containsExactly("username"));
        }
        assertThat(f.count("SELECT COUNT(*) FROM crm_user")).isZero();
    }

    @Test
    void aDisplayNameInAnyScriptWithEmojiIsKept() {
        f.actAsAdmin();

        User created = f.userService.create(new UserDraft("zoe", "Zoë 王 שרה\u200F 😀", "zoe@example.org",
                SecurityFixture.PASSWORD, Set.of()));

        assertThat(created.displayName()).isEqualTo("Zoë 王 שרה\u200F 😀");
    }

    @Test
    void aTakenUsernameIsAConflict() {
        f.createUser("kim");
        f.actAsAdmin();

        assertThatThrownBy(() -> f.userService.create(new UserDraft("KIM", "Kim 2", "kim2@example.org",
                SecurityFixture.PASSWORD, Set.of()))).isInstanceOf(ConflictException.class);
        assertThat(f.count("SELECT COUNT(*) FROM crm_user")).isEqualTo(1);
    }

    @Test
    void onlyAdministratorsManageUsers() {
        User sales = f.createUser("seller", SecurityRoles.SALES);

        assertThatThrownBy(() -> f.userService.list(PageRequest.first())).isInstanceOf(AuthenticationException.class);
        f.actAs(sales);
        assertThatThrownBy(() -> f.userService.get(sales.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> f.userService.create(new UserDraft("new", "New", "new@example.org",
                SecurityFixture.PASSWORD, Set.of()))).isInstanceOf(AccessDeniedException.class);
        assertThat(f.count("SELECT COUNT(*) FROM crm_user")).isEqualTo(1);
    }

    @Test
    void unknownIdsAreNotFound() {
        f.actAsAdmin();
        assertThatThrownBy(() -> f.userService.get("nope")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.userService.disable("nope")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void listPagesByUsername() {
        for (String name : List.of("carol", "alice", "bob")) {
            f.createUser(name);
        }
        f.actAsAdmin();

        Page<User> first = f.userService.list(new PageRequest(0, 2, List.of()));
        Page<User> second = f.userService.list(new PageRequest(1, 2, List.of()));

        assertThat(first.items()).extracting(User::username).containsExactly("alice", "bob");
        assertThat(first.items()).extracting(User::email).containsExactly("alice@example.org", "bob@example.org");
        assertThat(second.items()).extracting(User::username).containsExactly("carol");
        assertThat(first.total()).isEqualTo(3);
    }

    @Test
    void theLastActiveAdministratorCannotBeDisabled() {
        User first = f.createUser("first", SecurityRoles.ADMIN);
        User second = f.createUser("second", SecurityRoles.ADMIN);
        f.actAsAdmin();

        f.userService.disable(first.id());
        assertThatThrownBy(() -> f.userService.disable(second.id())).isInstanceOf(ConflictException.class);

        assertThat(f.userService.get(second.id()).status()).isEqualTo(UserStatus.ACTIVE);
        assertThat(f.userService.enable(first.id()).status()).isEqualTo(UserStatus.ACTIVE);
        assertThat(f.userService.disable(second.id()).status()).isEqualTo(UserStatus.DISABLED);
        assertThat(f.events.of(SecurityEvents.USER_DISABLED)).hasSize(2);
        assertThat(f.events.of(SecurityEvents.USER_ENABLED)).hasSize(1);
    }

    @Test
    void resetPasswordIsJudgedByThePolicyAndEndsSessions() {
        User alice = f.createUser("alice");
        String token = f.authenticator.login("alice", SecurityFixture.PASSWORD, client).token();
        f.actAsAdmin();

        assertThatThrownBy(() -> f.userService.resetPassword(alice.id(), "alice-alice-alice"))
                .isInstanceOf(ValidationException.class);
        assertThat(f.authenticator.authenticate(token, client)).isPresent();

        f.userService.resetPassword(alice.id(), "another fine passphrase");

        assertThat(f.authenticator.authenticate(token, client)).isEmpty();
        assertThat(f.events.of(SecurityEvents.PASSWORD_RESET)).hasSize(1);
        assertThat(f.authenticator.login("alice", "another fine passphrase", client).token()).isNotNull();
    }

    @Test
    void resetTotpRemovesTheAuthenticatorAndRecoveryCodes() {
        User root = f.createUser("root", SecurityRoles.ADMIN);
        f.enableTotp(root);
        f.actAsAdmin();

        User reset = f.userService.resetTotp(root.id());

        assertThat(reset.totpEnabled()).isFalse();
        assertThat(reset.totpRequired()).isTrue();
        assertThat(f.count("SELECT COUNT(*) FROM crm_recovery_code")).isZero();
        assertThat(f.events.of(SecurityEvents.TOTP_RESET)).hasSize(1);
        assertThat(f.authenticator.login("root", SecurityFixture.PASSWORD, client).totpEnrolmentRequired()).isTrue();
    }

    @Test
    void createAcceptsTheCustomRolesTheRoleServiceKnowsAndNamesUnknownOnes() {
        RoleService roles = mock(RoleService.class);
        when(roles.list()).thenReturn(List.of(
                new Role("sales", "Sales", Set.of(), true, Set.of()),
                new Role("key-officer", "Keys", Set.of(), false, Set.of())));
        f.assignableRoles.roleService = roles;
        f.actAsAdmin();

        User created = f.userService.create(new UserDraft("kim", "Kim", "kim@example.org", SecurityFixture.PASSWORD,
                Set.of("key-officer", "sales")));

        assertThat(created.roles()).containsExactlyInAnyOrder("key-officer", "sales");
        assertThatThrownBy(() -> f.userService.create(new UserDraft("lee", "Lee", "lee@example.org",
                SecurityFixture.PASSWORD, Set.of("dpo")))).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors()).containsExactly(new FieldError("roles", "unknown role dpo")));
    }
}
