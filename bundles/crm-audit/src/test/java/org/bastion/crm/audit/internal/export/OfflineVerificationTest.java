package org.bastion.crm.audit.internal.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bastion.crm.api.audit.AuditEntry;
import org.bastion.crm.api.audit.FieldChange;
import org.bastion.crm.api.crypto.RecordRef;
import org.bastion.crm.audit.internal.AuditFixture;
import org.bastion.crm.audit.internal.chain.ChainStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs exactly the offline verification block of docs/audit.md on an export, then on modified ones. */
class OfflineVerificationTest {

    private static final Pattern BLOCK = Pattern.compile("<!-- offline-verification -->\\s*\\n```sh\\n(.*?)\\n```",
            Pattern.DOTALL);

    private final AuditFixture audit = new AuditFixture();

    @TempDir
    Path dir;

    @BeforeEach
    void fifteenEntriesWithTwoCheckpoints() {
        RecordRef contact = new RecordRef("contact", "c-1");
        audit.cipher.createRecordKey(contact);
        for (int i = 1; i <= 15; i++) {
            audit.log.record(AuditEntry.success("contact.updated").target("contact", "c-" + i)
                    .detail("note", "line \"" + i + "\"\n\tétoile 😀 \\ \u0001")
                    .change(FieldChange.personal("lastName", "Old" + i, "New" + i, contact))
                    .change(FieldChange.plain("owner", null, "u-" + i)).build());
            audit.clock.advance(Duration.ofMillis(3));
            if (i % 5 == 0) {
                audit.chain();
            }
        }
        audit.chain();
    }

    private String export(String from, String to) throws Exception {
        StringWriter out = new StringWriter();
        ExportRange range = ExportRange.of(from, to,
                audit.transactions.read(connection -> ChainStore.head(connection, false)));
        new ChainExporter(audit.transactions).export(range, audit.signing, out);
        return out.toString();
    }

    @Test
    void theDocumentedCommandsAcceptAnIntactExport() throws Exception {
        Result result = run(export("2", "15"));

        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.output()).contains("chain intact through entry 15").contains("OK: entries up to 15");
    }

    @Test
    void theDocumentedCommandsRefuseAChangedEntry() throws Exception {
        String export = export(null, null).replace("\"target_id\":\"c-12\"", "\"target_id\":\"c-99\"");

        Result result = run(export);
        assertThat(result.exit()).isNotZero();
        assertThat(result.output()).contains("FAILED: entry 12 was changed");
    }

    @Test
    void theDocumentedCommandsRefuseARemovedEntry() throws Exception {
        String export = String.join("\n", export(null, null).lines()
                .filter(line -> !line.contains("\"seq\":9,")).toList()) + "\n";

        Result result = run(export);
        assertThat(result.exit()).isNotZero();
        assertThat(result.output()).contains("FAILED: entry 10 does not follow entry 8");
    }

    @Test
    void theDocumentedCommandsRefuseAForgedSignature() throws Exception {
        String export = export(null, null).replaceFirst("\"signature\":\"[A-Za-z0-9+/]{10}",
                "\"signature\":\"AAAAAAAAAA");

        Result result = run(export);
        assertThat(result.exit()).isNotZero();
        assertThat(result.output()).contains("is not valid");
    }

    record Result(int exit, String output) {
    }

    private Result run(String export) throws IOException, InterruptedException {
        Files.writeString(dir.resolve("audit.ndjson"), export, StandardCharsets.UTF_8);
        Process process;
        try {
            process = new ProcessBuilder("sh", "-c", documentedScript()).directory(dir.toFile())
                    .redirectErrorStream(true).start();
        } catch (IOException noShell) {
            assumeTrue(false, "no sh");
            throw noShell;
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), output);
    }

    /** The offline verification block of docs/audit.md, exactly as documented. */
    static String documentedScript() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !(Files.isRegularFile(root.resolve("docs/audit.md"))
                && Files.isRegularFile(root.resolve("mvnw")))) {
            root = root.getParent();
        }
        assertThat(root).as("docs/audit.md above the working directory").isNotNull();
        Matcher block = BLOCK.matcher(Files.readString(root.resolve("docs/audit.md"), StandardCharsets.UTF_8));
        assertThat(block.find()).as("the offline verification block of docs/audit.md").isTrue();
        return block.group(1);
    }
}
