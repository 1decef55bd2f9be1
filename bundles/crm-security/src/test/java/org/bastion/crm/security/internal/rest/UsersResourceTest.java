package org.bastion.crm.security.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bastion.crm.security.internal.rest.RestTestSupport.json;
import static org.bastion.crm.security.internal.rest.RestTestSupport.uri;
import static org.bastion.crm.security.internal.rest.RestTestSupport.user;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Set;

import javax.ws.rs.core.Response;

import org.bastion.crm.api.AccessDeniedException;
import org.bastion.crm.api.FieldError;
import org.bastion.crm.api.Page;
import org.bastion.crm.api.PageRequest;
import org.bastion.crm.api.ValidationException;
import org.bastion.crm.api.rest.PageBody;
import org.bastion.crm.api.security.User;
import org.bastion.crm.api.security.UserDraft;
import org.bastion.crm.api.security.UserService;
import org.bastion.crm.api.security.UserStatus;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class UsersResourceTest {

    private static final String BASE = "https://h:8443/api/v1/users";

    private final UserService users = mock(UserService.class);
    private final UsersResource resource = new UsersResource(users);

    @Test
    void createAnswers201WithLocationAndTheUser() throws Exception {
        when(users.create(any())).thenReturn(user("u-9", "bob"));

        Response response = resource.create(new NewUserRequest("bob", "Bob", "bob@example.org", "long enough pw",
                List.of("sales", "support")), uri(BASE));

        assertThat(response.getStatus()).isEqualTo(201);
        assertThat(response.getLocation().toString()).isEqualTo(BASE + "/u-9");
        assertThat(json(response.getEntity()).get("username").asText()).isEqualTo("bob");
        ArgumentCaptor<UserDraft> draft = ArgumentCaptor.forClass(UserDraft.class);
        verify(users).create(draft.capture());
        assertThat(draft.getValue()).isEqualTo(new UserDraft("bob", "Bob", "bob@example.org", "long enough pw",
                Set.of("sales", "support")));
    }

    @Test
    void createWithoutRolesLeavesTheChoiceToTheService() {
        when(users.create(any())).thenReturn(user("u-9", "bob"));
        resource.create(new NewUserRequest("bob", "Bob", "bob@example.org", "long enough pw", null), uri(BASE));
        ArgumentCaptor<UserDraft> draft = ArgumentCaptor.forClass(UserDraft.class);
        verify(users).create(draft.capture());
        assertThat(draft.getValue().roles()).isEmpty();
    }

    @Test
    void createListsEveryMissingOrOverlongFieldAndCallsNothing() {
        assertThatThrownBy(() -> resource.create(new NewUserRequest(null, null, null, null, null), uri(BASE)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).containsExactly(
                        new FieldError("username", "is required"), new FieldError("displayName", "is required"),
                        new FieldError("email", "is required"), new FieldError("password", "is required")));
        assertThatThrownBy(() -> resource.create(new NewUserRequest("u".repeat(65), "Bob", "bob@example.org",
                "p".repeat(129), java.util.Arrays.asList("sales", null)), uri(BASE)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).containsExactly(
                        new FieldError("username", "must be at most 64 characters"),
                        new FieldError("password", "must be at most 128 characters"),
                        new FieldError("roles[1]", "must not be null")));
        assertThatThrownBy(() -> resource.create(null, uri(BASE))).isInstanceOf(ValidationException.class);
        verifyNoInteractions(users);
    }

    @Test
    void listAnswersAPageBodyWithLinks() {
        when(users.list(new PageRequest(1, 2, List.of())))
                .thenReturn(new Page<>(List.of(user("u-3", "cy"), user("u-4", "di")), 5, 1, 2));

        PageBody<UserBody> body = resource.list("1", "2", uri(BASE + "?page=1&size=2"));

        assertThat(body.items()).extracting(UserBody::username).containsExactly("cy", "di");
        assertThat(body.total()).isEqualTo(5);
        assertThat(body.links()).containsEntry("next", BASE + "?page=2&size=2")
                .containsEntry("prev", BASE + "?page=0&size=2").containsEntry("last", BASE + "?page=2&size=2");
    }

    @Test
    void listWithBadPagingIsAFieldError() {
        assertThatThrownBy(() -> resource.list("x", "20", uri(BASE)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("page"));
        assertThatThrownBy(() -> resource.list("0", "500", uri(BASE)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("size"));
        verifyNoInteractions(users);
    }

    @Test
    void actionsAnswerTheChangedUser() {
        User locked = new User("u-5", "eve", "Eve", "eve@example.org", UserStatus.LOCKED,
                RestTestSupport.T0, Set.of(), false, false, 0, RestTestSupport.T0, null);
        when(users.get("u-5")).thenReturn(locked);
        when(users.disable("u-5")).thenReturn(user("u-5", "disabled"));
        when(users.enable("u-5")).thenReturn(user("u-5", "enabled"));
        when(users.unlock("u-5")).thenReturn(user("u-5", "unlocked"));
        when(users.resetTotp("u-5")).thenReturn(user("u-5", "totp-reset"));
        when(users.resetPassword("u-5", "a new long password")).thenReturn(user("u-5", "password-reset"));

        assertThat(resource.get("u-5").lockedUntil()).isEqualTo(RestTestSupport.T0);
        assertThat(resource.disable("u-5").username()).isEqualTo("disabled");
        assertThat(resource.enable("u-5").username()).isEqualTo("enabled");
        assertThat(resource.unlock("u-5").username()).isEqualTo("unlocked");
        assertThat(resource.resetTotp("u-5").username()).isEqualTo("totp-reset");
        assertThat(resource.resetPassword("u-5", new PasswordResetRequest("a new long password")).username())
                .isEqualTo("password-reset");
    }

    @Test
    void resetPasswordRefusesAMissingOrOverlongPasswordBeforeAnyHashing() {
        assertThatThrownBy(() -> resource.resetPassword("u-5", new PasswordResetRequest("p".repeat(129))))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> resource.resetPassword("u-5", new PasswordResetRequest(null)))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> resource.resetPassword("u-5", null)).isInstanceOf(ValidationException.class);
        verifyNoInteractions(users);
    }

    @Test
    void serviceRefusalsPassThroughForTheProblemMapping() {
        AccessDeniedException denied = new AccessDeniedException("administrators only");
        when(users.get("u-1")).thenThrow(denied);
        assertThatThrownBy(() -> resource.get("u-1")).isSameAs(denied);
    }

    @Test
    void userBodyNeverShowsTheEmailInToString() {
        assertThat(UserBody.of(user("u-1", "ann")).toString()).doesNotContain("ann@example.org");
    }
}
