package org.bastion.crm.crypto.internal.master;

import java.nio.file.Path;
import java.util.Arrays;

/** A keystore passphrase and where it came from; {@link #wipe()} zeroes it. */
public final class Passphrase {

    /** Where a passphrase comes from. */
    public enum Source {
        /** The environment variable {@value PassphraseResolver#ENVIRONMENT_VARIABLE}. */
        ENVIRONMENT,
        /** The configured passphrase file. */
        FILE,
        /** The file generated at first boot beside the keystore: it protects nothing against a copy of the folder. */
        GENERATED_FILE,
        /** Typed by an operator ({@code crm:key-unlock} or the REST API). */
        TYPED
    }

    private final char[] chars;
    private final Source source;
    private final Path file;

    /** Takes ownership of {@code chars}. */
    public Passphrase(char[] chars, Source source, Path file) {
        this.chars = chars;
        this.source = source;
        this.file = file;
    }

    /** The characters; valid until {@link #wipe()}. */
    public char[] chars() {
        return chars;
    }

    public Source source() {
        return source;
    }

    /** Whether this is the generated passphrase stored beside the keystore. */
    public boolean unprotected() {
        return source == Source.GENERATED_FILE;
    }

    /** Where it came from, for operators: never the passphrase itself. */
    public String describe() {
        return switch (source) {
            case ENVIRONMENT -> PassphraseResolver.ENVIRONMENT_VARIABLE;
            case FILE -> "file " + file;
            case GENERATED_FILE -> "the generated file " + file;
            case TYPED -> "an operator";
        };
    }

    /** A copy with its own characters, wiped separately. */
    public Passphrase copy() {
        return new Passphrase(Arrays.copyOf(chars, chars.length), source, file);
    }

    /** Zeroes the characters. */
    public void wipe() {
        Arrays.fill(chars, '\0');
    }
}
