package org.bastion.crm.itests.checks;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.UUID;

import org.bastion.crm.api.crypto.KeyPurpose;
import org.bastion.crm.api.crypto.SigningKeys;
import org.bastion.crm.itests.support.Await;
import org.bastion.crm.itests.support.CrmApi;
import org.bastion.crm.itests.support.KarafShell;
import org.bastion.crm.itests.support.KeysApi;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * crm-crypto's {@link SigningKeys} in the running container: a signature verifies (through the service and through the
 * JDK with the published public key alone), a rotation of {@code audit-signing} over REST makes a new version that
 * signs from then on, the old version's signatures still verify, and the key list (REST and shell) shows both.
 */
public final class SigningKeyChecks {

    private static final KeyPurpose AUDIT = KeyPurpose.AUDIT_SIGNING;
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final CrmApi admin;
    private final KeysApi keys;
    private final KarafShell shell;
    private final BundleContext bundleContext;

    /** Checks with an administrator's client, the container's shell and its services. */
    public SigningKeyChecks(CrmApi admin, KarafShell shell, BundleContext bundleContext) {
        this.admin = admin;
        this.keys = new KeysApi(admin);
        this.shell = shell;
        this.bundleContext = bundleContext;
    }

    /** Signs, verifies, rotates over REST, and verifies the old signature again. */
    public void signaturesVerifyAndSurviveARotation() throws Exception {
        SigningKeys signing = service();
        byte[] data = ("itest checkpoint " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        byte[] altered = data.clone();
        altered[0] ^= 1;

        SigningKeys.Signature before = signing.sign(AUDIT, data);
        assertEquals("an Ed25519 signature has 64 bytes", 64, before.signature().length);
        assertTrue("the signature verifies", signing.verify(AUDIT, before.keyVersion(), data, before.signature()));
        assertFalse("altered data does not verify", signing.verify(AUDIT, before.keyVersion(), altered, before.signature()));
        assertTrue("the published public key alone verifies it",
                jdkVerifies(signing.publicKey(AUDIT, before.keyVersion()), data, before.signature()));
        assertEquals("the signing version is listed ACTIVE", "ACTIVE",
                KeysApi.key(keys.overview(), AUDIT.wireName(), before.keyVersion()).path("state").asText());

        JsonNode rotation = keys.awaitCompleted(keys.startRotation(AUDIT.wireName()).location(), WAIT);
        int next = rotation.path("toVersion").asInt();
        assertEquals("the rotation makes the next version", before.keyVersion() + 1, next);
        SigningKeys.Signature after = signing.sign(AUDIT, data);

        assertEquals("new signatures use the new version", next, after.keyVersion());
        assertTrue("the new signature verifies", signing.verify(AUDIT, next, data, after.signature()));
        assertTrue("the old signature still verifies", signing.verify(AUDIT, before.keyVersion(), data, before.signature()));
        assertFalse("the old signature is not the new version's", signing.verify(AUDIT, next, data, before.signature()));
        JsonNode overview = keys.overview();
        assertEquals("the old version is kept, RETIRED", "RETIRED",
                KeysApi.key(overview, AUDIT.wireName(), before.keyVersion()).path("state").asText());
        assertEquals("the new version is ACTIVE", next, KeysApi.activeVersion(overview, AUDIT.wireName()));
        String listed = shell.execute("crm:key-list");
        assertTrue("crm:key-list lists audit-signing-v" + next + ": " + listed, listed.contains("audit-signing-v" + next));
    }

    private static boolean jdkVerifies(byte[] publicKey, byte[] data, byte[] signature) throws Exception {
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(publicKey)));
        verifier.update(data);
        return verifier.verify(signature);
    }

    private SigningKeys service() {
        ServiceReference<SigningKeys> reference = Await.until("the SigningKeys service", WAIT,
                () -> bundleContext.getServiceReference(SigningKeys.class), r -> r != null);
        return bundleContext.getService(reference);
    }
}
