package org.bastion.crm.itests.checks.permissions;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Hashtable;
import java.util.List;
import org.bastion.crm.api.permissions.PermissionDefinition;
import org.bastion.crm.api.permissions.PermissionSet;
import org.bastion.crm.itests.support.Await;
import org.bastion.crm.itests.support.CrmApi;
import org.bastion.crm.itests.support.Expect;
import org.bastion.crm.itests.support.Json;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * A vendor's permissions come and go with its bundle: a {@link PermissionSet} registered by the test (as a vendor
 * bundle would) joins the catalogue and can be granted; once unregistered it leaves the catalogue while the role
 * keeps the permission, shown as undefined, and the roles still list.
 */
public final class VendorPermissionChecks {

    /** The made-up permission of the pretend vendor. */
    static final String VENDOR_PERMISSION = "vendor-demo:use";

    private static final Duration WHITEBOARD = Duration.ofSeconds(10);

    private final CrmApi admin;
    private final BundleContext bundleContext;
    private final PermissionsApi permissions;

    /** Checks with the admin's client and the test bundle's context (to register the vendor's set). */
    public VendorPermissionChecks(CrmApi admin, BundleContext bundleContext) {
        this.admin = admin;
        this.bundleContext = bundleContext;
        this.permissions = new PermissionsApi(admin);
    }

    /** Registers, grants, unregisters; the role survives with the permission undefined. */
    public void vendorPermissionLeavesTheCatalogueButStaysInItsRole() {
        PermissionSet vendorSet = () -> List.of(
                new PermissionDefinition(VENDOR_PERMISSION, "Use the vendor demo feature", false));
        ServiceRegistration<PermissionSet> registration =
                bundleContext.registerService(PermissionSet.class, vendorSet, new Hashtable<>());
        String role = PermissionsApi.newName("vendor-users");
        try {
            Await.until(VENDOR_PERMISSION + " to join GET /permissions", WHITEBOARD, permissions::catalogue,
                    listed -> listed.contains(VENDOR_PERMISSION));
            JsonNode created = permissions.createRole(role, VENDOR_PERMISSION, "contacts:read:own");
            assertEquals("nothing undefined while the vendor is there: " + created, List.of(),
                    Json.texts(created.path("undefined")));
        } finally {
            registration.unregister();
        }
        Await.until(VENDOR_PERMISSION + " to leave GET /permissions", WHITEBOARD, permissions::catalogue,
                listed -> !listed.contains(VENDOR_PERMISSION));
        JsonNode kept = permissions.role(role);
        assertEquals("the role keeps the permission: " + kept, List.of("contacts:read:own", VENDOR_PERMISSION),
                Json.texts(kept.path("permissions")).stream().sorted().toList());
        assertEquals("and shows it undefined: " + kept, List.of(VENDOR_PERMISSION), Json.texts(kept.path("undefined")));
        JsonNode roles = Expect.json(200, admin.get("/roles")).path("items");
        assertTrue("GET /roles still lists the role: " + roles, roles.findValuesAsText("name").contains(role));
        Expect.deleted(admin.delete("/roles/" + role));
    }
}
