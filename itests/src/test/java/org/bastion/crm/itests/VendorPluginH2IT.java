package org.bastion.crm.itests;

import java.io.File;

import static org.ops4j.pax.exam.OptionUtils.combine;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.replaceConfigurationFile;

import org.bastion.crm.itests.checks.vendor.VendorFeature;
import org.bastion.crm.itests.checks.vendor.VendorPluginChecks;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The sample vendor plugin (samples/vendor-plugin) on the distribution's default database: its features repository
 * added at run time, its feature installed, used, and uninstalled again without a restart, under load on the rest of
 * the CRM.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class VendorPluginH2IT extends AbstractCrmSuite {

    @Override
    @Configuration
    public Option[] config() {
        return combine(super.config(), systemProperty(VendorFeature.REPOSITORY_PROPERTY)
                .value(System.getProperty(VendorFeature.REPOSITORY_PROPERTY)),
                // the vendor's delivery: its features repository and bundle in the container's system/ repository,
                // which Karaf resolves mvn: URLs from (as it does for the CRM's own bundles)
                inSystemRepository("vendor-deals-" + VENDOR_VERSION + "-features.xml", "crm.itest.vendorFeaturesFile"),
                inSystemRepository("vendor-deals-" + VENDOR_VERSION + ".jar", "crm.itest.vendorBundleFile"));
    }

    private static final String VENDOR_VERSION = System.getProperty("crm.itest.vendorVersion", "0.1.0-SNAPSHOT");

    private static Option inSystemRepository(String fileName, String fileProperty) {
        String file = System.getProperty(fileProperty);
        if (file == null || !new File(file).isFile()) {
            throw new IllegalStateException(fileProperty + " names no file (" + file + "): build the reactor with samples/");
        }
        return replaceConfigurationFile("system/com/example/crm/vendor-deals/" + VENDOR_VERSION + "/" + fileName,
                new File(file));
    }

    @Override
    protected Option[] databaseOptions() {
        return new Option[0];
    }

    @Test
    public void vendorPluginIsInstalledUsedAndUninstalledWhileTheRestOfTheCrmAnswers() {
        new VendorPluginChecks(api, clients, shell, featuresService, bundleContext)
                .installUseAndUninstallWhileTheRestOfTheCrmAnswers();
    }
}
