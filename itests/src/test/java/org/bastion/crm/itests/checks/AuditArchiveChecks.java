package org.bastion.crm.itests.checks;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bastion.crm.itests.support.Await;
import org.bastion.crm.itests.support.CrmApi;
import org.bastion.crm.itests.support.CrmDatabase;
import org.bastion.crm.itests.support.Expect;
import org.bastion.crm.itests.support.Json;
import org.bastion.crm.itests.support.KarafLog;
import org.bastion.crm.itests.support.ManagedConfiguration;
import org.osgi.framework.BundleContext;

/**
 * Retention in the running distribution: with {@code retentionDays = 0} the retention job archives every entry up to
 * the newest signed checkpoint into {@code data/audit-archive/}, the entries leave the database, the chain still
 * verifies from the cut ({@code GET /audit/verify}), and the archive file checks from its own bytes: each entry's
 * hash is the SHA-256 of its canonical line, the entries link up to the head's archived hash, and each checkpoint's
 * Ed25519 signature verifies with the public key in the file; the documented offline procedure of docs/audit.md
 * passes on it. Needs signed checkpoints: the export check before it registers a SigningKeys service when none is
 * installed.
 */
public final class AuditArchiveChecks {

    private static final String PID = "org.bastion.crm.audit";
    private static final Pattern HASH = Pattern.compile(",\"hash\":\"([0-9a-f]{64})\"");
    private static final Pattern BLOCK = Pattern.compile("<!-- offline-verification -->\\s*\\n```sh\\n(.*?)\\n```",
            Pattern.DOTALL);

    private final BundleContext bundleContext;
    private final CrmApi admin;

    public AuditArchiveChecks(BundleContext bundleContext, CrmApi admin) {
        this.bundleContext = bundleContext;
        this.admin = admin;
    }

    /** Archives, then verifies the chain and the archive file. */
    public void archiveCutThenVerify() throws Exception {
        ManagedConfiguration configuration = new ManagedConfiguration(bundleContext, PID);
        Dictionary<String, Object> before = configuration.snapshot();
        CrmDatabase database = CrmDatabase.open(bundleContext);
        try {
            configuration.update(Map.of("retentionDays", 0));
            long through = Await.until("the retention job to archive up to a signed checkpoint",
                    Duration.ofMinutes(3), () -> database.number("SELECT archived_through FROM crm_audit_chain_head"
                            + " WHERE id = 1"), archived -> archived > 0);
            String archivedHash = database.text("SELECT archived_hash FROM crm_audit_chain_head WHERE id = 1");

            Await.until("the archived entries to leave the database", Duration.ofSeconds(30),
                    () -> database.number("SELECT COUNT(*) FROM crm_audit_entry WHERE sequence_no <= ?", through),
                    left -> left == 0);
            JsonNode verified = Expect.json(200, admin.get("/audit/verify"));
            assertTrue("the chain verifies from the cut: " + verified, verified.path("ok").asBoolean());

            Path file = archiveEndingAt(through);
            assertEquals("the file ends at the head's archived hash", archivedHash, checkFile(file, through));
            String documented = runDocumentedVerification(file);
            assertTrue("the documented offline verification passes on the archive: " + documented,
                    documented.contains("OK: entries up to " + through + " are signed"));
        } finally {
            configuration.restore(before);
            database.close();
        }
    }

    /** Runs the offline verification block of docs/audit.md on a copy of {@code file} named audit.ndjson. */
    private static String runDocumentedVerification(Path file) throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (root != null && !(Files.isRegularFile(root.resolve("docs/audit.md"))
                && Files.isRegularFile(root.resolve("mvnw")))) {
            root = root.getParent();
        }
        assertTrue("docs/audit.md above " + System.getProperty("user.dir"), root != null);
        Matcher block = BLOCK.matcher(Files.readString(root.resolve("docs/audit.md"), StandardCharsets.UTF_8));
        assertTrue("the offline verification block of docs/audit.md", block.find());
        Path dir = Files.createTempDirectory("crm-archive-check");
        Files.copy(file, dir.resolve("audit.ndjson"));
        Process process = new ProcessBuilder("sh", "-c", block.group(1)).directory(dir.toFile())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return "exit " + process.waitFor() + ": " + output;
    }

    private static Path archiveEndingAt(long through) throws IOException {
        Path folder = KarafLog.dataFolder().resolve("audit-archive");
        String suffix = String.format("-%012d.ndjson", through);
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> found = files.filter(file -> file.getFileName().toString().endsWith(suffix)).toList();
            assertEquals("one archive file ends at entry " + through + " in " + folder, 1, found.size());
            return found.get(0);
        }
    }

    /** Checks the file from its bytes alone; returns the hash of its last entry. */
    private static String checkFile(Path file, long through) throws Exception {
        Map<String, PublicKey> keys = new HashMap<>();
        Map<Long, String> hashes = new HashMap<>();
        String previous = null;
        long last = 0;
        int signatures = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            JsonNode node = Json.parse(line);
            switch (node.path("type").asText()) {
                case "key" -> keys.put(node.path("key_version").asText(), publicKey(node.path("public_key_pem")
                        .asText()));
                case "entry" -> {
                    long seq = node.path("seq").asLong();
                    Matcher hash = HASH.matcher(line);
                    assertTrue("entry " + seq + " has a hash", hash.find());
                    String canonical = line.substring(0, hash.start()) + line.substring(hash.end());
                    assertEquals("entry " + seq + " matches its hash", hash.group(1), sha256(canonical + "\n"));
                    if (previous != null) {
                        assertEquals("entry " + seq + " follows", last + 1, seq);
                        assertEquals("entry " + seq + " links", previous, node.path("prev_hash").asText());
                    }
                    previous = hash.group(1);
                    hashes.put(seq, previous);
                    last = seq;
                }
                case "checkpoint" -> {
                    long seq = node.path("seq").asLong();
                    String signed = node.path("entry_hash").asText();
                    assertEquals("checkpoint " + seq + " names its entry's hash", hashes.get(seq), signed);
                    Signature verifier = Signature.getInstance("Ed25519");
                    verifier.initVerify(keys.get(node.path("key_version").asText()));
                    verifier.update((seq + ":" + signed).getBytes(StandardCharsets.UTF_8));
                    assertTrue("checkpoint " + seq + " signature", verifier.verify(Base64.getDecoder().decode(
                            node.path("signature").asText())));
                    signatures++;
                }
                default -> {
                    // the range line
                }
            }
        }
        assertEquals("the file ends at the cut", through, last);
        assertTrue("the file holds the checkpoint of the cut", signatures > 0);
        return previous;
    }

    private static PublicKey publicKey(String pem) throws Exception {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder()
                .decode(base64)));
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(
                StandardCharsets.UTF_8)));
    }
}
