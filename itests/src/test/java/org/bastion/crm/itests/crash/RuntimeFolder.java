package org.bastion.crm.itests.crash;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.bastion.crm.itests.support.CrmContainer;

/**
 * The built CRM distribution unpacked once for a crash suite under {@code target/exam/<suite>/<uuid>} (where
 * {@code KeepFailedRuntimes} keeps it when the suite fails), with its own ports and settings written into {@code etc}.
 * Every start of the suite's Karaf process runs on this one folder and its data.
 */
public final class RuntimeFolder {

    /** The system property Failsafe sets to the distribution archive the reactor built. */
    public static final String DISTRIBUTION_PROPERTY = "crm.itest.distribution";

    private final Path home;

    private RuntimeFolder(Path home) {
        this.home = home;
    }

    /** Unpacks the distribution named by {@value #DISTRIBUTION_PROPERTY} into a new folder of {@code suiteName}. */
    public static RuntimeFolder unpack(String suiteName) {
        String archive = System.getProperty(DISTRIBUTION_PROPERTY);
        if (archive == null || archive.isBlank() || archive.startsWith("${") || !Files.isRegularFile(Path.of(archive))) {
            throw new IllegalStateException("System property " + DISTRIBUTION_PROPERTY + " names no distribution archive ("
                    + archive + "): run the suite through Maven (./mvnw verify builds karaf-distribution first)");
        }
        Path target = CrmContainer.examDirectory().toPath().resolve(suiteName).resolve(UUID.randomUUID().toString());
        try (ZipFile zip = new ZipFile(archive)) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                String name = entry.getName();
                int slash = name.indexOf('/');
                Path out = target.resolve(name.substring(slash + 1)).normalize();
                if (!out.startsWith(target)) {
                    throw new IllegalStateException("archive entry outside the folder: " + name);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            try (Stream<Path> scripts = Files.list(target.resolve("bin"))) {
                scripts.filter(Files::isRegularFile).forEach(script -> script.toFile().setExecutable(true, true));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + archive + " into " + target, e);
        }
        return new RuntimeFolder(target);
    }

    /** {@code KARAF_HOME}. */
    public Path home() {
        return home;
    }

    /** The {@code etc} folder. */
    public Path etc() {
        return home.resolve("etc");
    }

    /** The Karaf log, {@code data/log/karaf.log}. */
    public Path karafLog() {
        return home.resolve("data").resolve("log").resolve("karaf.log");
    }

    /** Sets {@code key = value} in {@code etc/<file>}: replaces the line that sets it (commented or not), or appends. */
    public void put(String file, String key, String value) {
        Path cfg = etc().resolve(file);
        Pattern setting = Pattern.compile("^\\s*#?\\s*" + Pattern.quote(key) + "\\s*[=:].*$");
        try {
            List<String> lines = Files.exists(cfg) ? Files.readAllLines(cfg, StandardCharsets.ISO_8859_1) : List.of();
            List<String> result = new ArrayList<>();
            boolean replaced = false;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (!replaced && setting.matcher(line).matches()) {
                    result.add(key + " = " + value);
                    replaced = true;
                    // a value continued over several lines ends with the first line that has no trailing backslash
                    while (line.endsWith("\\") && i + 1 < lines.size()) {
                        line = lines.get(++i);
                    }
                } else {
                    result.add(line);
                }
            }
            if (!replaced) {
                result.add(key + " = " + value);
            }
            Files.write(cfg, result, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot edit " + cfg, e);
        }
    }

    /** The value {@code etc/<file>} sets for {@code key} (the first uncommented line), or null. */
    public String get(String file, String key) {
        Pattern setting = Pattern.compile("^\\s*" + Pattern.quote(key) + "\\s*[=:]\\s*(.*)$");
        try {
            for (String line : Files.readAllLines(etc().resolve(file), StandardCharsets.ISO_8859_1)) {
                var matcher = setting.matcher(line);
                if (matcher.matches()) {
                    return matcher.group(1).trim();
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read etc/" + file, e);
        }
    }

    @Override
    public String toString() {
        return home.toString();
    }
}
