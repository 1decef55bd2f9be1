package org.bastion.crm.itests.checks.vendor;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;

import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.bastion.crm.itests.support.Await;
import org.bastion.crm.itests.support.CrmApi;
import org.bastion.crm.itests.support.KarafShell;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * The sample vendor plugin as an administrator handles it in a running CRM: its features repository added with
 * {@code feature:repo-add}, its feature installed, and both removed again, each step followed until it took effect.
 */
public final class VendorFeature {

    /** The feature the sample's repository defines. */
    public static final String FEATURE = "vendor-deals";
    /** The sample bundle's symbolic name. */
    public static final String BUNDLE = "com.example.crm.deals";
    /** The system property (set in the container) naming the sample's features repository. */
    public static final String REPOSITORY_PROPERTY = "crm.itest.vendorFeatures";

    /** Karaf's command ACLs reserve feature:* changes to this role. */
    private static final String ADMIN = "admin";
    private static final Duration TRANSITION = Duration.ofSeconds(120);

    private final CrmApi api;
    private final KarafShell shell;
    private final FeaturesService features;
    private final BundleContext bundleContext;
    private final String repository;

    /** The plugin in the container of these services; the repository URL comes from {@link #REPOSITORY_PROPERTY}. */
    public VendorFeature(CrmApi api, KarafShell shell, FeaturesService features, BundleContext bundleContext) {
        this.api = api;
        this.shell = shell;
        this.features = features;
        this.bundleContext = bundleContext;
        this.repository = System.getProperty(REPOSITORY_PROPERTY);
        assertTrue(REPOSITORY_PROPERTY + " names the sample's features repository: " + repository,
                repository != null && repository.startsWith("mvn:"));
    }

    /** feature:repo-add, feature:install, then waits for /deals and the deals:* commands. */
    public void install() {
        String added = shell.executeAs(ADMIN, "feature:repo-add " + repository);
        assertTrue("feature:repo-add made the repository known; it printed: " + added, repositoryKnown());
        String installed = shell.executeAs(ADMIN, "feature:install " + FEATURE);
        assertTrue("feature:install " + FEATURE + " worked; it printed: " + installed, installed());
        Await.until("GET /api/v1/deals to be registered", TRANSITION, () -> api.get("/deals"), r -> r.status() == 200);
        Await.until("the deals:list command", TRANSITION, () -> shell.hasCommand("deals:list"), f -> f);
    }

    /** feature:uninstall and feature:repo-remove, then waits for /deals and the commands to go away. */
    public void uninstall() {
        String uninstalled = shell.executeAs(ADMIN, "feature:uninstall " + FEATURE);
        assertFalse("feature:uninstall " + FEATURE + " worked; it printed: " + uninstalled, installed());
        Await.until("GET /api/v1/deals to answer 404 without the plugin", TRANSITION, () -> api.get("/deals"),
                r -> r.status() == 404);
        Await.until("deals:list to go away", TRANSITION, () -> shell.hasCommand("deals:list"), f -> !f);
        String removed = shell.executeAs(ADMIN, "feature:repo-remove " + repository);
        assertFalse("feature:repo-remove forgot the repository; it printed: " + removed, repositoryKnown());
        assertFalse("the plugin's bundle is gone", Arrays.stream(bundleContext.getBundles())
                .map(Bundle::getSymbolicName).anyMatch(BUNDLE::equals));
    }

    /** Whether the feature is installed. */
    public boolean installed() {
        try {
            Feature feature = features.getFeature(FEATURE);
            return feature != null && features.isInstalled(feature);
        } catch (Exception e) {
            throw new IllegalStateException("cannot ask the features service about " + FEATURE, e);
        }
    }

    private boolean repositoryKnown() {
        try {
            return Arrays.stream(features.listRepositories()).map(r -> r.getURI())
                    .anyMatch(URI.create(repository)::equals);
        } catch (Exception e) {
            throw new IllegalStateException("cannot list the features repositories", e);
        }
    }
}
