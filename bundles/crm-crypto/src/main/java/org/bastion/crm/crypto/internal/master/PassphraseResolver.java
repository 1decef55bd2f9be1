package org.bastion.crm.crypto.internal.master;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;

import org.bastion.crm.crypto.internal.keys.KeyMaterial;

/**
 * Finds the keystore passphrase, in order: the environment variable {@value #ENVIRONMENT_VARIABLE} (read through an
 * injectable lookup), the configured passphrase file, the file generated at first boot beside the keystore. It also
 * generates that file on a fresh install without a passphrase.
 */
public final class PassphraseResolver {

    /** The environment variable holding the passphrase. */
    public static final String ENVIRONMENT_VARIABLE = "CRM_MASTER_PASSPHRASE";

    private static final System.Logger LOG = System.getLogger(PassphraseResolver.class.getName());

    private final Function<String, String> environment;

    public PassphraseResolver(Function<String, String> environment) {
        this.environment = environment;
    }

    /**
     * The passphrase of the first source that has one, or empty when none has.
     *
     * @param configuredFile the configured passphrase file, or null
     * @param generatedFile the generated file beside the keystore (used only when it exists)
     * @throws UnreadablePassphraseException when the configured file is missing, unreadable or empty
     */
    public Optional<Passphrase> resolve(Path configuredFile, Path generatedFile) throws UnreadablePassphraseException {
        String fromEnvironment = environment.apply(ENVIRONMENT_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            // the String the environment holds cannot be wiped; the copy made here can
            return Optional.of(new Passphrase(fromEnvironment.toCharArray(), Passphrase.Source.ENVIRONMENT, null));
        }
        if (configuredFile != null) {
            return Optional.of(read(configuredFile, Passphrase.Source.FILE));
        }
        if (Files.exists(generatedFile)) {
            return Optional.of(read(generatedFile, Passphrase.Source.GENERATED_FILE));
        }
        return Optional.empty();
    }

    /**
     * Generates a random passphrase (256 bits, as base64 text) into {@code file}, readable by its owner only.
     *
     * @throws java.nio.file.FileAlreadyExistsException when the file exists
     */
    public static Passphrase generate(Path file) throws IOException {
        byte[] random = new byte[KeyMaterial.LENGTH];
        KeyMaterial.randomBytes(random);
        byte[] text = Base64.getUrlEncoder().withoutPadding().encode(random);
        Arrays.fill(random, (byte) 0);
        byte[] content = Arrays.copyOf(text, text.length + 1);
        content[text.length] = '\n';
        char[] chars = new char[text.length];
        for (int i = 0; i < text.length; i++) {
            chars[i] = (char) text[i];
        }
        try {
            SecureFiles.createNew(file, content);
        } finally {
            Arrays.fill(text, (byte) 0);
            Arrays.fill(content, (byte) 0);
        }
        return new Passphrase(chars, Passphrase.Source.GENERATED_FILE, file);
    }

    private static Passphrase read(Path file, Passphrase.Source source) throws UnreadablePassphraseException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
            if (source == Passphrase.Source.FILE && SecureFiles.readableByOthers(file)) {
                LOG.log(System.Logger.Level.WARNING, "The passphrase file " + file + " can be read by other users:"
                        + " make it readable by the CRM's user only (chmod 600)");
            }
        } catch (NoSuchFileException e) {
            throw new UnreadablePassphraseException("the passphrase file " + file + " does not exist");
        } catch (IOException e) {
            throw new UnreadablePassphraseException("the passphrase file " + file + " cannot be read ("
                    + e.getClass().getSimpleName() + ")");
        }
        CharBuffer decoded = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes));
        Arrays.fill(bytes, (byte) 0);
        int end = decoded.limit();
        while (end > 0 && Character.isWhitespace(decoded.get(end - 1))) {
            end--;
        }
        char[] chars = new char[end];
        decoded.get(chars, 0, end);
        if (decoded.hasArray()) {
            Arrays.fill(decoded.array(), '\0');
        }
        if (chars.length == 0) {
            throw new UnreadablePassphraseException("the passphrase file " + file + " is empty");
        }
        return new Passphrase(chars, source, file);
    }

    /** A configured passphrase file cannot give a passphrase; the message says why, without secrets. */
    public static final class UnreadablePassphraseException extends Exception {

        private static final long serialVersionUID = 1L;

        UnreadablePassphraseException(String message) {
            super(message);
        }
    }
}
