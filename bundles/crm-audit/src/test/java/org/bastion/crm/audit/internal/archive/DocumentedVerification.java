package org.bastion.crm.audit.internal.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs the offline verification block of docs/audit.md, exactly as documented, on a file copied as audit.ndjson. */
final class DocumentedVerification {

    private static final Pattern BLOCK = Pattern.compile("<!-- offline-verification -->\\s*\\n```sh\\n(.*?)\\n```",
            Pattern.DOTALL);

    private DocumentedVerification() {
    }

    /** What the script printed and its exit status. */
    record Result(int exit, String output) {
    }

    static Result run(Path file, Path workDir) throws IOException, InterruptedException {
        Files.copy(file, workDir.resolve("audit.ndjson"));
        Process process;
        try {
            process = new ProcessBuilder("sh", "-c", script()).directory(workDir.toFile()).redirectErrorStream(true)
                    .start();
        } catch (IOException noShell) {
            assumeTrue(false, "no sh");
            throw noShell;
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), output);
    }

    private static String script() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !(Files.isRegularFile(root.resolve("docs/audit.md"))
                && Files.isRegularFile(root.resolve("mvnw")))) {
            root = root.getParent();
        }
        assertThat(root).as("docs/audit.md above the working directory").isNotNull();
        Matcher block = BLOCK.matcher(Files.readString(root.resolve("docs/audit.md"), StandardCharsets.UTF_8));
        assertThat(block.find()).as("the offline verification block of docs/audit.md").isTrue();
        return block.group(1);
    }
}
