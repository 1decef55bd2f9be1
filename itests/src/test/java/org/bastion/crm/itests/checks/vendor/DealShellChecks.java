package org.bastion.crm.itests.checks.vendor;

import static org.junit.Assert.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bastion.crm.itests.support.KarafShell;

/** The plugin's {@code deals:*} shell commands: add, list, show, delete, and a bad input answered on one line. */
public final class DealShellChecks {

    private static final Pattern CREATED = Pattern.compile("Created deal ([0-9a-f-]{36})");

    private final KarafShell shell;

    /** Checks through the container's shell, as the local console user. */
    public DealShellChecks(KarafShell shell) {
        this.shell = shell;
    }

    /** A deal added in the shell is listed, shown and deleted there. */
    public void dealIsAddedListedShownAndDeleted() {
        String title = "Shell-" + DealsData.runId();
        String added = shell.execute("deals:add --title " + title + " --amount 99.90 --currency EUR --stage PROPOSAL");
        Matcher id = CREATED.matcher(added);
        assertTrue("deals:add prints the new id: " + added, id.find());
        String list = shell.execute("deals:list --stage PROPOSAL --size 200 --sort -createdAt");
        assertTrue("deals:list shows it: " + list, list.contains(title) && list.contains("99.90 EUR"));
        String shown = shell.execute("deals:show " + id.group(1));
        assertTrue("deals:show shows it: " + shown, shown.contains(title) && shown.contains("PROPOSAL"));
        String deleted = shell.execute("deals:delete " + id.group(1));
        assertTrue("deals:delete says so: " + deleted, deleted.contains("Deleted deal " + id.group(1)));
        String gone = shell.execute("deals:show " + id.group(1));
        assertTrue("a deleted deal is not shown: " + gone, gone.contains("no deal with id"));
        String bad = shell.execute("deals:add --title x --amount lots --currency EUR");
        assertTrue("bad input is one error line: " + bad, bad.contains("amount") && bad.strip().lines().count() == 1);
    }
}
