package org.bastion.crm.itests.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.runner.Description;
import org.junit.runner.Result;
import org.junit.runner.notification.Failure;
import org.junit.runner.notification.RunListener;

/**
 * A JUnit listener (registered with Failsafe) that deletes the unpacked Karaf of every suite that passed and keeps,
 * and names, the one of every suite that failed, so its {@code data/log/karaf.log} can be read.
 */
public class KeepFailedRuntimes extends RunListener {

    private final Set<String> failedSuites = new HashSet<>();

    @Override
    public void testFailure(Failure failure) {
        Description description = failure.getDescription();
        if (description.getTestClass() != null) {
            failedSuites.add(description.getTestClass().getSimpleName());
        } else if (description.getClassName() != null) {
            String className = description.getClassName();
            failedSuites.add(className.substring(className.lastIndexOf('.') + 1));
        }
    }

    @Override
    public void testRunFinished(Result result) {
        File[] suiteFolders = CrmContainer.examDirectory().listFiles(File::isDirectory);
        if (suiteFolders == null) {
            return;
        }
        for (File suiteFolder : suiteFolders) {
            if (failedSuites.contains(suiteFolder.getName())) {
                System.out.println("[crm-itests] " + suiteFolder.getName() + " failed: its Karaf is kept in "
                        + suiteFolder + " (log: <uuid>/data/log/karaf.log)");
            } else {
                deleteRecursively(suiteFolder.toPath());
            }
        }
    }

    private static void deleteRecursively(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.out.println("[crm-itests] could not delete " + folder + ": " + e);
        }
    }
}
