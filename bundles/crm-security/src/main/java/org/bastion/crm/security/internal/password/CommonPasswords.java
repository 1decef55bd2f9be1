package org.bastion.crm.security.internal.password;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The list of the most common passwords a new password must not be: the first 10,000 of the zxcvbn 4.4.2 frequency list
 * (MIT), shipped as {@code common-passwords.txt} next to this class.
 */
public final class CommonPasswords {

    /** The resource holding the shipped list, one password per line, lines starting with '#' being comments. */
    public static final String RESOURCE = "common-passwords.txt";

    private CommonPasswords() {
    }

    /** The shipped list, lower case. */
    public static Set<String> shipped() {
        try (InputStream in = CommonPasswords.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the common password list " + RESOURCE + " is missing from the bundle");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("the common password list " + RESOURCE + " cannot be read", e);
        }
    }

    /** Reads a list in the shipped format (UTF-8, one per line, '#' comments and blank lines skipped), lower-casing it. */
    public static Set<String> read(InputStream in) throws IOException {
        Set<String> passwords = new HashSet<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    passwords.add(line.toLowerCase(Locale.ROOT));
                }
            }
        }
        return Set.copyOf(passwords);
    }
}
