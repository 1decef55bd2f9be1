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
        if (instant.getEpochSecond() < 0 || instant.getEpochSecond() >= MAX_FAST_SECOND) {
            return TIME.format(instant);
        }
        java.time.LocalDateTime t = java.time.LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        char[] out = "0000-00-00T00:00:00.000000Z".toCharArray();
        digits(out, 0, 4, t.getYear());
        digits(out, 5, 2, t.getMonthValue());
        digits(out, 8, 2, t.getDayOfMonth());
        digits(out, 11, 2, t.getHour());
        digits(out, 14, 2, t.getMinute());
        digits(out, 17, 2, t.getSecond());
        digits(out, 20, 6, instant.getNano() / 1_000);
        return new String(out);
    }

    /** The first second of the year 10000, from which the four-digit year of the fast path no longer fits. */
    private static final long MAX_FAST_SECOND = 253_402_300_800L;

    private static void digits(char[] out, int at, int width, int value) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** The canonical form of a chained row (without trailing newline). */
    public static String canonical(EntryRow row) {
        return fields(row, false);
    }

    /** The row's export line: the canonical form plus its {@code hash} (keys sorted too). */
    public static String exportLine(EntryRow row) {
        return fields(row, true);
    }

    /** The hash of a chained row: SHA-256 hex of its canonical form followed by a newline. */
    public static String hash(EntryRow row) {
        return sha256Hex(canonical(row) + "\n");
    }

    /** Lower-case hex SHA-256 of the UTF-8 bytes of {@code text}. */
    public static String sha256Hex(String text) {
        MessageDigest digest = DIGEST.get();
        digest.reset();
        return HEX.formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static final HexFormat HEX = HexFormat.of();

    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JVM", e);
        }
    });

    /**
     * The members in jq's key order (by UTF-8 bytes: action, actor_id, actor_name, address, changes, channel,
     * details, hash, outcome, prev_hash, seq, target_id, target_kind, time, type), written directly: verification
     * computes this for every entry. {@code EntryFormTest} checks it against the generic {@link CanonicalJson}.
     */
    private static String fields(EntryRow row, boolean withHash) {
        StringBuilder out = new StringBuilder(256 + row.details().length() + row.changes().length());
        out.append("{\"action\":");
        CanonicalJson.string(out, row.action());
        out.append(",\"actor_id\":");
        CanonicalJson.string(out, row.actorId());
        out.append(",\"actor_name\":");
        CanonicalJson.string(out, row.actorName());
        out.append(",\"address\":");
        CanonicalJson.string(out, row.address());
        out.append(",\"changes\":").append(row.changes());
        out.append(",\"channel\":");
        CanonicalJson.string(out, row.channel());
        out.append(",\"details\":").append(row.details());
        if (withHash && row.entryHash() != null) {
            out.append(",\"hash\":");
            CanonicalJson.string(out, row.entryHash());
        }
        out.append(",\"outcome\":");
        CanonicalJson.string(out, row.outcome());
        if (row.prevHash() != null) {
            out.append(",\"prev_hash\":");
            CanonicalJson.string(out, row.prevHash());
        }
        if (row.sequence() != null) {
            out.append(",\"seq\":").append(row.sequence().longValue());
        }
        if (row.targetId() != null) {
            out.append(",\"target_id\":");
            CanonicalJson.string(out, row.targetId());
        }
        if (row.targetKind() != null) {
            out.append(",\"target_kind\":");
            CanonicalJson.string(out, row.targetKind());
        }
        out.append(",\"time\":");
        CanonicalJson.string(out, time(row.recordedAt()));
        out.append(",\"type\":\"entry\"}");
        return out.toString();
    }

    /** The same members through the generic writer (tests compare both). */
    static String fieldsThroughMap(EntryRow row, boolean withHash) {
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
        return CanonicalJson.write(fields);
    }
}
