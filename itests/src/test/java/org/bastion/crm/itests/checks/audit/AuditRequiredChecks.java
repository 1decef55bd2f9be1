package org.bastion.crm.itests.checks.audit;

import static org.bastion.crm.itests.support.Json.object;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.Dictionary;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.bastion.crm.api.audit.AuditLog;
import org.bastion.crm.api.audit.AuditPolicy;
import org.bastion.crm.itests.support.ApiResponse;
import org.bastion.crm.itests.support.Await;
import org.bastion.crm.itests.support.CrmApi;
import org.bastion.crm.itests.support.CrmDatabase;
import org.bastion.crm.itests.support.Expect;
import org.bastion.crm.itests.support.KarafShell;
import org.bastion.crm.itests.support.ManagedConfiguration;
import org.osgi.framework.BundleContext;

/**
 * {@code required = true} in PID {@code org.bastion.crm.audit} with crm-audit uninstalled: every change answers 503
 * problem+json (REST and shell) and writes nothing, reads go on; with crm-audit back, changes are recorded
 * again. The platform's AuditPolicy sees the setting the operator made for crm-audit's PID.
 */
public final class AuditRequiredChecks {

    static final String PID = "org.bastion.crm.audit";
    private static final Duration SWAP = Duration.ofSeconds(180);

    private final BundleContext bundleContext;
    private final KarafShell shell;
    private final CrmApi api;
    private final CrmDatabase database;
    private final AuditRows rows;

    public AuditRequiredChecks(BundleContext bundleContext, KarafShell shell, CrmApi api, CrmDatabase database) {
        this.bundleContext = bundleContext;
        this.shell = shell;
        this.api = api;
        this.database = database;
        this.rows = new AuditRows(database);
    }

    /** The whole round: require, uninstall, refuse, read, reinstall, record. */
    public void changesAre503WhileTheTrailIsRequiredAndMissing() {
        ManagedConfiguration configuration = new ManagedConfiguration(bundleContext, PID);
        Dictionary<String, Object> before = configuration.snapshot();
        configuration.update(Map.of("required", "true"));
        try {
            Await.until("the AuditPolicy to require a trail", Duration.ofSeconds(30), this::required, r -> r);
            System.out.println("AuditRequiredChecks: " + shell.executeAs("admin", "feature:uninstall crm-audit"));
            Await.until("the AuditLog service to leave", SWAP, () -> bundleContext.getServiceReference(AuditLog.class),
                    reference -> reference == null);

            String team = "s-req-" + UUID.randomUUID().toString().substring(0, 8);
            ApiResponse refused = Await.until("POST /teams to answer 503", SWAP,
                    () -> api.post("/teams", object("name", team)), r -> r.status() == 503);
            assertEquals(ApiResponse.PROBLEM_JSON, refused.mediaType());
            assertEquals(503, api.post("/roles", object("name", team, "permissions",
                    java.util.List.of("contacts:read:own"))).status());
            assertEquals(0, database.number("SELECT COUNT(*) FROM crm_team WHERE name = ?", team));
            assertEquals(0, database.number("SELECT COUNT(*) FROM crm_permission_role WHERE name = ?", team));
            Expect.status(200, api.get("/teams"));
            Expect.status(200, api.get("/users"));
            String out = shell.executeOnLocalConsole("crm:team-add " + team);
            assertTrue("the shell refuses the change: " + out,
                    out.toLowerCase(Locale.ROOT).contains("audit trail is not available"));
            assertTrue("and reads go on", shell.executeOnLocalConsole("crm:team-list").length() > 0);
            assertEquals(0, database.number("SELECT COUNT(*) FROM crm_team WHERE name = ?", team));

            System.out.println("AuditRequiredChecks: " + shell.executeAs("admin", "feature:install crm-audit"));
            Await.until("the AuditLog service to be back", SWAP,
                    () -> bundleContext.getServiceReference(AuditLog.class), reference -> reference != null);
            Await.until("POST /teams to be accepted again", SWAP, () -> api.post("/teams", object("name", team)),
                    r -> r.status() == 201);
            rows.await("team.created", "target_id = ?", team);
        } finally {
            configuration.restore(before);
            if (bundleContext.getServiceReference(AuditLog.class) == null) {
                shell.executeAs("admin", "feature:install crm-audit");
            }
        }
        Await.until("the AuditPolicy to require no trail", Duration.ofSeconds(30), this::required, r -> !r);
    }

    private boolean required() {
        var reference = bundleContext.getServiceReference(AuditPolicy.class);
        if (reference == null) {
            return false;
        }
        AuditPolicy policy = bundleContext.getService(reference);
        try {
            return policy != null && policy.required();
        } finally {
            bundleContext.ungetService(reference);
        }
    }
}
