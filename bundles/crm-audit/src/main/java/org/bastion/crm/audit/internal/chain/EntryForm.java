package org.bastion.crm.audit.internal.chain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * The canonical form of a chained entry and its hash. The export line of an entry is this form plus {@code hash};
 * the canonical form is exactly what {@code jq -cS 'del(.hash)'} prints for that line, and the entry's hash is the
 * lower-case hex SHA-256 of those bytes including jq's final newline. Every value is a string except {@code seq};
 * {@code target_kind} and {@code target_id} are left out when the entry has no target.
 */
public final class EntryForm {

    /** The hash before the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private EntryForm() {
    }

    /** The time as it appears in the canonical form: UTC, six fraction digits. */
    public static String time(Instant instant) {
        return TIME.format(instant);
    }

    /** The canonical form of a chained row (without trailing newline). */
    public static String canonical(EntryRow row) {
        return CanonicalJson.write(fields(row, false));
    }

    /** The row's export line: the canonical form plus its {@code hash} (keys sorted too). */
    public static String exportLine(EntryRow row) {
        return CanonicalJson.write(fields(row, true));
    }

    /** The hash of a chained row: SHA-256 hex of its canonical form followed by a newline. */
    public static String hash(EntryRow row) {
        return sha256Hex(canonical(row) + "\n");
    }

    /** Lower-case hex SHA-256 of the UTF-8 bytes of {@code text}. */
    public static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JVM", e);
        }
    }

    private static Map<String, Object> fields(EntryRow row, boolean withHash) {
        Map<String, Object> fields = new HashMap<>(24);
        fields.put("type", "entry");
        fields.put("seq", row.sequence());
        fields.put("time", time(row.recordedAt()));
        fields.put("actor_id", row.actorId());
        fields.put("actor_name", row.actorName());
        fields.put("channel", row.channel());
        fields.put("address", row.address());
        fields.put("action", row.action());
        fields.put("target_kind", row.targetKind());
        fields.put("target_id", row.targetId());
        fields.put("outcome", row.outcome());
        fields.put("details", new CanonicalJson.Raw(row.details()));
        fields.put("changes", new CanonicalJson.Raw(row.changes()));
        fields.put("prev_hash", row.prevHash());
        if (withHash) {
            fields.put("hash", row.entryHash());
        }
        return fields;
    }
}
