package org.bastion.crm.itests.checks.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Valid values for the top-level body properties the CRM's operations share by name (names, e-mail addresses,
 * passwords, permissions...), so that a sample body is valid but for the one part each bad body breaks and that part
 * reaches the validation behind it. Properties of other names (new endpoints) keep values made from their schema.
 */
final class KnownValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private KnownValues() {
    }

    /** The table; {@code owner} is the id of a user who may own records, the sweep's administrator. */
    static Map<String, JsonNode> of(String owner) {
        Map<String, JsonNode> known = new LinkedHashMap<>();
        known.put("firstName", NODES.textNode("Sweep"));
        known.put("lastName", NODES.textNode("Sample"));
        known.put("title", NODES.textNode("Tester"));
        known.put("companyId", MissingNode.getInstance());
        known.put("emails", NODES.arrayNode().add(NODES.objectNode().put("type", "work")
                .put("address", "sweep.sample@example.com").put("primary", true)));
        known.put("phones", NODES.arrayNode());
        known.put("addresses", NODES.arrayNode());
        known.put("address", MissingNode.getInstance());
        known.put("tags", NODES.arrayNode().add("sweep"));
        known.put("owner", NODES.textNode(owner));
        known.put("notes", NODES.textNode("sweep notes"));
        known.put("birthday", NODES.textNode("1990-12-31"));
        known.put("name", NODES.textNode("sweep-sample"));
        known.put("domain", NODES.textNode("sweep-sample.example"));
        known.put("description", NODES.textNode("sweep sample"));
        known.put("permissions", NODES.arrayNode().add("contacts:read:own"));
        known.put("username", NODES.textNode("sweep-sample"));
        known.put("displayName", NODES.textNode("Sweep Sample"));
        known.put("email", NODES.textNode("sweep.sample@example.com"));
        known.put("password", NODES.textNode("Sweep-Sample-Passw0rd-4711"));
        known.put("newPassword", NODES.textNode("Sweep-Sample-Passw0rd-4712"));
        known.put("roles", NODES.arrayNode());
        known.put("code", NODES.textNode("123456"));
        return known;
    }
}
