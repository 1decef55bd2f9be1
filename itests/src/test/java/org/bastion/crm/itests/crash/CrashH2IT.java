package org.bastion.crm.itests.crash;

import org.bastion.crm.itests.support.CrmContainer;
import org.junit.ClassRule;

/**
 * The crash suite on the distribution's default database, embedded H2, in 5 rounds.
 * <p>
 * {@code -Dcrm.itest.crash.dropWriteDelay=true} removes {@code ;WRITE_DELAY=0} from the unpacked datasource
 * configuration: an experiment that shows the suite catches lost writes (it must fail then); never set in CI.
 */
public class CrashH2IT extends AbstractCrashSuite {

    /** The experiment's switch (see the class comment). */
    public static final String DROP_WRITE_DELAY = "crm.itest.crash.dropWriteDelay";

    @ClassRule
    public static final CrashSuiteRule SUITE = new CrashSuiteRule(CrashH2IT.class.getSimpleName(), folder -> {
        if (Boolean.getBoolean(DROP_WRITE_DELAY)) {
            String url = folder.get("org.ops4j.datasource-crm.cfg", "url");
            folder.put("org.ops4j.datasource-crm.cfg", "url", url.replace(";WRITE_DELAY=0", ""));
            System.out.println("[crash] EXPERIMENT: " + CrmContainer.DATASOURCE_CFG + " url without WRITE_DELAY=0: "
                    + folder.get("org.ops4j.datasource-crm.cfg", "url"));
        }
    });

    @Override
    protected CrashSuiteRule suite() {
        return SUITE;
    }

    @Override
    protected int rounds() {
        return 5;
    }
}
