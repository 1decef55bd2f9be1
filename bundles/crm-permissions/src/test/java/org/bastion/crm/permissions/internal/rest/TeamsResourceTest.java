package org.bastion.crm.permissions.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bastion.crm.permissions.internal.rest.RestTestSupport.json;
import static org.bastion.crm.permissions.internal.rest.RestTestSupport.uri;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.ws.rs.core.Response;

import org.bastion.crm.api.AccessDeniedException;
import org.bastion.crm.api.ConflictException;
import org.bastion.crm.api.FieldError;
import org.bastion.crm.api.NotFoundException;
import org.bastion.crm.api.ValidationException;
import org.bastion.crm.api.permissions.Team;
import org.bastion.crm.api.permissions.TeamDraft;
import org.bastion.crm.api.permissions.TeamService;
import org.bastion.crm.api.security.UserDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class TeamsResourceTest {

    private static final String BASE = "https://h:8443/api/v1/teams";

    private final TeamService teams = mock(TeamService.class);
    private final UserDirectory directory = mock(UserDirectory.class);
    private final TeamsResource resource = new TeamsResource(teams);

    @BeforeEach
    void setUp() {
        resource.directory = directory;
        when(directory.usernameOf(any())).thenReturn(Optional.empty());
        when(directory.usernameOf("u-1")).thenReturn(Optional.of("ann"));
        when(directory.usernameOf("u-2")).thenReturn(Optional.of("bob"));
    }

    private static Team north() {
        return new Team("north", "Northern sales", Set.of("u-2", "u-1"));
    }

    @Test
    void listAnswersEveryTeamUnderItems() throws Exception {
        when(teams.list()).thenReturn(List.of(north(), new Team("south", null, Set.of())));

        JsonNode body = json(resource.list());

        assertThat(body.get("items")).extracting(team -> team.get("name").asText()).containsExactly("north", "south");
        assertThat(body.get("items").get(1).get("members")).isEmpty();
    }

    @Test
    void aTeamShowsItsMembersWithUsernamesByUserId() throws Exception {
        when(teams.find("north")).thenReturn(Optional.of(north()));

        JsonNode team = json(resource.get("north"));

        assertThat(team.fieldNames()).toIterable().containsExactly("name", "description", "members");
        assertThat(team.get("description").asText()).isEqualTo("Northern sales");
        assertThat(team.get("members")).extracting(m -> m.get("id").asText() + "=" + m.get("username").asText())
                .containsExactly("u-1=ann", "u-2=bob");
    }

    @Test
    void aMemberTheDirectoryDoesNotKnowHasNoUsername() throws Exception {
        when(teams.find("north")).thenReturn(Optional.of(new Team("north", null, Set.of("u-1", "u-gone"))));

        TeamBody body = resource.get("north");

        assertThat(body.members()).containsExactly(new MemberBody("u-1", "ann"), new MemberBody("u-gone", null));
        assertThat(json(body).get("members").get(1).has("username")).isFalse();
    }

    @Test
    void withoutTheUserDirectoryMembersAreIdsOnly() {
        resource.directory = null;
        when(teams.find("north")).thenReturn(Optional.of(north()));

        assertThat(resource.get("north").members()).containsExactly(new MemberBody("u-1", null),
                new MemberBody("u-2", null));
    }

    @Test
    void anUnknownTeamIs404() {
        when(teams.find(any())).thenReturn(Optional.empty());

        assertThatThrownBy(() -> resource.get("nowhere")).isInstanceOf(NotFoundException.class)
                .hasMessage("team nowhere not found");
        assertThatThrownBy(() -> resource.get("x y")).isInstanceOf(NotFoundException.class)
                .hasMessage("team (invalid name) not found");
    }

    @Test
    void createAnswers201WithLocationAndTheTeam() throws Exception {
        when(teams.create(any())).thenReturn(new Team("north", "Northern sales", Set.of()));

        Response response = resource.create(new NewTeamRequest("north", "Northern sales"), uri(BASE));

        assertThat(response.getStatus()).isEqualTo(201);
        assertThat(response.getLocation().toString()).isEqualTo(BASE + "/north");
        assertThat(json(response.getEntity()).get("name").asText()).isEqualTo("north");
        verify(teams).create(new TeamDraft("north", "Northern sales"));
    }

    @Test
    void createWithoutABodyIs400AndCallsNothing() {
        assertThatThrownBy(() -> resource.create(null, uri(BASE))).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors()).containsExactly(new FieldError("body", "is required")));
        verifyNoInteractions(teams);
    }

    @Test
    void createPassesTheServicesRefusalsThrough() {
        ConflictException taken = new ConflictException("team north exists");
        when(teams.create(new TeamDraft("north", null))).thenThrow(taken);
        ValidationException badName = ValidationException.of("name", "lower case letters, digits and '-'");
        when(teams.create(new TeamDraft("No Rth", null))).thenThrow(badName);

        assertThatThrownBy(() -> resource.create(new NewTeamRequest("north", null), uri(BASE))).isSameAs(taken);
        assertThatThrownBy(() -> resource.create(new NewTeamRequest("No Rth", null), uri(BASE))).isSameAs(badName);
    }

    @Test
    void updateChangesTheDescriptionOfTheNamedTeam() {
        when(teams.update("north", new TeamDraft("north", "Up north"))).thenReturn(new Team("north", "Up north",
                Set.of()));

        assertThat(resource.update("north", new TeamUpdateRequest("Up north")).description()).isEqualTo("Up north");
    }

    @Test
    void updateWithoutABodyIs400() {
        assertThatThrownBy(() -> resource.update("north", null)).isInstanceOf(ValidationException.class);
        verifyNoInteractions(teams);
    }

    @Test
    void deleteAnswers204() {
        Response response = resource.delete("north");

        assertThat(response.getStatus()).isEqualTo(204);
        verify(teams).delete("north");
    }

    @Test
    void deleteOfAnUnknownTeamPassesTheNotFoundThrough() {
        NotFoundException missing = new NotFoundException("team", "north");
        doThrow(missing).when(teams).delete("north");
        assertThatThrownBy(() -> resource.delete("north")).isSameAs(missing);
    }

    @Test
    void addingAndRemovingAMemberAnswerTheTeam() {
        when(teams.addMember("north", "u-3")).thenReturn(new Team("north", null, Set.of("u-1", "u-3")));
        when(teams.removeMember("north", "u-1")).thenReturn(new Team("north", null, Set.of("u-3")));

        assertThat(resource.addMember("north", "u-3").members()).extracting(MemberBody::id)
                .containsExactly("u-1", "u-3");
        assertThat(resource.removeMember("north", "u-1").members()).extracting(MemberBody::id)
                .containsExactly("u-3");
    }

    @Test
    void memberChangesPassTheServicesRefusalsThrough() {
        ValidationException unknownUser = ValidationException.of("userId", "no such user");
        when(teams.addMember("north", "u-x")).thenThrow(unknownUser);
        ValidationException notMember = ValidationException.of("userId", "not a member");
        when(teams.removeMember("north", "u-x")).thenThrow(notMember);
        AccessDeniedException denied = new AccessDeniedException("teams:manage required");
        when(teams.addMember("north", "u-1")).thenThrow(denied);

        assertThatThrownBy(() -> resource.addMember("north", "u-x")).isSameAs(unknownUser);
        assertThatThrownBy(() -> resource.removeMember("north", "u-x")).isSameAs(notMember);
        assertThatThrownBy(() -> resource.addMember("north", "u-1")).isSameAs(denied);
    }
}
