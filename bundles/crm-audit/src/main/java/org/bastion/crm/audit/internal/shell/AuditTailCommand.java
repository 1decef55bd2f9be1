package org.bastion.crm.audit.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.bastion.crm.api.ValidationException;
import org.bastion.crm.api.audit.AuditRecord;
import org.bastion.crm.audit.internal.query.AuditQueryService;
import org.bastion.crm.shell.CrmAction;

/**
 * {@code crm:audit-tail}: prints the entries of the trail as they are chained (by any node), until Ctrl-C
 * (the interrupt ends it cleanly) or, with {@code --count}, after that many entries. It polls the table by sequence
 * number, so it sees every entry once, in chain order.
 */
@Service
@Command(scope = "crm", name = "audit-tail", description = "Follows the audit trail until Ctrl-C (audit:read)")
public class AuditTailCommand extends CrmAction {

    private static final int BATCH = 200;

    @Reference
    AuditQueryService queries;

    @Option(name = "--last", description = "Print this many of the newest entries first (default 10)")
    int last = 10;

    @Option(name = "--count", description = "Stop after printing this many entries (default: follow until Ctrl-C)")
    int count = -1;

    @Option(name = "--poll-ms", description = "How often to look for new entries, in milliseconds (default 500)")
    long pollMillis = 500;

    @Override
    protected void run() {
        if (last < 0 || pollMillis < 10 || pollMillis > 60_000) {
            throw ValidationException.of(last < 0 ? "last" : "poll-ms",
                    last < 0 ? "must be 0 or more" : "must be between 10 and 60000");
        }
        long after = Math.max(0, queries.lastSequence() - last);
        long printed = 0;
        out().println("Following the audit trail after entry " + after + " (Ctrl-C to stop)");
        while (count < 0 || printed < count) {
            List<AuditRecord> records = queries.after(after, BATCH);
            if (count >= 0 && records.size() > count - printed) {
                records = records.subList(0, (int) (count - printed));
            }
            if (!records.isEmpty()) {
                AuditRows.rows(AuditRows.table(), records).print(out());
                out().flush();
                printed += records.size();
                after = records.get(records.size() - 1).sequence();
            } else if (!pause()) {
                break;
            }
        }
        out().println("Stopped after " + printed + (printed == 1 ? " entry" : " entries"));
    }

    /** Waits one poll interval; false when interrupted (Ctrl-C), with the interrupt consumed as the stop signal. */
    private boolean pause() {
        try {
            Thread.sleep(pollMillis);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }
}
