package org.bastion.crm.audit.internal.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    private static final String TRICKY = "a\"b\\c/d\be\ff\ng\rh\ti\u0001j\u001fk\u007fl é 漢 😀 \u2028 end";

    @Test
    void writesWhatJqCompactSortedPrints() throws Exception {
        Map<String, Object> value = Map.of("z", TRICKY, "a", List.of("x", Map.of("b", "1", "B", "2")), "seq", 42L,
                "é", "accent", "A", "");
        String ours = CanonicalJson.write(value);

        assertThat(jq(ours + "\n")).isEqualTo(ours + "\n");
    }

    @Test
    void anEntryHashIsTheSha256OfWhatJqPrintsWithoutTheHash() throws Exception {
        EntryRow row = new EntryRow(7, null, Instant.parse("2026-12-01T10:00:00.000001Z"), "u-1", "ada", "rest",
                "192.0.2.1", "contact.updated", "contact", "c-1", "success", CanonicalJson.write(Map.of("note", TRICKY)),
                "[]", null, null).chained(1, EntryForm.GENESIS);
        String canonical = jq("", "-cS", "del(.hash)", EntryForm.exportLine(row) + "\n");

        assertThat(canonical).isEqualTo(EntryForm.canonical(row) + "\n");
        assertThat(EntryForm.sha256Hex(canonical)).isEqualTo(row.entryHash());
    }

    @Test
    void cleanReplacesNulAndUnpairedSurrogatesOnly() {
        assertThat(CanonicalJson.clean("a\u0000b\ud800c\udc00d😀")).isEqualTo("a\ufffdb\ufffdc\ufffdd😀");
        String kept = "plain é 😀";
        assertThat(CanonicalJson.clean(kept)).isSameAs(kept);
    }

    private static String jq(String input) throws IOException, InterruptedException {
        return jq("", "-cS", ".", input);
    }

    private static String jq(String unused, String flags, String filter, String input)
            throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder("jq", flags, filter).start();
        } catch (IOException noJq) {
            assumeTrue(false, "jq is not installed");
            throw noJq;
        }
        process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).isZero();
        return out;
    }
}
