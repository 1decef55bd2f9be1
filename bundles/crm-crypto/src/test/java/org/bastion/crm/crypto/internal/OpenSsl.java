package org.bastion.crm.crypto.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the {@code openssl} command line, when installed, for tests that check our output with a third party's tool. */
final class OpenSsl {

    /** What a run printed (stdout and stderr together) and its exit code. */
    record Result(int exitCode, String output) {
    }

    private OpenSsl() {
    }

    /** Whether {@code openssl version} runs. */
    static boolean available() {
        try {
            return run("version").exitCode() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** Runs {@code openssl} with {@code arguments}, waiting at most 30 s. */
    static Result run(String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("openssl did not finish in 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
