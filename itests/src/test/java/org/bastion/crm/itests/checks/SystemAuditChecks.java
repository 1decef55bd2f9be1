package org.bastion.crm.itests.checks;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Map;
import org.apache.karaf.features.FeaturesService;
import org.bastion.crm.itests.support.Await;
import org.bastion.crm.itests.support.CrmApi;
import org.bastion.crm.itests.support.CrmDatabase;
import org.bastion.crm.itests.support.KarafShell;
import org.bastion.crm.itests.support.ManagedConfiguration;
import org.osgi.framework.BundleContext;

/**
 * What the platform does, in the audit trail: a configuration change of an {@code org.bastion.crm} PID recorded with
 * the names of the keys it changed and none of their values; a feature uninstalled and installed again, with the
 * bundle stopped and started on the way.
 */
public final class SystemAuditChecks {

    private static final String PID = "org.bastion.crm.contacts";
    private static final String FEATURE = "crm-contacts";
    private static final String BUNDLE = "org.bastion.crm-contacts";
    private static final Duration TRANSITION = Duration.ofSeconds(120);

    private final CrmApi api;
    private final KarafShell shell;
    private final FeaturesService featuresService;
    private final BundleContext bundleContext;

    /** Checks with the admin's client, the shell, the features service and the container of {@code bundleContext}. */
    public SystemAuditChecks(CrmApi api, KarafShell shell, FeaturesService featuresService, BundleContext bundleContext) {
        this.api = api;
        this.shell = shell;
        this.featuresService = featuresService;
        this.bundleContext = bundleContext;
    }

    /** Two keys of the contacts PID changed (one of them new, holding a secret-looking value): names only. */
    public void configurationChangeIsRecordedWithKeyNamesOnly() {
        Markers markers = new Markers();
        String secret = markers.personal("cfg");
        ManagedConfiguration configuration = new ManagedConfiguration(bundleContext, PID);
        Dictionary<String, Object> before = configuration.snapshot();
        try (CrmDatabase database = CrmDatabase.open(bundleContext)) {
            long entriesBefore = configEntries(database);
            Map<String, Object> changes = new HashMap<>();
            changes.put("itestSecret", secret);
            changes.put("nameSortLimit", 4321);
            configuration.update(changes);
            Await.until("a config.changed entry of " + PID + " naming itestSecret", AuditTable.QUEUED,
                    () -> database.text("SELECT details FROM crm_audit_entry WHERE action = 'config.changed'"
                            + " AND target_kind = 'configuration' AND target_id = ? AND id > ? AND details LIKE ?",
                            PID, entriesBefore, "%itestSecret%"), details -> details != null);
            String details = database.text("SELECT details FROM crm_audit_entry WHERE action = 'config.changed'"
                    + " AND target_id = ? AND id > ? AND details LIKE ?", PID, entriesBefore, "%itestSecret%");
            assertTrue("the changed key is named: " + details, details.contains("nameSortLimit"));
            assertFalse("no value is recorded: " + details, details.contains(secret) || details.contains("4321"));
            assertFalse("the value is nowhere in the audit tables",
                    new AuditTable(database).everyRowAsText().contains(secret));
        } finally {
            configuration.restore(before);
        }
    }

    /** feature:uninstall and feature:install of crm-contacts: both recorded, with the bundle's stop and start. */
    public void featureUninstallAndInstallAreRecorded() {
        try (CrmDatabase database = CrmDatabase.open(bundleContext)) {
            long after = database.number("SELECT COALESCE(MAX(id), 0) FROM crm_audit_entry");
            String uninstalled = shell.executeAs("admin", "feature:uninstall " + FEATURE);
            Await.until(FEATURE + " to be uninstalled (" + uninstalled + ")", TRANSITION, this::installed, i -> !i);
            String installed = shell.executeAs("admin", "feature:install " + FEATURE);
            Await.until(FEATURE + " to be installed again (" + installed + ")", TRANSITION, this::installed, i -> i);
            Await.until("GET /contacts to answer again", TRANSITION, () -> api.get("/contacts").status(), s -> s == 200);
            for (String action : new String[] {"feature.uninstalled", "feature.installed"}) {
                Await.until("a " + action + " entry of " + FEATURE, AuditTable.QUEUED, () -> database.number(
                        "SELECT COUNT(*) FROM crm_audit_entry WHERE action = ? AND target_kind = 'feature'"
                                + " AND target_id LIKE ? AND id > ?", action, FEATURE + "/%", after), n -> n >= 1);
            }
            for (String action : new String[] {"bundle.stopped", "bundle.started"}) {
                Await.until("a " + action + " entry of " + BUNDLE, AuditTable.QUEUED, () -> database.number(
                        "SELECT COUNT(*) FROM crm_audit_entry WHERE action = ? AND target_kind = 'bundle'"
                                + " AND target_id = ? AND id > ?", action, BUNDLE, after), n -> n >= 1);
            }
        }
    }

    private boolean installed() {
        try {
            return featuresService.isInstalled(featuresService.getFeature(FEATURE));
        } catch (Exception e) {
            throw new AssertionError("cannot ask the features service about " + FEATURE, e);
        }
    }

    private static long configEntries(CrmDatabase database) {
        return database.number("SELECT COALESCE(MAX(id), 0) FROM crm_audit_entry");
    }
}
