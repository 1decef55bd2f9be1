package org.bastion.crm.itests;

import org.bastion.crm.itests.checks.RebuildWindowChecks;
import org.bastion.crm.itests.support.AdminLogin;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * A suite of its own (one container, default H2 database) for the feature swaps under load: the rest of the CRM
 * answers every request while a capability's feature is uninstalled and installed again (docs/adr/0014).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RebuildWindowIT extends AbstractCrmSuite {

    @Override
    protected Option[] databaseOptions() {
        return new Option[0];
    }

    @Test
    public void otherCapabilitiesAnswerEveryRequestWhileAFeatureComesAndGoes() {
        new RebuildWindowChecks(clients, AdminLogin.current().token(), shell, featuresService, bundleContext)
                .otherCapabilitiesAnswerEveryRequestWhileAFeatureComesAndGoes();
    }
}
