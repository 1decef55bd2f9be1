package org.bastion.crm.itests.checks.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.bastion.crm.itests.support.ApiResponse;
import org.bastion.crm.itests.support.CrmApi;
import org.bastion.crm.itests.support.Json;

/**
 * Everything of the rehearsal's data an administrator sees through the API, as text to compare between the CRM that
 * was backed up and the one it was restored onto: contacts (decrypted, their history, found by e-mail and by company),
 * companies, users with their roles, roles, teams and the audit entries about them. Audit entries (and history items)
 * are kept up to the audit sequence number the chain had reached before the backup: later ones (reads, logins, the
 * restore itself) differ by nature between the two installations.
 */
public final class RehearsalViews {

    private final Map<String, String> views;

    private RehearsalViews(Map<String, String> views) {
        this.views = views;
    }

    /** Reads every view of {@code data} through {@code admin}, audit items up to {@code lastSequence}. */
    public static RehearsalViews read(CrmApi admin, RehearsalData data, long lastSequence) {
        List<String> paths = new ArrayList<>();
        for (String id : data.companyIds()) {
            paths.add("/companies/" + id);
            paths.add("/contacts?companyId=" + id + "&size=100");
            paths.add("/audit?targetKind=company&targetId=" + id + "&size=100");
        }
        for (String id : data.contactIds()) {
            paths.add("/contacts/" + id);
            paths.add("/contacts/" + id + "/history?size=100");
            paths.add("/audit?targetKind=contact&targetId=" + id + "&size=100");
        }
        paths.add("/contacts/" + data.deletedContactId());
        paths.add("/contacts?q=" + data.contactEmail());
        for (RehearsalData.EnrolledUser user : data.users()) {
            paths.add("/users/" + user.user().id());
            paths.add("/users/" + user.user().id() + "/roles");
            paths.add("/audit?targetKind=user&targetId=" + user.user().id() + "&size=100");
        }
        paths.add("/roles");
        paths.add("/roles/" + data.roleName());
        paths.add("/teams");
        paths.add("/teams/" + data.teamName());
        Map<String, String> views = new LinkedHashMap<>();
        for (String path : paths) {
            views.put(path, view(admin.get(path), lastSequence));
        }
        views.put("usernames", usernames(admin));
        return new RehearsalViews(views);
    }

    /** Where {@code restored} differs from this, one line per view (empty: the same). */
    public List<String> differences(RehearsalViews restored) {
        List<String> differences = new ArrayList<>();
        for (Map.Entry<String, String> view : views.entrySet()) {
            String other = restored.views.get(view.getKey());
            if (!view.getValue().equals(other)) {
                differences.add(view.getKey() + "\n  original: " + Json.abbreviate(view.getValue())
                        + "\n  restored: " + Json.abbreviate(String.valueOf(other)));
            }
        }
        return differences;
    }

    /** The view of {@code path} (the text compared), or an empty string when it was not read. */
    public String view(String path) {
        return views.getOrDefault(path, "");
    }

    /** How many views there are (to report what was compared). */
    public int size() {
        return views.size();
    }

    /** A view: the body of a 200 (audit items after {@code lastSequence} left out), else the status alone. */
    private static String view(ApiResponse response, long lastSequence) {
        if (response.status() != 200) {
            return "HTTP " + response.status();
        }
        JsonNode body = response.json();
        if (body.path("items").isArray() && body.path("items").path(0).has("sequence")) {
            ArrayNode items = (ArrayNode) body.path("items");
            for (Iterator<JsonNode> it = items.iterator(); it.hasNext();) {
                if (it.next().path("sequence").asLong() > lastSequence) {
                    it.remove();
                }
            }
            ((ObjectNode) body).remove("total");
        }
        // absolute links name the installation's own port
        return body.toString().replaceAll("(127\\.0\\.0\\.1|localhost):\\d+", "HOST");
    }

    /** Every username, sorted (the users' own records change with their logins; the set must not). */
    private static String usernames(CrmApi admin) {
        ApiResponse users = admin.get("/users?size=200");
        if (users.status() != 200) {
            return "HTTP " + users.status();
        }
        return users.json().path("total").asText() + " "
                + new TreeSet<>(users.json().path("items").findValuesAsText("username"));
    }
}
