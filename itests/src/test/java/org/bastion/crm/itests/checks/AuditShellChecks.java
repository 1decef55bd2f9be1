package org.bastion.crm.itests.checks;

import static org.junit.Assert.assertTrue;

import org.bastion.crm.itests.support.KarafShell;

/** {@code crm:audit-search} and {@code crm:audit-tail} in the running distribution, as the local console user. */
public final class AuditShellChecks {

    private final KarafShell shell;

    public AuditShellChecks(KarafShell shell) {
        this.shell = shell;
    }

    /** A search prints a table and its page line, a bad filter one error line, a bounded tail its entries. */
    public void searchAndTail() {
        String found = shell.execute("crm:audit-search --action auth.* --size 5");
        assertTrue("a table of entries: " + found, found.contains("Seq") && found.contains("Action")
                && found.contains("page 1 of"));
        String refused = shell.execute("crm:audit-search --from yesterday");
        assertTrue("one error line naming the option: " + refused, refused.contains("from: must be an ISO-8601"));
        String tail = shell.execute("crm:audit-tail --last 3 --count 3 --poll-ms 50");
        assertTrue("three entries, then it stops: " + tail, tail.contains("Stopped after 3 entries"));
    }
}
