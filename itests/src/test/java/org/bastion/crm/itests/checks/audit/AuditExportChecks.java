package org.bastion.crm.itests.checks.audit;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bastion.crm.api.crypto.KeyPurpose;
import org.bastion.crm.api.crypto.SigningKeys;
import org.bastion.crm.itests.support.ApiResponse;
import org.bastion.crm.itests.support.Await;
import org.bastion.crm.itests.support.CrmApi;
import org.bastion.crm.itests.support.CrmDatabase;
import org.bastion.crm.itests.support.Expect;
import org.osgi.framework.BundleContext;

/**
 * An export of the chain, verified with exactly the commands docs/audit.md documents (jq, sha256sum, base64,
 * openssl): they pass on the export and fail on a modified one; bad ranges answer 400. When no SigningKeys service
 * is installed (crm-crypto without audit signing), the check registers one backed by the JDK's Ed25519 for the
 * rest of the suite, so that checkpoints are signed.
 */
public final class AuditExportChecks {

    private static final Pattern BLOCK = Pattern.compile("<!-- offline-verification -->\\s*\\n```sh\\n(.*?)\\n```",
            Pattern.DOTALL);

    private final CrmApi api;
    private final BundleContext bundleContext;

    public AuditExportChecks(CrmApi api, BundleContext bundleContext) {
        this.api = api;
        this.bundleContext = bundleContext;
    }

    /** Exports up to the last checkpoint and runs the documented commands on it, then on a modified copy. */
    public void theDocumentedOfflineVerificationPassesAndFailsOnAModifiedExport() throws Exception {
        ensureSigningKeys();
        AuditChainChecks.auditLog(bundleContext).record(
                org.bastion.crm.api.audit.AuditEntry.success("itest.exported").target("itest", "export").build());
        long checkpoint;
        try (CrmDatabase database = CrmDatabase.open(bundleContext)) {
            checkpoint = Await.until("a signed checkpoint", AuditChainChecks.TIMEOUT,
                    () -> database.number("SELECT COALESCE(MAX(sequence_no), 0) FROM crm_audit_checkpoint"),
                    n -> n > 1);
        }
        ApiResponse export = Expect.status(200, api.get("/audit/export?from=1&to=" + checkpoint));
        assertTrue("NDJSON: " + export.mediaType(), export.mediaType().startsWith("application/x-ndjson"));

        Path dir = Files.createTempDirectory("audit-export");
        Result intact = run(dir, export.body());
        assertEquals("documented commands on the export: " + intact.output(), 0, intact.exit());
        assertTrue(intact.output(), intact.output().contains("OK: entries up to " + checkpoint + " are signed"));

        String modified = export.body().replaceFirst("\"outcome\":\"success\"", "\"outcome\":\"failure\"");
        assertNotEquals("the export was modified", export.body(), modified);
        Result tampered = run(dir, modified);
        assertNotEquals("documented commands on a modified export: " + tampered.output(), 0, tampered.exit());
        assertTrue(tampered.output(), tampered.output().contains("FAILED"));

        Expect.problem(400, api.get("/audit/export?from=abc"));
        Expect.problem(400, api.get("/audit/export?from=3&to=2"));
        Expect.problem(400, api.get("/audit/export?to=" + Long.MAX_VALUE / 10));
        Expect.problem(400, api.get("/audit/export?from=0"));
        Expect.problem(400, api.get("/audit/export?from=1&from=2"));
        Expect.problem(400, api.get("/audit/export?to="));
    }

    private record Result(int exit, String output) {
    }

    private static Result run(Path dir, String export) throws IOException, InterruptedException {
        Files.writeString(dir.resolve("audit.ndjson"), export, StandardCharsets.UTF_8);
        Process process = new ProcessBuilder("sh", "-c", documentedScript()).directory(dir.toFile())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), output);
    }

    private static String documentedScript() throws IOException {
        Path root = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (root != null && !(Files.isRegularFile(root.resolve("docs/audit.md"))
                && Files.isRegularFile(root.resolve("mvnw")))) {
            root = root.getParent();
        }
        assertTrue("docs/audit.md above " + System.getProperty("user.dir"), root != null);
        Matcher block = BLOCK.matcher(Files.readString(root.resolve("docs/audit.md"), StandardCharsets.UTF_8));
        assertTrue("the offline verification block of docs/audit.md", block.find());
        return block.group(1);
    }

    private void ensureSigningKeys() throws GeneralSecurityException {
        if (bundleContext.getServiceReference(SigningKeys.class) != null) {
            return;
        }
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        bundleContext.registerService(SigningKeys.class, new SigningKeys() {
            @Override
            public Signature sign(KeyPurpose purpose, byte[] data) {
                try {
                    java.security.Signature signer = java.security.Signature.getInstance("Ed25519");
                    signer.initSign(pair.getPrivate());
                    signer.update(data);
                    return new Signature(1, signer.sign());
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public byte[] publicKey(KeyPurpose purpose, int keyVersion) {
                return pair.getPublic().getEncoded();
            }

            @Override
            public boolean verify(KeyPurpose purpose, int keyVersion, byte[] data, byte[] signature) {
                try {
                    java.security.Signature verifier = java.security.Signature.getInstance("Ed25519");
                    verifier.initVerify(pair.getPublic());
                    verifier.update(data);
                    return verifier.verify(signature);
                } catch (GeneralSecurityException e) {
                    return false;
                }
            }
        }, null);
    }
}
