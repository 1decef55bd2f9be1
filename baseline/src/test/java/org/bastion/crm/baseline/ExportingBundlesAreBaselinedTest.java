package org.bastion.crm.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import aQute.bnd.osgi.Jar;
import org.junit.jupiter.api.Test;

/**
 * Every bundle this build made that exports packages was baselined by this build: a report in target/baseline/ no
 * older than the jar. A module that exports packages with {@code crm.baseline.skip} left true fails here, and so does
 * one whose baselining was skipped silently. Runs last in the reactor, after every bundle's verify phase.
 */
class ExportingBundlesAreBaselinedTest {

    @Test
    void everyBundleThatExportsPackagesHasABaselineReportFromThisBuild() throws IOException {
        List<Path> exporting = exportingJars();

        assertThat(exporting).as("bundles that export packages (crm-api must have been built by this build)")
                .anySatisfy(jar -> assertThat(jar.getFileName().toString()).startsWith("crm-api-"));
        List<String> unbaselined = new ArrayList<>();
        for (Path jar : exporting) {
            if (!hasFreshReport(jar)) {
                unbaselined.add(BaselineRepository.root().relativize(jar).toString());
            }
        }
        assertThat(unbaselined).as("bundles exporting packages without a baseline report from this build: set "
                + "<crm.baseline.skip>false</crm.baseline.skip> in their pom and record a baseline "
                + "(baseline/record.sh, docs/api-versioning.md)").isEmpty();
    }

    @Test
    void noBaselinedBundleDropsAnExportedPackageOrMovesItsVersionDown() throws Exception {
        List<String> regressions = new ArrayList<>();
        for (Path jar : exportingJars()) {
            Optional<Path> baseline = baselineOf(jar);
            if (baseline.isPresent()) {
                try (Jar built = new Jar(jar.toFile()); Jar base = new Jar(baseline.get().toFile())) {
                    ExportedVersions.regressions(built, base)
                            .forEach(problem -> regressions.add(jar.getFileName() + ": " + problem));
                }
            }
        }
        assertThat(regressions).as("against baseline-repo/").isEmpty();
    }

    /** The committed baseline of a built jar named {@code <artifactId>-<project version>.jar}, if one was recorded. */
    private static Optional<Path> baselineOf(Path jar) {
        String name = jar.getFileName().toString();
        String suffix = "-" + BaselineRepository.projectVersion() + ".jar";
        if (!name.endsWith(suffix)) {
            return Optional.empty();
        }
        String artifactId = name.substring(0, name.length() - suffix.length());
        return Optional.of(BaselineRepository.jarOf(artifactId)).filter(Files::isRegularFile);
    }

    /** The bundle jars under bundles/ and samples/ whose manifest exports at least one package. */
    private static List<Path> exportingJars() throws IOException {
        List<Path> jars = new ArrayList<>();
        for (String area : List.of("bundles", "samples")) {
            Path dir = BaselineRepository.root().resolve(area);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> found = Files.find(dir, 5, (path, attrs) -> attrs.isRegularFile()
                    && path.getParent().getFileName().toString().equals("target")
                    && path.getFileName().toString().endsWith(".jar")
                    && !path.getFileName().toString().matches(".*-(sources|tests|javadoc)\\.jar"))) {
                for (Path jar : (Iterable<Path>) found::iterator) {
                    if (exportPackage(jar).isPresent()) {
                        jars.add(jar);
                    }
                }
            }
        }
        return jars;
    }

    private static Optional<String> exportPackage(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            if (file.getManifest() == null) {
                return Optional.empty();
            }
            return Optional.ofNullable(file.getManifest().getMainAttributes().getValue("Export-Package"))
                    .filter(value -> !value.isBlank());
        }
    }

    private static boolean hasFreshReport(Path jar) throws IOException {
        Path reports = jar.getParent().resolve("baseline");
        if (!Files.isDirectory(reports)) {
            return false;
        }
        FileTime built = Files.getLastModifiedTime(jar);
        try (Stream<Path> files = Files.list(reports)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".txt"))
                    .anyMatch(report -> modified(report).compareTo(built) >= 0);
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
