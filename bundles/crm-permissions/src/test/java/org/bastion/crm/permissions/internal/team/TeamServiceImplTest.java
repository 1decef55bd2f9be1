package org.bastion.crm.permissions.internal.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bastion.crm.permissions.internal.PermissionsFixture.MANAGER_ID;
import static org.bastion.crm.permissions.internal.PermissionsFixture.OTHER_ID;
import static org.bastion.crm.permissions.internal.PermissionsFixture.SALES_ID;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import org.bastion.crm.api.AccessDeniedException;
import org.bastion.crm.api.Caller;
import org.bastion.crm.api.ConflictException;
import org.bastion.crm.api.FieldError;
import org.bastion.crm.api.NotFoundException;
import org.bastion.crm.api.ValidationException;
import org.bastion.crm.api.permissions.PermissionEvents;
import org.bastion.crm.api.permissions.Team;
import org.bastion.crm.api.permissions.TeamDraft;
import org.bastion.crm.permissions.internal.PermissionsFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;

class TeamServiceImplTest {

    private final PermissionsFixture fixture = new PermissionsFixture();
    private final TeamServiceImpl teams = fixture.teams;

    /** The examples and one of every other class the platform text rule refuses in a one-line field. */
    private static final java.util.List<String> UNSAFE = java.util.List.of("a\u0000b", "a\u001b[2Jb", "a\rb",
            "a\nb", "a\r\nb", "a\tb", "a\u202Eb", "a\u2066b", "\ud800x", "a\uFFFEb", "a\u0085b", "a\u2028b");

    @BeforeEach
    void actAsAdministrator() {
        fixture.actAsAdmin();
    }

    @Test
    void aCreatedTeamIsEmptyListedByNameAndPostsAnEvent() {
        teams.create(new TeamDraft("south", null));
        Team north = teams.create(new TeamDraft("north", "Northern sales"));

        assertThat(north).isEqualTo(new Team("north", "Northern sales", java.util.Set.of()));
        assertThat(teams.list()).extracting(Team::name).containsExactly("north", "south");
        Event event = fixture.events.last(PermissionEvents.TEAM_CREATED);
        assertThat(event.getProperty(PermissionEvents.TEAM)).isEqualTo("north");
        assertThat(event.getProperty(PermissionEvents.ACTOR)).isEqualTo(PermissionsFixture.ADMIN_ID);
        assertThat(event.getProperty(PermissionEvents.TIMESTAMP)).isInstanceOf(Long.class);
    }

    @Test
    void badNamesAndLongDescriptionsAreRefused() {
        assertThatThrownBy(() -> teams.create(new TeamDraft("North Team", "d".repeat(501))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("name", "description"));
        teams.create(new TeamDraft("north", "d".repeat(500)));
        assertThatThrownBy(() -> teams.update("north", new TeamDraft(null, "d".repeat(501))))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void aDescriptionWithControlCharactersBidiOverridesOrBrokenUnicodeIsRefusedOnCreateAndUpdate() {
        teams.create(new TeamDraft("north", "Northern sales"));
        for (String bad : UNSAFE) {
            assertThatThrownBy(() -> teams.create(new TeamDraft("south", bad)))
                    .as(org.bastion.crm.api.text.SafeText.escape(bad))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                            .extracting(FieldError::field).containsExactly("description"));
            assertThatThrownBy(() -> teams.update("north", new TeamDraft(null, bad)))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                            .extracting(FieldError::field).containsExactly("description"));
        }
        assertThat(teams.find("south")).isEmpty();
        assertThat(teams.find("north").orElseThrow().description()).isEqualTo("Northern sales");
    }

    @Test
    void aDescriptionInAnyScriptWithEmojiIsKept() {
        assertThat(teams.create(new TeamDraft("intl", "Équipe 東京 · فريق 🚀")).description())
                .isEqualTo("Équipe 東京 · فريق 🚀");
    }

    @Test
    void aTakenNameIsAConflict() {
        teams.create(new TeamDraft("north", null));

        assertThatThrownBy(() -> teams.create(new TeamDraft("north", null))).isInstanceOf(ConflictException.class);
    }

    @Test
    void unknownTeamsAreNotFound() {
        assertThatThrownBy(() -> teams.update("ghost", new TeamDraft(null, "x"))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> teams.delete("ghost")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> teams.addMember("ghost", SALES_ID)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> teams.removeMember("ghost", SALES_ID)).isInstanceOf(NotFoundException.class);
        assertThat(teams.find("ghost")).isEmpty();
    }

    @Test
    void anUpdateChangesTheDescriptionAndPostsAnEvent() {
        teams.create(new TeamDraft("north", "old"));

        assertThat(teams.update("north", new TeamDraft("ignored", "new")).description()).isEqualTo("new");
        assertThat(fixture.events.last(PermissionEvents.TEAM_UPDATED).getProperty(PermissionEvents.TEAM))
                .isEqualTo("north");
    }

