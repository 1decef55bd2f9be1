package org.bastion.crm.security.internal.password;

import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An argon2id hash in the PHC string format, {@code $argon2id$v=19$m=<KiB>,t=<iterations>,p=<lanes>$<salt>$<hash>}, with
 * salt and hash in unpadded standard Base64.
 */
public record Argon2idPhcString(Argon2idParameters parameters, byte[] salt, byte[] hash) {

    /** The only Argon2 version written and read: 1.3 (0x13). */
    public static final int VERSION = 19;

    static final int MIN_SALT_BYTES = 8;
    static final int MAX_SALT_BYTES = 64;
    static final int MIN_HASH_BYTES = 16;
    static final int MAX_HASH_BYTES = 64;

    private static final Pattern FORMAT = Pattern.compile(
            "\\$argon2id\\$v=(\\d{1,3})\\$m=(\\d{1,8}),t=(\\d{1,5}),p=(\\d{1,3})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    public Argon2idPhcString {
        if (parameters == null || salt == null || hash == null) {
            throw new IllegalArgumentException("argon2id hash needs parameters, salt and hash");
        }
        if (salt.length < MIN_SALT_BYTES || salt.length > MAX_SALT_BYTES) {
            throw new IllegalArgumentException("argon2id salt must be " + MIN_SALT_BYTES + " to " + MAX_SALT_BYTES + " bytes");
        }
        if (hash.length < MIN_HASH_BYTES || hash.length > MAX_HASH_BYTES) {
            throw new IllegalArgumentException("argon2id hash must be " + MIN_HASH_BYTES + " to " + MAX_HASH_BYTES + " bytes");
        }
        salt = salt.clone();
        hash = hash.clone();
    }

    /**
     * Reads a PHC string.
     *
     * @throws IllegalArgumentException naming what is wrong if the text is not an argon2id v19 PHC string with sane values
     */
    public static Argon2idPhcString parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("argon2id hash is missing");
        }
        Matcher matcher = FORMAT.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(
                    "not an argon2id PHC string ($argon2id$v=19$m=...,t=...,p=...$<salt>$<hash>)");
        }
        int version = Integer.parseInt(matcher.group(1));
        if (version != VERSION) {
            throw new IllegalArgumentException("unsupported argon2id version " + version + " (only " + VERSION + ")");
        }
        Argon2idParameters parameters = new Argon2idParameters(
                Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(3)), Integer.parseInt(matcher.group(4)));
        return new Argon2idPhcString(parameters, decode(matcher.group(5), "salt"), decode(matcher.group(6), "hash"));
    }

    /** The PHC string. */
    public String format() {
        return "$argon2id$v=" + VERSION
                + "$m=" + parameters.memoryKiB() + ",t=" + parameters.iterations() + ",p=" + parameters.parallelism()
                + "$" + ENCODER.encodeToString(salt) + "$" + ENCODER.encodeToString(hash);
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    @Override
    public String toString() {
        return "Argon2idPhcString[" + parameters + "]";
    }

    private static byte[] decode(String base64, String what) {
        try {
            return DECODER.decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("argon2id " + what + " is not valid Base64", e);
        }
    }
}
