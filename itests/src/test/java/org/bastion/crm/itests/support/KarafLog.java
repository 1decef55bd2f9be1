package org.bastion.crm.itests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

/**
 * The container's own folders and its log: {@code ${karaf.data}}, {@code ${karaf.etc}} and {@code data/log}, where
 * {@code karaf.log} is written. Lets a check make sure that everything logged so far has reached the file.
 */
public final class KarafLog {

    private static final System.Logger LOG = System.getLogger(KarafLog.class.getName());

    private KarafLog() {
    }

    /** {@code ${karaf.data}} of the running container. */
    public static Path dataFolder() {
        return Path.of(required("karaf.data")).toAbsolutePath().normalize();
    }

    /** {@code ${karaf.etc}} of the running container. */
    public static Path etcFolder() {
        return Path.of(required("karaf.etc")).toAbsolutePath().normalize();
    }

    /** {@code ${karaf.base}} of the running container. */
    public static Path baseFolder() {
        return Path.of(required("karaf.base")).toAbsolutePath().normalize();
    }

    /** The folder of {@code karaf.log}: {@code ${karaf.log}}, by default {@code ${karaf.data}/log}. */
    public static Path logFolder() {
        String configured = System.getProperty("karaf.log");
        return configured == null || configured.isBlank() ? dataFolder().resolve("log") : Path.of(configured);
    }

    /**
     * Logs a unique line through the same logging the CRM bundles use (System.Logger, routed to Pax Logging) and
     * waits until it is in {@code karaf.log}: every line logged before it has been written by then.
     */
    public static void flush() {
        String sentinel = "crm-itests log sentinel " + UUID.randomUUID();
        LOG.log(Level.INFO, sentinel);
        Path log = logFolder().resolve("karaf.log");
        Await.until("the line '" + sentinel + "' in " + log, Duration.ofSeconds(30), () -> read(log),
                text -> text.contains(sentinel));
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set: not inside Karaf?");
        }
        return value;
    }
}
