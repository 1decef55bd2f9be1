package org.bastion.crm.itests;

import static org.ops4j.pax.exam.OptionUtils.combine;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.time.Duration;
import javax.inject.Inject;
import org.apache.karaf.features.BootFinished;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.bastion.crm.itests.checks.CompanyChecks;
import org.bastion.crm.itests.checks.ContactCrudChecks;
import org.bastion.crm.itests.checks.DatabaseChecks;
import org.bastion.crm.itests.checks.NoDefaultLoginChecks;
import org.bastion.crm.itests.checks.DocumentationChecks;
import org.bastion.crm.itests.checks.EncryptedSearchChecks;
import org.bastion.crm.itests.checks.EncryptionAtRestChecks;
import org.bastion.crm.itests.checks.HotSwapChecks;
import org.bastion.crm.itests.checks.IntegrityChecks;
import org.bastion.crm.itests.checks.KeyRotationChecks;
import org.bastion.crm.itests.checks.LockedKeysChecks;
import org.bastion.crm.itests.checks.ProtocolErrorChecks;
import org.bastion.crm.itests.checks.SearchAndPagingChecks;
import org.bastion.crm.itests.checks.ShellChecks;
import org.bastion.crm.itests.checks.ValidationChecks;
import org.bastion.crm.itests.support.Await;
import org.bastion.crm.itests.support.CrmApi;
import org.bastion.crm.itests.support.CrmContainer;
import org.bastion.crm.itests.support.KarafShell;
import org.junit.Before;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

/**
 * The CRM suite: boots the real distribution once (one container per concrete class) and runs every check against it;
 * subclasses choose the database. The test methods run inside the container; {@link #config()} runs in the driver.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public abstract class AbstractContactsSuite {

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

    protected CrmApi api;

    protected KarafShell shell;

    /**
     * Driver side: the distribution, its ports and this suite's database settings; key rotations move records in
     * small batches, so that a rotation of a few hundred contacts takes many batches while the checks work on.
     */
    @Configuration
    public Option[] config() {
        Option smallRotationBatches = editConfigurationFilePut("etc/org.bastion.crm.crypto.cfg", "rotationBatchSize",
                Integer.toString(KeyRotationChecks.SUITE_ROTATION_BATCH_SIZE));
        return combine(combine(CrmContainer.options(getClass().getSimpleName()), databaseOptions()),
                smallRotationBatches);
    }

    /** Driver side: the options that point the distribution at this suite's database (none for the default H2). */
    protected abstract Option[] databaseOptions();

    /** The product name the CRM's datasource reports ({@code H2}, {@code PostgreSQL}). */
    protected abstract String expectedDatabaseProduct();

    @Before
    public void waitUntilTheCrmAnswers() {
        api = new CrmApi(Integer.parseInt(System.getProperty(CrmContainer.HTTPS_PORT_PROPERTY)));
        shell = new KarafShell(sessionFactory);
        if (ready) {
            return;
        }
        if (startupFailure != null) {
            throw startupFailure;
        }
        try {
            // registered is enough here: whether they answer correctly is what the tests check, one by one
            Await.until("GET /api/v1/health to be registered", STARTUP, () -> api.get("/health"), r -> r.status() != 404);
            Await.until("GET /api/v1/contacts to be registered", STARTUP, () -> api.get("/contacts"),
                    r -> r.status() != 404 && r.status() != 503);
            Await.until("the crm:contact-list command", STARTUP, () -> shell.hasCommand("crm:contact-list"), f -> f);
            ready = true;
        } catch (AssertionError e) {
            startupFailure = new AssertionError("The CRM never became ready (see data/log/karaf.log of the kept "
                    + "runtime under itests/target/exam): " + e.getMessage(), e);
            throw startupFailure;
        }
    }

    @Test
    public void healthAnswersWithEveryComponent() {
        new DocumentationChecks(api).healthListsComponents();
    }

    @Test
    public void openApiDocumentListsTheContactPaths() {
        new DocumentationChecks(api).openApiListsContactPaths();
    }

    @Test
    public void docsPageIsHtml() {
        new DocumentationChecks(api).docsPageIsHtml();
    }

    @Test
    public void noDefaultLoginExists() throws Exception {
        NoDefaultLoginChecks checks = new NoDefaultLoginChecks();
        checks.usersFileHasNoUser();
        checks.stockCredentialsAreRefused();
    }

    @Test
    public void crmRunsOnTheConfiguredDatabase() {
        new DatabaseChecks(bundleContext).datasourceIs(expectedDatabaseProduct());
    }

    @Test
    public void contactRoundTripThroughCreateReadReplacePatchDelete() {
        new ContactCrudChecks(api).roundTrip();
    }

    @Test
    public void companyRoundTripAndItsContacts() {
        new CompanyChecks(api).roundTripWithContacts();
    }

    @Test
    public void searchFiltersSortsAndPages() {
        new SearchAndPagingChecks(api).seedSearchAndPage();
    }

    @Test
    public void badContactInputYieldsFieldErrors() {
        new ValidationChecks(api).badContactsAreRejectedWithFieldErrors();
    }

    @Test
    public void unreadableBodiesAndBadParametersYield400() {
        new ValidationChecks(api).unreadableBodiesAndBadParametersAreRejected();
    }

    @Test
    public void conditionalWritesNeedACurrentIfMatch() {
        new ProtocolErrorChecks(api).conditionalWrites();
    }

    @Test
    public void oversizedAndNonJsonBodiesAreRefused() {
        new ProtocolErrorChecks(api).oversizedAndNonJsonBodies();
    }

    @Test
    public void shellCommandsAddListShowAndDelete() {
        new ShellChecks(api, shell).addListShowDelete();
    }

    @Test
    public void shellReportsBadInputOnOneLine() {
        new ShellChecks(api, shell).badInputPrintsOneLine();
    }

    @Test
    public void encryptionLeavesNoPersonalDataInFilesDumpsOrLogs() {
        new EncryptionAtRestChecks(api, bundleContext).noPersonalDataInFilesDumpsOrLogs();
    }

    @Test
    public void encryptedContactsAreFoundByNamePrefixEmailAndPhone() {
        new EncryptedSearchChecks(api).findsByNamePrefixEmailAndPhone();
    }

    @Test
    public void tamperedCiphertextFailsAloneWithAnIntegrityProblemAndEvent() {
        new IntegrityChecks(api, bundleContext).tamperedCiphertextFailsAloneAndIsReported();
    }

    @Test
    public void keysLockWithAWrongPassphraseAndUnlockWithoutRestart() {
        new LockedKeysChecks(api, bundleContext).wrongPassphraseLocksAndRightOneUnlocksWithoutRestart();
    }

    @Test
    public void keysRotateOnlineWhileContactsAreReadAndWritten() {
        new KeyRotationChecks(api, shell, bundleContext).keysRotateWhileContactsAreReadAndWritten();
    }

    /** Named to run last (NAME_ASCENDING): a swap refreshes bundles, and a failed one may leave the container damaged. */
    @Test
    public void zzLastContactsFeatureSwapsOutAndBackWithItsData() {
        new HotSwapChecks(api, shell, featuresService).uninstallAndReinstallKeepsData();
    }
}
