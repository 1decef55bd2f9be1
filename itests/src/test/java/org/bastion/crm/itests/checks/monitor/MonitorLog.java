package org.bastion.crm.itests.checks.monitor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.bastion.crm.itests.support.KarafLog;

/** The lines of {@code karaf.log} the monitoring configuration writes. */
final class MonitorLog {

    static final String APPLIED = "Monitoring configuration org.bastion.crm.monitor applied";
    static final String REFUSED = "Monitoring configuration org.bastion.crm.monitor refused";

    private MonitorLog() {
    }

    /** Every line of karaf.log containing {@code text}, after a flush. */
    static List<String> lines(String text) {
        KarafLog.flush();
        Path log = KarafLog.logFolder().resolve("karaf.log");
        try {
            return Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(line -> line.contains(text))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