    @Test
    void membersAreAddedOnceAndRemovedWithEvents() {
        teams.create(new TeamDraft("north", null));

        teams.addMember("north", SALES_ID);
        Event added = fixture.events.last(PermissionEvents.TEAM_MEMBER_ADDED);
        assertThat(added.getProperty(PermissionEvents.TEAM)).isEqualTo("north");
        assertThat(added.getProperty(PermissionEvents.USER_ID)).isEqualTo(SALES_ID);
        int eventsBefore = fixture.events.all().size();
        assertThat(teams.addMember("north", SALES_ID).members()).containsExactly(SALES_ID);
        assertThat(fixture.events.all()).hasSize(eventsBefore);

        assertThat(teams.removeMember("north", SALES_ID).members()).isEmpty();
        assertThat(fixture.events.last(PermissionEvents.TEAM_MEMBER_REMOVED).getProperty(PermissionEvents.USER_ID))
                .isEqualTo(SALES_ID);
    }

    @Test
    void onlyKnownUsersBecomeMembersAndOnlyMembersAreRemoved() {
        teams.create(new TeamDraft("north", null));

        assertThatThrownBy(() -> teams.addMember("north", "u-ghost")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("u-ghost");
        assertThatThrownBy(() -> teams.removeMember("north", SALES_ID)).isInstanceOf(ValidationException.class);
    }

    @Test
    void withoutTheUserDirectoryNoMemberIsAdded() {
        teams.create(new TeamDraft("north", null));
        teams.directory = null;

        assertThatThrownBy(() -> teams.addMember("north", SALES_ID)).isInstanceOf(ValidationException.class);
        assertThat(teams.find("north").orElseThrow().members()).isEmpty();
    }

    @Test
    void aTeamHasAtMostOneThousandMembers() throws SQLException {
        teams.create(new TeamDraft("crowd", null));
        try (Connection connection = fixture.dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO crm_team_member (team, user_id) VALUES ('crowd', ?)")) {
            for (int i = 0; i < 1000; i++) {
                insert.setString(1, "u-" + i);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        fixture.teamStore.reload();
        fixture.users.put("u-late", "late", "sales");

        assertThatThrownBy(() -> teams.addMember("crowd", "u-late")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("1000");
    }

    @Test
    void deletingATeamRemovesItsMemberships() {
        teams.create(new TeamDraft("north", null));
        teams.addMember("north", SALES_ID);
        teams.addMember("north", OTHER_ID);

        teams.delete("north");

        assertThat(teams.teamsOf(SALES_ID)).isEmpty();
        assertThat(teams.teamMatesOf(SALES_ID)).containsExactly(SALES_ID);
        assertThat(fixture.query("SELECT COUNT(*) FROM crm_team_member")).isEqualTo(0L);
        assertThat(fixture.events.last(PermissionEvents.TEAM_DELETED).getProperty(PermissionEvents.TEAM))
                .isEqualTo("north");
    }

    @Test
    void teamsOfAUserAndHisTeamMates() {
        teams.create(new TeamDraft("north", null));
        teams.create(new TeamDraft("south", null));
        teams.addMember("north", SALES_ID);
        teams.addMember("north", MANAGER_ID);
        teams.addMember("south", SALES_ID);
        teams.addMember("south", OTHER_ID);

        assertThat(teams.teamsOf(SALES_ID)).extracting(Team::name).containsExactly("north", "south");
        assertThat(teams.teamMatesOf(SALES_ID)).containsExactlyInAnyOrder(SALES_ID, MANAGER_ID, OTHER_ID);
        assertThat(teams.teamMatesOf(MANAGER_ID)).containsExactlyInAnyOrder(SALES_ID, MANAGER_ID);
        assertThat(teams.teamMatesOf("u-loner")).containsExactly("u-loner");
    }

    @Test
    void readingNeedsTeamsReadButAUserMaySeeHisOwnTeams() {
        teams.create(new TeamDraft("north", null));
        teams.addMember("north", SALES_ID);
        fixture.actAs(SALES_ID);

        assertThatThrownBy(teams::list).isInstanceOf(AccessDeniedException.class).hasMessageContaining("teams:read");
        assertThatThrownBy(() -> teams.find("north")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> teams.teamsOf(OTHER_ID)).isInstanceOf(AccessDeniedException.class);
        assertThat(teams.teamsOf(SALES_ID)).extracting(Team::name).containsExactly("north");

        fixture.actAs(MANAGER_ID);
        assertThat(teams.list()).hasSize(1);
        assertThat(teams.teamsOf(SALES_ID)).hasSize(1);
    }

    @Test
    void changingNeedsTeamsManage() {
        fixture.actAs(MANAGER_ID);

        assertThatThrownBy(() -> teams.create(new TeamDraft("north", null)))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("teams:manage");
        fixture.caller = Caller.ANONYMOUS;
        assertThatThrownBy(() -> teams.teamsOf(Caller.ANONYMOUS.id())).isInstanceOf(AccessDeniedException.class);
        teams.callers = null;
        assertThatThrownBy(teams::list).isInstanceOf(AccessDeniedException.class);
        assertThat(fixture.events.all()).isEmpty();
    }

    @Test
    void teamsSurviveARestart() {
        teams.create(new TeamDraft("north", "N"));
        teams.addMember("north", SALES_ID);

        TeamStore restarted = new TeamStore(fixture.database, fixture.clock);

        assertThat(restarted.table().find("north").orElseThrow()).isEqualTo(
                new Team("north", "N", java.util.Set.of(SALES_ID)));
    }
}
