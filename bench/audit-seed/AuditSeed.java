import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.SplittableRandom;

import org.bastion.crm.audit.internal.chain.CanonicalJson;
import org.bastion.crm.audit.internal.chain.EntryRow;

/**
 * Seeds chained audit entries straight into the audit tables of a stopped Bastion CRM (bench/audit-query.sh): each
 * row continues the chain from the head (sequence number, previous hash, its hash computed by crm-audit's own
 * canonical form), in batches of 5,000 per transaction, then moves the head. No checkpoint is made (the signing key
 * stays in the CRM): the CRM signs the head at its next start.
 *
 * <p>Usage: {@code java -cp crm-audit.jar:driver.jar AuditSeed.java URL USER PASSWORD ENTRIES ACTORS}
 */
public final class AuditSeed {

    private static final int BATCH = 5_000;
    private static final String[] ACTIONS = {"contact.read", "contact.read", "contact.read", "contact.read",
        "contact.read", "contact.read", "contact.read", "auth.login.succeeded", "contact.updated", "access.denied",
        "auth.login.failed"};

    public static void main(String[] args) throws Exception {
        String url = args[0];
        long entries = Long.parseLong(args[3]);
        int actors = Integer.parseInt(args[4]);
        SplittableRandom random = new SplittableRandom(13);
        long started = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(url, args[1], args[2])) {
            connection.setAutoCommit(false);
            long sequence;
            String hash;
            try (Statement statement = connection.createStatement();
                 ResultSet head = statement.executeQuery("SELECT sequence_no, entry_hash FROM crm_audit_chain_head"
                         + " WHERE id = 1 FOR UPDATE")) {
                head.next();
                sequence = head.getLong(1);
                hash = head.getString(2);
            }
            Instant first = Instant.now().minus(Duration.ofDays(30)).truncatedTo(ChronoUnit.MICROS);
            long stepMicros = Duration.ofDays(30).toNanos() / 1000 / Math.max(1, entries);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO crm_audit_entry (sequence_no,"
                    + " recorded_at, actor_id, actor_name, channel, address, action, target_kind, target_id, outcome,"
                    + " details, changes, prev_hash, entry_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (long i = 0; i < entries; i++) {
                    int actor = random.nextInt(actors);
                    String action = ACTIONS[random.nextInt(ACTIONS.length)];
                    boolean contact = action.startsWith("contact.") || action.equals("access.denied");
                    String outcome = action.equals("access.denied") ? "denied"
                            : action.equals("auth.login.failed") ? "failure" : "success";
                    Instant time = first.plusNanos(i * stepMicros * 1000);
                    EntryRow row = new EntryRow(0, null, time, String.format("bench-user-%04d", actor),
                            String.format("bench%04d", actor), "rest", "192.0.2." + (actor % 250 + 1), action,
                            contact ? "contact" : null,
                            contact ? String.format("00000000-0000-4000-8000-%012d", random.nextInt(100_000)) : null,
                            outcome, CanonicalJson.write(Map.of("bench", Long.toString(i))), "[]", null, null)
                            .chained(sequence + 1, hash);
                    bind(insert, row);
                    insert.addBatch();
                    sequence = row.sequence();
                    hash = row.entryHash();
                    if ((i + 1) % BATCH == 0 || i + 1 == entries) {
                        insert.executeBatch();
                        moveHead(connection, sequence, hash);
                        connection.commit();
                        if ((i + 1) % 100_000 == 0) {
                            System.err.printf("  %,d entries seeded%n", i + 1);
                        }
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("seeded %d entries in %.1f s (%.0f entries/s)%n", entries, seconds, entries / seconds);
    }

    private static void bind(PreparedStatement insert, EntryRow row) throws Exception {
        insert.setLong(1, row.sequence());
        insert.setObject(2, OffsetDateTime.ofInstant(row.recordedAt(), ZoneOffset.UTC));
        insert.setString(3, row.actorId());
        insert.setString(4, row.actorName());
        insert.setString(5, row.channel());
        insert.setString(6, row.address());
        insert.setString(7, row.action());
        insert.setString(8, row.targetKind());
        insert.setString(9, row.targetId());
        insert.setString(10, row.outcome());
        insert.setString(11, row.details());
        insert.setString(12, row.changes());
        insert.setString(13, row.prevHash());
        insert.setString(14, row.entryHash());
    }

    private static void moveHead(Connection connection, long sequence, String hash) throws Exception {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE crm_audit_chain_head SET sequence_no = ?, entry_hash = ? WHERE id = 1")) {
            update.setLong(1, sequence);
            update.setString(2, hash);
            update.executeUpdate();
        }
    }
}
