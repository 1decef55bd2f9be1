package org.bastion.crm.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Manifest;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import aQute.bnd.differ.Baseline;
import aQute.bnd.differ.DiffPluginImpl;
import aQute.bnd.header.Attrs;
import aQute.bnd.header.Parameters;
import aQute.bnd.osgi.EmbeddedResource;
import aQute.bnd.osgi.Instructions;
import aQute.bnd.osgi.Jar;
import aQute.bnd.osgi.Processor;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A copy of a baseline jar with deliberate API changes (classes recompiled from given sources, export versions
 * rewritten), compared with the original by bnd's {@link Baseline} as bnd-baseline-maven-plugin does.
 */
final class ChangedApi {

    private final Path baselineJar;
    private final Path work;
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final Map<String, String> exportVersions = new HashMap<>();
    private final Set<String> dropped = new HashSet<>();

    private ChangedApi(Path baselineJar, Path work) {
        this.baselineJar = baselineJar;
        this.work = work;
    }

    /** Starts from the committed baseline jar of a module, changes made under {@code work}. */
    static ChangedApi of(Path baselineJar, Path work) {
        assertThat(baselineJar).as("committed baseline jar").isRegularFile();
        return new ChangedApi(baselineJar, work);
    }

    /** Replaces a type by one compiled from {@code source} (compiled against the baseline jar itself). */
    ChangedApi withType(String className, String source) {
        sources.put(className, source);
        return this;
    }

    /** Declares a package at another version in Export-Package, as a bumped (or lowered) {@code @Version} would. */
    ChangedApi withExportVersion(String packageName, String version) {
        exportVersions.put(packageName, version);
        return this;
    }

    /** Stops exporting a package (its classes stay in the jar). */
    ChangedApi withoutExport(String packageName) {
        dropped.add(packageName);
        return this;
    }

    /** What {@link ExportedVersions} finds wrong with the changed copy against the baseline. */
    List<String> exportRegressions() throws Exception {
        try (Jar older = new Jar(baselineJar.toFile()); Jar newer = new Jar(baselineJar.toFile())) {
            compileInto(newer);
            rewriteExports(newer);
            return ExportedVersions.regressions(newer, older);
        }
    }

    /** bnd's verdict on every exported package of the changed copy against the baseline. */
    Set<Baseline.Info> baseline() throws Exception {
        try (Jar older = new Jar(baselineJar.toFile()); Jar newer = new Jar(baselineJar.toFile());
             Processor reporter = new Processor()) {
            compileInto(newer);
            rewriteExports(newer);
            Set<Baseline.Info> infos = new Baseline(reporter, new DiffPluginImpl())
                    .baseline(newer, older, new Instructions("*"));
            assertThat(reporter.getErrors()).as("bnd errors").isEmpty();
            return infos;
        }
    }

    /** The verdict on one package. */
    Baseline.Info baselineOf(String packageName) throws Exception {
        return baseline().stream().filter(info -> info.packageName.equals(packageName)).findFirst()
                .orElseThrow(() -> new AssertionError(packageName + " is not exported by " + baselineJar));
    }

    private void compileInto(Jar jar) throws IOException {
        if (sources.isEmpty()) {
            return;
        }
        Path src = Files.createDirectories(work.resolve("src"));
        Path classes = Files.createDirectories(work.resolve("classes"));
        List<String> args = new ArrayList<>(List.of("--release", "17", "-d", classes.toString(), "-classpath",
                baselineJar + File.pathSeparator + jarOf(ProviderType.class)));
        for (Map.Entry<String, String> type : sources.entrySet()) {
            Path file = src.resolve(type.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, type.getValue());
            args.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac).as("a JDK compiler").isNotNull();
        assertThat(javac.run(null, null, null, args.toArray(String[]::new))).as("javac exit status").isZero();
        for (String type : sources.keySet()) {
            String entry = type.replace('.', '/') + ".class";
            jar.putResource(entry, new EmbeddedResource(Files.readAllBytes(classes.resolve(entry)), 0L));
        }
    }

    private void rewriteExports(Jar jar) throws Exception {
        if (exportVersions.isEmpty() && dropped.isEmpty()) {
            return;
        }
        Manifest manifest = jar.getManifest();
        Parameters exports = new Parameters(manifest.getMainAttributes().getValue("Export-Package"));
        for (Map.Entry<String, String> change : exportVersions.entrySet()) {
            Attrs attrs = exports.get(change.getKey());
            assertThat(attrs).as("export of " + change.getKey()).isNotNull();
            attrs.put("version", change.getValue());
        }
        dropped.forEach(exports::remove);
        manifest.getMainAttributes().putValue("Export-Package", exports.toString());
        jar.setManifest(manifest);
    }

    private static String jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
