package org.bastion.crm.audit.internal.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bastion.crm.api.audit.AuditEntry;
import org.bastion.crm.api.persistence.Migration;
import org.bastion.crm.audit.internal.AuditFixture;
import org.bastion.crm.audit.internal.chain.EntryForm;
import org.bastion.crm.audit.internal.export.ChainExporter;
import org.bastion.crm.audit.internal.export.ExportRange;
import org.bastion.crm.audit.internal.verify.ChainVerifier;
import org.bastion.crm.audit.internal.verify.VerificationResult;
import org.bastion.crm.support.jdbc.BundleSchema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionTest {

    private final AuditFixture audit = new AuditFixture();

    @TempDir
    Path folder;

    private Retention retention;
    private final List<Archiver.Result> told = new ArrayList<>();

    @BeforeEach
    void schema() throws Exception {
        BundleSchema.migrate(audit.dataSource, "audit", List.of(script("V1__create_audit.sql"),
                script("V21__query_archive_schedule.sql")));
        ChainExporter exporter = new ChainExporter(audit.transactions);
        Archiver archiver = new Archiver(audit.transactions, folder,
                (from, to, out) -> exporter.export(new ExportRange(from, to), audit.signing, out));
        retention = new Retention(audit.transactions, archiver, () -> audit.signing, audit.clock, "node-a",
                told::add);
    }

    /** Records {@code count} entries, chained (and checkpointed) ten at a time. */
    private void entries(int count) {
        for (int i = 1; i <= count; i++) {
            audit.log.record(AuditEntry.success("contact.read").target("contact", "c-" + i).detail("n", i).build());
            audit.clock.advance(Duration.ofMillis(5));
            if (i % 10 == 0) {
                audit.chain();
            }
        }
        audit.chain();
    }

    private VerificationResult verify() throws Exception {
        return new ChainVerifier(audit.transactions).verify(audit.signing, done -> { });
    }

    @Test
    void oldEntriesMoveIntoAnArchiveEndingOnACheckpointAndTheChainStillVerifies() throws Exception {
        entries(25);
        audit.clock.advance(Duration.ofDays(3));
        entries(5);

        Optional<Archiver.Result> archived = retention.runIfDue(2);

        assertThat(archived).isPresent();
        assertThat(archived.get().from()).isEqualTo(1);
        assertThat(archived.get().through()).isEqualTo(20);
        assertThat(audit.count("SELECT COUNT(*) FROM crm_audit_entry")).isEqualTo(10);
        assertThat(audit.count("SELECT MIN(sequence_no) FROM crm_audit_entry")).isEqualTo(21);
        assertThat(audit.count("SELECT COUNT(*) FROM crm_audit_checkpoint WHERE sequence_no <= 20")).isZero();
        assertThat(audit.count("SELECT archived_through FROM crm_audit_chain_head")).isEqualTo(20);
        VerificationResult result = verify();
        assertThat(result.ok()).as(result.problem()).isTrue();
        assertThat(result.entries()).isEqualTo(10);
        assertThat(told).containsExactly(archived.get());
    }

    @Test
    void theArchiveFileVerifiesFromItsOwnBytes() throws Exception {
        entries(25);
        audit.clock.advance(Duration.ofDays(3));

        Path file = retention.runIfDue(2).orElseThrow().file();

        assertThat(file.getFileName().toString()).isEqualTo("audit-000000000001-000000000020.ndjson");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .as("readable by its owner only").isEqualTo("rw-------");
        ArchiveFileCheck.Outcome outcome = ArchiveFileCheck.check(file, EntryForm.GENESIS);
        assertThat(outcome.problem()).isNull();
        assertThat(outcome.entries()).isEqualTo(20);
        assertThat(outcome.checkpoints()).isEqualTo(2);
        assertThat(outcome.last()).isEqualTo(20);
        assertThat(Files.list(folder)).hasSize(1);
    }

    @Test
    void theArchiveFilePassesTheDocumentedOfflineVerificationAndFailsItWhenModified(@TempDir Path intact,
            @TempDir Path modified) throws Exception {
        entries(25);
        audit.clock.advance(Duration.ofDays(3));
        Path file = retention.runIfDue(2).orElseThrow().file();

        DocumentedVerification.Result ok = DocumentedVerification.run(file, intact);
        Files.writeString(file, Files.readString(file).replace("\"c-7\"", "\"c-8\""));
        DocumentedVerification.Result changed = DocumentedVerification.run(file, modified);

        assertThat(ok.exit()).as(ok.output()).isZero();
        assertThat(ok.output()).contains("OK: entries up to 20 are signed");
        assertThat(changed.exit()).isNotZero();
        assertThat(changed.output()).contains("FAILED: entry 7 was changed");
    }

    @Test
    void aModifiedArchiveFileFailsTheCheck() throws Exception {
        entries(20);
        audit.clock.advance(Duration.ofDays(3));
        Path file = retention.runIfDue(2).orElseThrow().file();

        String text = Files.readString(file).replace("\"c-7\"", "\"c-8\"");
        Files.writeString(file, text);

        assertThat(ArchiveFileCheck.check(file, EntryForm.GENESIS).problem()).isEqualTo("entry 7 hash");
    }

    @Test
    void theNextArchiveContinuesWhereTheLastEnded() throws Exception {
        entries(20);
        audit.clock.advance(Duration.ofDays(3));
        Path first = retention.runIfDue(2).orElseThrow().file();
        String firstLastHash = audit.string("SELECT archived_hash FROM crm_audit_chain_head");
        entries(20);
        audit.clock.advance(Duration.ofHours(12));

        Optional<Archiver.Result> notYet = retention.runIfDue(2);
        audit.clock.advance(Duration.ofDays(3));
        Archiver.Result second = retention.runIfDue(2).orElseThrow();

        assertThat(notYet).as("one run per day").isEmpty();
        assertThat(second.from()).isEqualTo(21);
        assertThat(second.through()).isEqualTo(40);
        assertThat(ArchiveFileCheck.check(second.file(), firstLastHash).problem()).isNull();
        assertThat(ArchiveFileCheck.check(first, EntryForm.GENESIS).last()).isEqualTo(20);
        assertThat(verify().ok()).isTrue();
    }

    @Test
    void nothingNewerThanTheRetentionPeriodLeaves() throws Exception {
        entries(25);

        assertThat(retention.runIfDue(2)).isEmpty();
        assertThat(audit.count("SELECT COUNT(*) FROM crm_audit_entry")).isEqualTo(25);
    }

    @Test
    void aChainThatDoesNotVerifyIsNotArchived() throws Exception {
        entries(25);
        audit.clock.advance(Duration.ofDays(3));
        audit.sql("UPDATE crm_audit_entry SET target_id = 'c-999' WHERE sequence_no = 4");

        assertThat(retention.runIfDue(2)).isEmpty();
        assertThat(audit.count("SELECT COUNT(*) FROM crm_audit_entry")).isEqualTo(25);
        assertThat(audit.count("SELECT archived_through FROM crm_audit_chain_head")).isZero();
        assertThat(Files.list(folder)).isEmpty();
    }

    @Test
    void oneNodeClaimsTheDaysRun() throws Exception {
        Retention other = new Retention(audit.transactions, new Archiver(audit.transactions, folder,
                (from, to, out) -> 0), () -> audit.signing, audit.clock, "node-b", told::add);
        entries(10);

        retention.runIfDue(400);

        assertThat(other.runIfDue(0)).isEmpty();
        assertThat(audit.string("SELECT holder FROM crm_audit_job_schedule WHERE job = 'archive'"))
                .isEqualTo("node-a");
        assertThat(audit.count("SELECT COUNT(*) FROM crm_audit_entry")).isEqualTo(10);
    }

    private static Migration script(String name) throws IOException {
        try (InputStream in = RetentionTest.class.getResourceAsStream("/db/audit/" + name)) {
            return Migration.fromScript(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
