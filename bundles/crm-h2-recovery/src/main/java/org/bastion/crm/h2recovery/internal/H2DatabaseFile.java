package org.bastion.crm.h2recovery.internal;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The MVStore file ({@code <name>.mv.db}) an embedded H2 JDBC URL opens, if it names one this bundle can recover:
 * {@code jdbc:h2:file:<path>} or {@code jdbc:h2:<path>} with an absolute, {@code ./}, {@code ../} or {@code ~/} path.
 * In-memory, remote ({@code tcp:}, {@code ssl:}), other file systems and encrypted files ({@code CIPHER=}) name none.
 */
final class H2DatabaseFile {

    private static final String PREFIX = "jdbc:h2:";
    private static final String FILE_PREFIX = "file:";
    private static final String SUFFIX = ".mv.db";

    private H2DatabaseFile() {
    }

    /** The {@code .mv.db} file {@code url} opens, or empty when it opens none this bundle can recover. */
    static Optional<Path> of(String url) {
        if (url == null || !url.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return Optional.empty();
        }
        String rest = url.substring(PREFIX.length());
        int settings = rest.indexOf(';');
        String name = settings < 0 ? rest : rest.substring(0, settings);
        if (settings >= 0 && rest.substring(settings).toUpperCase(Locale.ROOT).contains(";CIPHER=")) {
            return Optional.empty();
        }
        if (name.regionMatches(true, 0, FILE_PREFIX, 0, FILE_PREFIX.length())) {
            name = name.substring(FILE_PREFIX.length());
        } else if (!(name.startsWith("/") || name.startsWith("./") || name.startsWith("../") || name.startsWith("~/"))) {
            return Optional.empty();
        }
        if (name.isEmpty()) {
            return Optional.empty();
        }
        if (name.startsWith("~/")) {
            name = System.getProperty("user.home") + name.substring(1);
        }
        return Optional.of(Path.of(name + SUFFIX).toAbsolutePath().normalize());
    }
}
