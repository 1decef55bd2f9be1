package org.bastion.crm.itests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs PostgreSQL's own {@code pg_dump} on the suite's database, as an operator making a backup would, and returns
 * the plain SQL dump. Prefers the newest {@code /usr/lib/postgresql/<version>/bin/pg_dump}, then {@code /usr/bin/pg_dump}.
 */
public final class PgDump {

    /** The system properties (set in the container by the PostgreSQL suite) that name its database. */
    public static final String URL_PROPERTY = "crm.itest.pg.url";
    public static final String USER_PROPERTY = "crm.itest.pg.user";
    public static final String PASSWORD_PROPERTY = "crm.itest.pg.password";

    private static final long TIMEOUT_SECONDS = 120;

    private PgDump() {
    }

    /** The pg_dump program of this machine, if there is one. */
    public static Optional<Path> program() {
        Path versions = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(versions)) {
            try (Stream<Path> installed = Files.list(versions)) {
                Optional<Path> newest = installed.map(version -> version.resolve("bin/pg_dump"))
                        .filter(Files::isExecutable)
                        .max(Comparator.comparing(PgDump::majorVersion));
                if (newest.isPresent()) {
                    return newest;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + versions, e);
            }
        }
        Path wrapper = Path.of("/usr/bin/pg_dump");
        return Files.isExecutable(wrapper) ? Optional.of(wrapper) : Optional.empty();
    }

    /**
     * A plain-format dump (schema and data) of the database named by the {@code crm.itest.pg.*} system properties,
     * made with {@code program}; fails with pg_dump's own message when it does not succeed.
     */
    public static byte[] dump(Path program, Path workFolder) {
        String jdbcUrl = required(URL_PROPERTY);
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        String database = uri.getPath().substring(1);
        Path output = workFolder.resolve("crm-itest-pg_dump.sql");
        Path errors = workFolder.resolve("crm-itest-pg_dump.err");
        ProcessBuilder builder = new ProcessBuilder(List.of(program.toString(),
                "--host=" + (uri.getHost() == null ? "127.0.0.1" : uri.getHost()),
                "--port=" + (uri.getPort() < 0 ? 5432 : uri.getPort()),
                "--username=" + required(USER_PROPERTY),
                "--no-password",
                "--format=plain",
                "--dbname=" + database))
                .redirectOutput(output.toFile())
                .redirectError(errors.toFile());
        builder.environment().put("PGPASSWORD", required(PASSWORD_PROPERTY));
        try {
            Files.createDirectories(workFolder);
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(program + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError(program + " failed with exit code " + process.exitValue() + ": "
                        + Files.readString(errors, StandardCharsets.UTF_8));
            }
            return Files.readAllBytes(output);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + program, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + program + " ran", e);
        } finally {
            deleteQuietly(output);
            deleteQuietly(errors);
        }
    }

    private static int majorVersion(Path pgDump) {
        String version = pgDump.getParent().getParent().getFileName().toString();
        return version.matches("\\d+") ? Integer.parseInt(version) : 0;
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set in the container: the "
                    + "PostgreSQL suite passes its connection settings on (ContactsPostgresIT)");
        }
        return value;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a left-over dump in the runtime folder is deleted with it; say so rather than fail the check
            System.out.println("[crm-itests] could not delete " + file + ": " + e);
        }
    }
}
