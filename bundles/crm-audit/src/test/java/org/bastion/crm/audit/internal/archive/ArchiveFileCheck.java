package org.bastion.crm.audit.internal.archive;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checks an archive file from its bytes alone, as a third party would with jq and openssl: each entry's hash is the
 * SHA-256 of its line without {@code "hash"} (the line is canonical, keys sorted, so this is what
 * {@code jq -cS 'del(.hash)'} prints) plus a newline, each entry links to the one before, and each checkpoint's
 * Ed25519 signature over {@code "<seq>:<entry_hash>"} verifies with the public key the file carries.
 */
final class ArchiveFileCheck {

    private static final Pattern HASH = Pattern.compile(",\"hash\":\"([0-9a-f]{64})\"");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ArchiveFileCheck() {
    }

    /** What the check found: entries checked and the first problem, or null. */
    record Outcome(long entries, long checkpoints, long first, long last, String problem) {
    }

    static Outcome check(Path file, String firstPreviousHash) throws Exception {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Map<String, PublicKey> keys = new HashMap<>();
        Map<Long, String> hashes = new HashMap<>();
        String previous = firstPreviousHash;
        long entries = 0;
        long checkpoints = 0;
        long first = -1;
        long last = -1;
        for (String line : lines) {
            JsonNode node = JSON.readTree(line);
            switch (node.path("type").asText()) {
                case "key" -> keys.put(node.path("key_version").asText(), publicKey(node.path("public_key_pem")
                        .asText()));
                case "entry" -> {
                    Matcher hash = HASH.matcher(line);
                    if (!hash.find()) {
                        return new Outcome(entries, checkpoints, first, last, "an entry without hash: " + line);
                    }
                    // keys are sorted, so "hash" is never the first key and always follows a comma
                    String canonical = line.substring(0, hash.start()) + line.substring(hash.end());
                    long seq = node.path("seq").asLong();
                    if (!sha256(canonical + "\n").equals(hash.group(1))) {
                        return new Outcome(entries, checkpoints, first, last, "entry " + seq + " hash");
                    }
                    if (!node.path("prev_hash").asText().equals(previous)) {
                        return new Outcome(entries, checkpoints, first, last, "entry " + seq + " link");
                    }
                    previous = hash.group(1);
                    hashes.put(seq, previous);
                    first = first < 0 ? seq : first;
                    last = seq;
                    entries++;
                }
                case "checkpoint" -> {
                    long seq = node.path("seq").asLong();
                    String signed = node.path("entry_hash").asText();
                    if (!signed.equals(hashes.get(seq))) {
                        return new Outcome(entries, checkpoints, first, last, "checkpoint " + seq + " hash");
                    }
                    Signature verifier = Signature.getInstance("Ed25519");
                    verifier.initVerify(keys.get(node.path("key_version").asText()));
                    verifier.update((seq + ":" + signed).getBytes(StandardCharsets.UTF_8));
                    if (!verifier.verify(Base64.getDecoder().decode(node.path("signature").asText()))) {
                        return new Outcome(entries, checkpoints, first, last, "checkpoint " + seq + " signature");
                    }
                    checkpoints++;
                }
                default -> {
                    // the range line: nothing to check
                }
            }
        }
        return new Outcome(entries, checkpoints, first, last, null);
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
