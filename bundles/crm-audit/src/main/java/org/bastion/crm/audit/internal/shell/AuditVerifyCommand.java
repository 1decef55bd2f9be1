package org.bastion.crm.audit.internal.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.bastion.crm.audit.internal.AuditChain;
import org.bastion.crm.audit.internal.verify.VerificationResult;
import org.bastion.crm.shell.CrmAction;

/** {@code crm:audit-verify}: checks the whole chain and every checkpoint signature, printing progress. */
@Service
@Command(scope = "crm", name = "audit-verify", description = "Verifies the audit trail's hash chain and signatures")
public class AuditVerifyCommand extends CrmAction {

    @Reference
    AuditChain chain;

    @Override
    protected void run() throws CommandException {
        long head = chain.head().sequence();
        out().println("Verifying " + head + " entries...");
        VerificationResult result = chain.verify(done -> {
            if (head > 0 && done < head) {
                out().println("  " + done + " / " + head + " (" + (done * 100 / head) + " %)");
            }
        });
        if (result.ok()) {
            out().println("OK: " + result.entries() + " entries and " + result.checkpoints()
                    + " checkpoint signatures verified in " + result.millis() + " ms");
        } else {
            out().println("FAILED at entry " + result.failedAt() + ": " + result.problem());
            throw failure("the audit trail does not verify: entry " + result.failedAt());
        }
    }
}
