package org.bastion.crm.itests.support;

import static org.bastion.crm.itests.support.Json.object;
import static org.junit.Assert.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Creates fresh CRM users through the administrator's API ({@code POST /users}), each with a unique name and a strong
 * random password, so that every check has accounts of its own.
 */
public final class CrmUsers {

    private final CrmApi admin;

    /** Users created through {@code admin}, a client holding an administrator's token. */
    public CrmUsers(CrmApi admin) {
        this.admin = admin;
    }

    /** A new, unused password that no policy refuses: long, random, not containing any username. */
    public static String newPassword() {
        return "Pw-" + UUID.randomUUID() + "-x";
    }

    /** A username no user has: {@code prefix-<8 random hex digits>}, lower case. */
    public static String newUsername(String prefix) {
        return (prefix + "-" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
    }

    /** Creates a user with {@code roles} (none: the default role); 201 expected. */
    public TestUser create(String prefix, String... roles) {
        String username = newUsername(prefix);
        String password = newPassword();
        ApiResponse created = Expect.status(201, admin.post("/users", object(
                "username", username,
                "displayName", "Itest " + username,
                "email", username + "@example.com",
                "password", password,
                "roles", List.of(roles))));
        JsonNode body = created.json();
        String id = body.path("id").asText();
        assertFalse("the created user has an id: " + created.describe(), id.isBlank());
        assertFalse("a Location names the new user: " + created.describe(), created.location() == null);
        assertFalse("the user JSON carries no password: " + created.describe(), created.body().contains(password));
        return new TestUser(id, username, password);
    }

    /** The user as {@code GET /users/<id>} shows it. */
    public JsonNode get(TestUser user) {
        return Expect.json(200, admin.get(user.path()));
    }
}
