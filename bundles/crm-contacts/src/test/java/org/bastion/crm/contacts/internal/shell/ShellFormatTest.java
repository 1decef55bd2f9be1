package org.bastion.crm.contacts.internal.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.bastion.crm.api.Page;
import org.bastion.crm.shell.ShellText;
import org.junit.jupiter.api.Test;

class ShellFormatTest {

    @Test
    void neutralisesTerminalEscapeSequencesInStoredText() {
        assertThat(ShellText.text("Ann\u001b]0;pwned\u0007 Archer")).isEqualTo("Ann\\u001B]0;pwned\\u0007 Archer");
        assertThat(ShellFormat.cell("evil\u001b[2J")).isEqualTo("evil\\u001B[2J");
    }

    @Test
    void keepsLineBreaksInTextButPutsACellOnOneLine() {
        assertThat(ShellText.text("line one\r\nline two\tend")).isEqualTo("line one\nline two\tend");
        assertThat(ShellFormat.cell("line one\r\nline two\tend")).isEqualTo("line one line two end");
    }

    @Test
    void printsTimestampsInUtcAndNullsAsNothing() {
        assertThat(ShellText.timestamp(Instant.parse("2025-01-31T14:05:09.123Z"))).isEqualTo("2025-01-31 14:05:09Z");
        assertThat(ShellText.timestamp(null)).isEmpty();
        assertThat(ShellText.text(null)).isEmpty();
    }

    @Test
    void countsPagesFromOneAndUsesTheSingularForOne() {
        assertThat(ShellFormat.pageLine(new Page<>(List.of("x"), 1, 0, 20), "contact", "contacts"))
                .isEqualTo("page 1 of 1, 1 contact");
        assertThat(ShellFormat.pageLine(new Page<>(List.of("x"), 41, 2, 20), "contact", "contacts"))
                .isEqualTo("page 3 of 3, 41 contacts");
    }
}
