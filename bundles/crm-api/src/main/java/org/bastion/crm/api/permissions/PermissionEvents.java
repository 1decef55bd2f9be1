package org.bastion.crm.api.permissions;

/**
 * The EventAdmin topics and property names of permission changes (roles, role grants to users, teams); the audit
 * bundle records them.
 */
public final class PermissionEvents {

    /** The prefix shared by every permission topic. */
    public static final String TOPIC_PREFIX = "org/bastion/crm/permissions/";
    /** Subscribe to every permission event. */
    public static final String ALL_TOPICS = TOPIC_PREFIX + "*";

    public static final String ROLE_CREATED = TOPIC_PREFIX + "ROLE_CREATED";
    public static final String ROLE_UPDATED = TOPIC_PREFIX + "ROLE_UPDATED";
    public static final String ROLE_DELETED = TOPIC_PREFIX + "ROLE_DELETED";
    /** A user's roles changed (published by the security bundle, which keeps users and their roles). */
    public static final String USER_ROLES_CHANGED = TOPIC_PREFIX + "USER_ROLES_CHANGED";
    public static final String TEAM_CREATED = TOPIC_PREFIX + "TEAM_CREATED";
    public static final String TEAM_UPDATED = TOPIC_PREFIX + "TEAM_UPDATED";
    public static final String TEAM_DELETED = TOPIC_PREFIX + "TEAM_DELETED";
    public static final String TEAM_MEMBER_ADDED = TOPIC_PREFIX + "TEAM_MEMBER_ADDED";
    public static final String TEAM_MEMBER_REMOVED = TOPIC_PREFIX + "TEAM_MEMBER_REMOVED";

    /** Property: the role concerned. */
    public static final String ROLE = "role";
    /** Property: the team concerned. */
    public static final String TEAM = "team";
    /** Property: the user concerned (a user id). */
    public static final String USER_ID = "userId";
    /** Property: permissions added ({@code String[]}). */
    public static final String GRANTED = "granted";
    /** Property: permissions or roles taken away ({@code String[]}). */
    public static final String REVOKED = "revoked";
    /** Property: a user's roles after the change ({@code String[]}). */
    public static final String ROLES = "roles";
    /** Property: the id of the caller who made the change. */
    public static final String ACTOR = "actor";
    /** Property: the event time (epoch milliseconds, {@code Long}). */
    public static final String TIMESTAMP = "timestamp";

    private PermissionEvents() {
    }
}
