package org.bastion.crm.crypto.internal.master;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.bastion.crm.crypto.internal.keys.KeyMaterial;

/**
 * The operator's PKCS#12 keystore file (JDK {@code PKCS12}), holding the master key versions as AES-256
 * {@code SecretKeyEntry}s named {@code master-v1}, {@code master-v2}, ...; the highest is current, the older ones stay
 * so that data keys in old backups can still be unwrapped. Every write replaces the whole file atomically.
 */
public final class MasterKeyStore {

    /** The alias of master key version n is this prefix followed by n. */
    public static final String ALIAS_PREFIX = "master-v";

    private static final Pattern ALIAS = Pattern.compile(Pattern.quote(ALIAS_PREFIX) + "(\\d{1,9})");
    private static final String ENTRY_PROTECTION = "PBEWithHmacSHA256AndAES_256";

    private final Path path;

    public MasterKeyStore(Path path) {
        this.path = path;
    }

    /** The keystore file. */
    public Path path() {
        return path;
    }

    /** Whether the file exists. */
    public boolean exists() {
        return Files.exists(path);
    }

    /**
     * Reads every master key version.
     *
     * @throws WrongPassphraseException when {@code passphrase} does not open the keystore
     * @throws IOException when the file cannot be read or is not a PKCS#12 keystore
     */
    public Contents load(char[] passphrase) throws IOException, GeneralSecurityException {
        KeyStore store = read(passphrase);
        NavigableMap<Integer, KeyMaterial> keys = new TreeMap<>();
        Map<Integer, Instant> created = new TreeMap<>();
        for (String alias : Collections.list(store.aliases())) {
            Matcher matcher = ALIAS.matcher(alias);
            if (matcher.matches() && store.isKeyEntry(alias)) {
                int version = Integer.parseInt(matcher.group(1));
                Key key = store.getKey(alias, passphrase);
                // getEncoded returns a copy we own; the SecretKeySpec the keystore made keeps its own, unwipeable copy
                keys.put(version, new KeyMaterial(key.getEncoded()));
                created.put(version, store.getCreationDate(alias).toInstant());
            }
        }
        return new Contents(keys, created);
    }

    /**
     * Writes a new keystore holding {@code key} as {@code master-v1}.
     *
     * @throws java.nio.file.FileAlreadyExistsException when the file exists: it is never overwritten
     */
    public void create(char[] passphrase, KeyMaterial key) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, passphrase);
        put(store, passphrase, 1, key);
        SecureFiles.createNew(path, serialise(store, passphrase));
    }

    /** Adds master key version {@code version} to the existing keystore, replacing the file atomically. */
    public void add(char[] passphrase, int version, KeyMaterial key) throws IOException, GeneralSecurityException {
        KeyStore store = read(passphrase);
        if (store.containsAlias(ALIAS_PREFIX + version)) {
            throw new GeneralSecurityException(path + " already holds " + ALIAS_PREFIX + version);
        }
        put(store, passphrase, version, key);
        SecureFiles.replace(path, serialise(store, passphrase));
    }

    private KeyStore read(char[] passphrase) throws IOException, GeneralSecurityException {
        byte[] bytes = Files.readAllBytes(path);
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(new ByteArrayInputStream(bytes), passphrase);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new WrongPassphraseException(path);
            }
            throw e;
        }
        return store;
    }

    private static void put(KeyStore store, char[] passphrase, int version, KeyMaterial key)
            throws GeneralSecurityException {
        SecretKey secret = key.use(bytes -> new SecretKeySpec(bytes, "AES"));
        store.setEntry(ALIAS_PREFIX + version, new KeyStore.SecretKeyEntry(secret),
                new KeyStore.PasswordProtection(passphrase, ENTRY_PROTECTION, null));
    }

    private static byte[] serialise(KeyStore store, char[] passphrase) throws IOException, GeneralSecurityException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.store(out, passphrase);
        return out.toByteArray();
    }

    /**
     * The master key versions of a keystore.
     *
     * @param keys the keys by version
     * @param createdAt when each version was added
     */
    public record Contents(NavigableMap<Integer, KeyMaterial> keys, Map<Integer, Instant> createdAt) {
    }

    /** The passphrase does not open the keystore. */
    public static final class WrongPassphraseException extends GeneralSecurityException {

        private static final long serialVersionUID = 1L;

        WrongPassphraseException(Path path) {
            super("the passphrase does not open " + path);
        }
    }
}
