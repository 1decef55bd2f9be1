package org.bastion.crm.itests;

import static org.ops4j.pax.exam.OptionUtils.combine;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.time.Duration;
import javax.inject.Inject;
import org.apache.karaf.features.BootFinished;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.bastion.crm.itests.checks.KeyRotationChecks;
import org.bastion.crm.itests.checks.LockoutChecks;
import org.bastion.crm.itests.support.AdminLogin;
import org.bastion.crm.itests.support.ApiClients;
import org.bastion.crm.itests.support.Await;
import org.bastion.crm.itests.support.CrmApi;
import org.bastion.crm.itests.support.CrmContainer;
import org.bastion.crm.itests.support.KarafShell;
import org.bastion.crm.itests.support.SecurityConfiguration;
import org.junit.Before;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.BundleContext;

/**
 * What every CRM suite needs before its checks: the container's options ({@link #config()}, driver side), the injected
 * services, and (inside the container, before each test) a CRM that answers, with the generated first admin enrolled
 * in TOTP and logged in once per suite ({@link AdminLogin}): {@link #api} carries the admin's token, {@link #clients}
 * makes anonymous clients and clients of other sessions.
 */
public abstract class AbstractCrmSuite {

    private static final Duration STARTUP = Duration.ofSeconds(180);

    /** Set once the container answers, so later tests of the same suite do not wait again. */
    private static volatile boolean ready;

    /** Set when the container never answered, so later tests of the same suite fail at once with the same reason. */
    private static volatile AssertionError startupFailure;

    @Inject
    protected BundleContext bundleContext;

    @Inject
    protected FeaturesService featuresService;

    @Inject
    protected SessionFactory sessionFactory;

    /** Injected only once every boot feature is installed. */
    @Inject
    protected BootFinished bootFinished;

    /** A client holding the first admin's token. */
    protected CrmApi api;

    /** Makes anonymous clients and clients of other sessions. */
    protected ApiClients clients;

    /** Runs shell commands in the container. */
    protected KarafShell shell;

    /**
     * Driver side: the distribution, its ports and this suite's database settings; key rotations move records in
     * small batches, so that a rotation of a few hundred contacts takes many batches while the checks work on; the
     * per-address login limit is the one the lockout check proves (the checks' failures together stay below it).
     */
    @Configuration
    public Option[] config() {
        Option smallRotationBatches = editConfigurationFilePut("etc/org.bastion.crm.crypto.cfg", "rotationBatchSize",
                Integer.toString(KeyRotationChecks.SUITE_ROTATION_BATCH_SIZE));
        Option addressFailures = editConfigurationFilePut(SecurityConfiguration.FILE,
                SecurityConfiguration.ADDRESS_FAILURES, Integer.toString(LockoutChecks.SUITE_ADDRESS_FAILURES));
        Option addressWindow = editConfigurationFilePut(SecurityConfiguration.FILE,
                SecurityConfiguration.ADDRESS_WINDOW_MINUTES, Integer.toString(LockoutChecks.SUITE_ADDRESS_WINDOW_MINUTES));
        return combine(combine(CrmContainer.options(getClass().getSimpleName()), databaseOptions()),
                smallRotationBatches, addressFailures, addressWindow);
    }

    /** Driver side: the options that point the distribution at this suite's database (none for the default H2). */
    protected abstract Option[] databaseOptions();

    @Before
    public void waitUntilTheCrmAnswers() {
        int port = Integer.parseInt(System.getProperty(CrmContainer.HTTPS_PORT_PROPERTY));
        clients = new ApiClients(() -> new CrmApi(port));
        api = clients.anonymous();
        shell = new KarafShell(sessionFactory);
        if (ready) {
            api.useBearer(AdminLogin.current().token());
            return;
        }
        if (startupFailure != null) {
            throw startupFailure;
        }
        try {
            // registered is enough here: whether they answer correctly is what the tests check, one by one
            Await.until("GET /api/v1/health to be registered", STARTUP, () -> api.get("/health"), r -> r.status() != 404);
            api.useBearer(AdminLogin.establish(clients, STARTUP).token());
            Await.until("GET /api/v1/contacts to be registered", STARTUP, () -> api.get("/contacts"),
                    r -> r.status() != 404 && r.status() != 503);
            Await.until("the crm:contact-list command", STARTUP, () -> shell.hasCommand("crm:contact-list"), f -> f);
            ready = true;
        } catch (AssertionError | RuntimeException e) {
            startupFailure = new AssertionError("The CRM never became ready (see data/log/karaf.log of the kept "
                    + "runtime under itests/target/exam): " + e.getMessage(), e);
            throw startupFailure;
        }
    }
}
