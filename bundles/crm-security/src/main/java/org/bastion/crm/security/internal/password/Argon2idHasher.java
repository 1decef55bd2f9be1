package org.bastion.crm.security.internal.password;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Hashes and verifies passwords with argon2id (Bouncy Castle), stored as PHC strings so that the cost can be raised later
 * and old hashes still verify.
 */
public final class Argon2idHasher {

    /** Length of a new random salt in bytes. */
    public static final int SALT_BYTES = 16;
    /** Length of a new hash in bytes. */
    public static final int HASH_BYTES = 32;

    private final SecureRandom random;
    private final Argon2idParameters current;
    private final Argon2idPhcString dummy;

    /** A hasher writing hashes with {@code current} parameters. */
    public Argon2idHasher(SecureRandom random, Argon2idParameters current) {
        this.random = random;
        this.current = current;
        byte[] unguessable = new byte[32];
        random.nextBytes(unguessable);
        this.dummy = Argon2idPhcString.parse(hash(Arrays.toString(unguessable)));
    }

    /** A hasher writing hashes with OWASP's minimum parameters. */
    public Argon2idHasher() {
        this(new SecureRandom(), Argon2idParameters.OWASP_MINIMUM);
    }

    /** The PHC string for a password, with a fresh random salt and the current parameters. */
    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return new Argon2idPhcString(current, salt, derive(password, current, salt, HASH_BYTES)).format();
    }

    /**
     * Whether the password matches the stored PHC string, compared in constant time.
     *
     * @throws IllegalArgumentException if the stored string is not a valid argon2id PHC string or the password is missing
     */
    public boolean verify(String password, String storedHash) {
        Argon2idPhcString stored = Argon2idPhcString.parse(storedHash);
        byte[] expected = stored.hash();
        byte[] actual = derive(password, stored.parameters(), stored.salt(), expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    /**
     * Does the same work as {@link #verify} for a user who does not exist and always answers false, so that an unknown
     * user and a wrong password cost the same time.
     */
    public boolean dummyVerify(String password) {
        byte[] expected = dummy.hash();
        byte[] actual = derive(password == null ? "" : password, dummy.parameters(), dummy.salt(), expected.length);
        MessageDigest.isEqual(expected, actual);
        return false;
    }

    /**
     * Whether a stored hash should be replaced (after a successful login) because it is weaker than what this hasher writes
     * now or cannot be read at all.
     */
    public boolean needsRehash(String storedHash) {
        try {
            Argon2idPhcString stored = Argon2idPhcString.parse(storedHash);
            return stored.parameters().isBelow(current)
                    || stored.hash().length < HASH_BYTES
                    || stored.salt().length < SALT_BYTES;
        } catch (IllegalArgumentException unreadable) {
            return true;
        }
    }

    /** The parameters new hashes are written with. */
    public Argon2idParameters currentParameters() {
        return current;
    }

    private static byte[] derive(String password, Argon2idParameters parameters, byte[] salt, int length) {
        if (password == null) {
            throw new IllegalArgumentException("password is missing");
        }
        Argon2Parameters argon2 = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(parameters.memoryKiB())
                .withIterations(parameters.iterations())
                .withParallelism(parameters.parallelism())
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(argon2);
        byte[] passwordBytes = utf8(password);
        byte[] out = new byte[length];
        try {
            generator.generateBytes(passwordBytes, out);
        } finally {
            Arrays.fill(passwordBytes, (byte) 0);
        }
        return out;
    }

    private static byte[] utf8(String password) {
        try {
            ByteBuffer encoded = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(password));
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            if (encoded.hasArray()) {
                Arrays.fill(encoded.array(), (byte) 0);
            }
            return bytes;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("password is not valid Unicode text", e);
        }
    }
}
