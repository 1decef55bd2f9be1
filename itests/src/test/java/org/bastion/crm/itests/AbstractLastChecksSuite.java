package org.bastion.crm.itests;

import org.bastion.crm.itests.checks.ExpiryChecks;
import org.bastion.crm.itests.checks.HotSwapChecks;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;

/**
 * The checks that must run after every other one of a suite: JUnit runs a subclass's test methods before those of its
 * superclass, so these sit at the top of the suite hierarchy, in name order among themselves.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public abstract class AbstractLastChecksSuite extends AbstractCrmSuite {

    /** Named to run last (NAME_ASCENDING): a swap refreshes bundles, and a failed one may leave the container damaged. */
    @Test
    public void zzLastContactsFeatureSwapsOutAndBackWithItsData() {
        new HotSwapChecks(api, shell, featuresService).uninstallAndReinstallKeepsData();
    }

    /**
     * LAST OF ALL (name order): changes the security configuration at run time (idle timeout 1 minute, challenges 60 s),
     * waits about 70 s for an idle session and a challenge to expire, and restores the configuration.
     */
    @Test
    public void zzzzLastOfAllIdleSessionAndOldChallengeExpire() {
        new ExpiryChecks(api, clients, bundleContext).idleSessionAndOldChallengeAreRefused();
    }
}
