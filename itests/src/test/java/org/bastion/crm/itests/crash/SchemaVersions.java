package org.bastion.crm.itests.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * The schema migrations each CRM bundle ships ({@code db/<component>/V<n>__*.sql} in its jar under {@code system/})
 * and those the database recorded as applied ({@code crm_schema_version}), read through the Karaf console
 * ({@code jdbc:query} over SSH with {@code bin/client}, as an operator would; the admin logs in with password and a
 * one-time code). After a crash every component must be at its version with every migration applied once.
 */
public final class SchemaVersions {

    private static final Pattern SCRIPT = Pattern.compile("db/([^/]+)/V(\\d+)__[^/]*\\.sql");
    private static final String QUERY = "SELECT component, version FROM crm_schema_version";

    private SchemaVersions() {
    }

    /** Component to the versions of its migration scripts, read from the CRM bundles of the distribution. */
    public static Map<String, TreeSet<Integer>> shipped(RuntimeFolder folder) {
        Map<String, TreeSet<Integer>> result = new TreeMap<>();
        try (Stream<Path> jars = Files.walk(folder.home().resolve("system/org/bastion"))) {
            for (Path jar : (Iterable<Path>) jars.filter(path -> path.toString().endsWith(".jar"))::iterator) {
                try (ZipFile zip = new ZipFile(jar.toFile())) {
                    zip.stream().forEach(entry -> {
                        Matcher script = SCRIPT.matcher(entry.getName());
                        if (script.matches()) {
                            result.computeIfAbsent(script.group(1), c -> new TreeSet<>())
                                    .add(Integer.parseInt(script.group(2)));
                        }
                    });
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CRM bundles of " + folder, e);
        }
        if (result.isEmpty()) {
            throw new IllegalStateException("no migration script found in the CRM bundles of " + folder);
        }
        return result;
    }

    /**
     * Component to the versions the database recorded, as {@code jdbc:query} in the console shows them; {@code code}
     * is the admin's second factor for this login (a TOTP or recovery code).
     */
    public static Map<String, List<Integer>> applied(CrashRuntime runtime, String code) {
        Path home = runtime.folder().home();
        Path output = home.resolve("crash-schema-query.txt");
        ProcessBuilder client = new ProcessBuilder(home.resolve("bin/client").toString(), "-a",
                Integer.toString(runtime.sshPort()), "-h", "127.0.0.1", "-u", "admin", "-p",
                runtime.adminPassword() + code, "-b")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        client.environment().put("JAVA_HOME", System.getProperty("java.home"));
        try {
            Process process = client.start();
            process.getOutputStream().write(("q = \"" + QUERY + "\"\njdbc:query crm $q\n").getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("bin/client did not end within 2 minutes");
            }
            return parse(Files.readString(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run bin/client", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running bin/client", e);
        }
    }

    /** Differences between what the bundles ship and what the database recorded (empty: consistent). */
    public static List<String> differences(Map<String, TreeSet<Integer>> shipped, Map<String, List<Integer>> applied) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, TreeSet<Integer>> component : new TreeMap<>(shipped).entrySet()) {
            List<Integer> recorded = new ArrayList<>(applied.getOrDefault(component.getKey(), List.of()));
            recorded.sort(null);
            if (!recorded.equals(new ArrayList<>(component.getValue()))) {
                problems.add(component.getKey() + " ships migrations " + component.getValue()
                        + " but the database recorded " + recorded);
            }
        }
        return problems;
    }

    /** Parses the table {@code jdbc:query} prints (columns COMPONENT and VERSION in either order). */
    static Map<String, List<Integer>> parse(String output) {
        List<String> lines = output.lines().map(line -> line.replaceAll("\u001B\\[[0-9;]*m", "")).toList();
        int header = -1;
        for (int i = 0; i < lines.size(); i++) {
            String upper = lines.get(i).toUpperCase();
            if (upper.contains("COMPONENT") && upper.contains("VERSION") && upper.contains("|")) {
                header = i;
                break;
            }
        }
        if (header < 0) {
            throw new AssertionError("jdbc:query printed no table of crm_schema_version: " + output);
        }
        List<String> columns = cells(lines.get(header)).stream().map(String::toUpperCase).toList();
        int componentColumn = columns.indexOf("COMPONENT");
        int versionColumn = columns.indexOf("VERSION");
        Map<String, List<Integer>> result = new TreeMap<>();
        for (String line : lines.subList(header + 1, lines.size())) {
            List<String> cells = cells(line);
            if (cells.size() != columns.size() || line.startsWith("-")) {
                continue;
            }
            result.computeIfAbsent(cells.get(componentColumn), c -> new ArrayList<>())
                    .add(Integer.parseInt(cells.get(versionColumn)));
        }
        return result;
    }

    private static List<String> cells(String line) {
        return Stream.of(line.split("\\|")).map(String::trim).toList();
    }
}
