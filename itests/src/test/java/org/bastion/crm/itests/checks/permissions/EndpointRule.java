package org.bastion.crm.itests.checks.permissions;

import org.bastion.crm.itests.checks.permissions.BuiltInRoles.Relation;
import org.bastion.crm.itests.checks.permissions.BuiltInRoles.Scope;
import org.bastion.crm.itests.support.ApiResponse;

/**
 * One endpoint's rule in the authorization matrix: who may call it, the (harmless) call a role makes, and the
 * status a permitted caller gets; {@link #expected} derives the status for a role from {@link BuiltInRoles}.
 *
 * @param access the kind of rule
 * @param permission the unscoped permission of a {@link Access#PERMISSION} rule
 * @param domain the record domain of record rules ({@code contacts}, {@code companies})
 * @param action the scoped action of record rules ({@code read}, {@code write}, {@code delete})
 * @param permitted the status a permitted caller gets with this call
 * @param target what the call targets, for the table and failure messages (e.g. "a non-existing id")
 * @param call makes the call as a role, for one relation (ignored by rules that are not per relation)
 */
public record EndpointRule(Access access, String permission, String domain, String action, int permitted,
        String target, Call call) {

    /** The kinds of rule. */
    public enum Access {
        /** No token needed; every caller gets {@code permitted}. */
        PUBLIC,
        /** Any logged-in user gets {@code permitted}. */
        LOGGED_IN,
        /** Holders of {@code permission} get {@code permitted}, others 403. */
        PERMISSION,
        /** A list of records: any read scope gives {@code permitted} (filtered), none 403. */
        RECORD_LIST,
        /** A create with an explicit owner: the action's scope covering the owner gives {@code permitted}, else 403. */
        RECORD_CREATE,
        /** One record: no read scope 403, outside it 404, readable but outside the action's scope 403. */
        RECORD
    }

    /** Makes one call as a role. */
    @FunctionalInterface
    public interface Call {
        /** The answer to the call {@code role} makes on a record of {@code relation} (when the rule has one). */
        ApiResponse make(MatrixFixture fixture, String role, Relation relation);
    }

    /** A rule for anybody (public endpoints). */
    public static EndpointRule open(int permitted, String target, Call call) {
        return new EndpointRule(Access.PUBLIC, null, null, null, permitted, target, call);
    }

    /** A rule for any logged-in user. */
    public static EndpointRule loggedIn(int permitted, String target, Call call) {
        return new EndpointRule(Access.LOGGED_IN, null, null, null, permitted, target, call);
    }

    /** A rule for holders of an unscoped permission. */
    public static EndpointRule permission(String permission, int permitted, String target, Call call) {
        return new EndpointRule(Access.PERMISSION, permission, null, null, permitted, target, call);
    }

    /** A rule of record endpoints. */
    public static EndpointRule record(Access access, String domain, String action, int permitted, String target,
            Call call) {
        return new EndpointRule(access, null, domain, action, permitted, target, call);
    }

    /** Whether the rule is checked once per relation (own, team mate's, foreign record). */
    public boolean perRelation() {
        return access == Access.RECORD || access == Access.RECORD_CREATE;
    }

    /** The status the built-in {@code role} must get for a record of {@code relation}. */
    public int expected(String role, Relation relation) {
        return switch (access) {
            case PUBLIC, LOGGED_IN -> permitted;
            case PERMISSION -> BuiltInRoles.holds(role, permission) ? permitted : 403;
            case RECORD_LIST -> BuiltInRoles.scope(role, domain, "read") != Scope.NONE ? permitted : 403;
            case RECORD_CREATE -> BuiltInRoles.covers(BuiltInRoles.scope(role, domain, action), relation) ? permitted : 403;
            case RECORD -> recordStatus(role, relation);
        };
    }

    private int recordStatus(String role, Relation relation) {
        Scope read = BuiltInRoles.scope(role, domain, "read");
        if (read == Scope.NONE) {
            return 403;
        }
        if (!BuiltInRoles.covers(read, relation)) {
            return 404;
        }
        if (action.equals("read")) {
            return permitted;
        }
        return BuiltInRoles.covers(BuiltInRoles.scope(role, domain, action), relation) ? permitted : 403;
    }

    /** The rule as one line of the table: access, permission or scope, target. */
    public String describe() {
        String who = switch (access) {
            case PUBLIC -> "public";
            case LOGGED_IN -> "logged in";
            case PERMISSION -> permission;
            case RECORD_LIST, RECORD_CREATE, RECORD -> domain + ":" + action + " (" + access + ")";
        };
        return who + ", " + target + " -> " + permitted;
    }
}
