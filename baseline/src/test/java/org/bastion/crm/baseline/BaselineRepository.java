package org.bastion.crm.baseline;

import java.nio.file.Path;

/** Where the build keeps things: the repository root and the committed baseline repository in it. */
final class BaselineRepository {

    private BaselineRepository() {
    }

    /** The repository root (surefire passes it as {@code crm.root}). */
    static Path root() {
        return Path.of(System.getProperty("crm.root", "..")).toAbsolutePath().normalize();
    }

    /** The baseline version every baselined module is compared with (the root pom's {@code crm.baseline.version}). */
    static String version() {
        String version = System.getProperty("crm.baseline.version");
        if (version == null || version.isBlank()) {
            throw new IllegalStateException("crm.baseline.version is not set: run the tests through Maven");
        }
        return version;
    }

    /** The version this build gives its artifacts (the jars are {@code <artifactId>-<version>.jar}). */
    static String projectVersion() {
        return System.getProperty("crm.project.version", "0.1.0-SNAPSHOT");
    }

    /** The committed baseline jar of a module, e.g. {@code crm-api}. */
    static Path jarOf(String artifactId) {
        return root().resolve("baseline-repo/org/bastion/crm").resolve(artifactId).resolve(version())
                .resolve(artifactId + "-" + version() + ".jar");
    }
}
