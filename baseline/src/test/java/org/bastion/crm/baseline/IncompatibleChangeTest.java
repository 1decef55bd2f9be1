package org.bastion.crm.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import aQute.bnd.differ.Baseline;
import aQute.bnd.version.Version;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Baselining fails on a change that is incompatible with its package version: deliberate changes to a copy of the
 * committed crm-api baseline, judged by bnd's baseline (the code bnd-baseline-maven-plugin runs at verify).
 */
class IncompatibleChangeTest {

    private static final String HEALTH = "org.bastion.crm.api.health";
    private static final String API = "org.bastion.crm.api";
    private static final String REST = "org.bastion.crm.api.rest";

    /** HealthContributor as in the baseline, plus {@code extra}: a consumer type bundles implement. */
    private static String healthContributor(String extra) {
        return """
                package org.bastion.crm.api.health;
                @org.osgi.annotation.versioning.ConsumerType
                public interface HealthContributor {
                    %s
                }
                """.formatted(extra);
    }

    /** CallerContext as in the baseline, plus {@code extra}: a provider type only crm-rest implements. */
    private static String callerContext(String extra) {
        return """
                package org.bastion.crm.api;
                @org.osgi.annotation.versioning.ProviderType
                public interface CallerContext {
                    Caller current();
                    %s
                }
                """.formatted(extra);
    }

    @TempDir
    Path work;

    private ChangedApi crmApi() {
        return ChangedApi.of(BaselineRepository.jarOf("crm-api"), work);
    }

    @Test
    void anUnchangedCopyOfTheBaselinePasses() throws Exception {
        assertThat(crmApi().withType("org.bastion.crm.api.health.HealthContributor",
                healthContributor("ComponentHealth check();")).baseline())
                .isNotEmpty()
                .allSatisfy(info -> assertThat(info.mismatch).as(info.packageName).isFalse());
    }

    @Test
    void aMethodAddedToAConsumerTypeWithoutAMajorBumpFails() throws Exception {
        Baseline.Info health = crmApi().withType("org.bastion.crm.api.health.HealthContributor",
                healthContributor("ComponentHealth check(); String name();")).baselineOf(HEALTH);

        assertThat(health.mismatch).isTrue();
        assertThat(health.suggestedVersion).isEqualTo(nextMajor(health.olderVersion));
    }

    @Test
    void aMethodRemovedWithoutAMajorBumpFails() throws Exception {
        Baseline.Info health = crmApi().withType("org.bastion.crm.api.health.HealthContributor",
                healthContributor("")).baselineOf(HEALTH);

        assertThat(health.mismatch).isTrue();
        assertThat(health.suggestedVersion).isEqualTo(nextMajor(health.olderVersion));
    }

    @Test
    void aMethodAddedToAProviderTypeWithoutAMinorBumpFails() throws Exception {
        Baseline.Info api = crmApi().withType("org.bastion.crm.api.CallerContext",
                callerContext("boolean isAnonymous();")).baselineOf(API);

        assertThat(api.mismatch).isTrue();
        assertThat(api.suggestedVersion).isEqualTo(nextMinor(api.olderVersion));
    }

    @Test
    void aMethodAddedToAProviderTypeWithTheMinorBumpPasses() throws Exception {
        Version declared = crmApi().baselineOf(API).olderVersion;

        Baseline.Info api = crmApi().withType("org.bastion.crm.api.CallerContext",
                callerContext("boolean isAnonymous();"))
                .withExportVersion(API, nextMinor(declared).toString()).baselineOf(API);

        assertThat(api.mismatch).isFalse();
    }

    @Test
    void aMethodAddedToAConsumerTypeWithOnlyAMinorBumpFails() throws Exception {
        Version declared = crmApi().baselineOf(HEALTH).olderVersion;

        Baseline.Info health = crmApi().withType("org.bastion.crm.api.health.HealthContributor",
                healthContributor("ComponentHealth check(); String name();"))
                .withExportVersion(HEALTH, nextMinor(declared).toString()).baselineOf(HEALTH);

        assertThat(health.mismatch).isTrue();
    }

    @Test
    void aPackageVersionMovedDownFails() throws Exception {
        Version declared = crmApi().baselineOf(REST).olderVersion;
        Version lower = new Version(declared.getMajor(), 0, 1);
        assertThat(lower).isLessThan(declared);

        assertThat(crmApi().withExportVersion(REST, lower.toString()).exportRegressions())
                .singleElement().asString().startsWith(REST + " moved down from " + declared);
    }

    @Test
    void anExportedPackageRemovedFails() throws Exception {
        assertThat(crmApi().withoutExport(REST).exportRegressions())
                .singleElement().asString().startsWith(REST + " " + crmApi().baselineOf(REST).olderVersion
                        + " is no longer exported");
    }

    @Test
    void theUnchangedBaselineHasNoExportRegression() throws Exception {
        assertThat(crmApi().exportRegressions()).isEmpty();
    }

    private static Version nextMajor(Version version) {
        return new Version(version.getMajor() + 1, 0, 0);
    }

    private static Version nextMinor(Version version) {
        return new Version(version.getMajor(), version.getMinor() + 1, 0);
    }
}
