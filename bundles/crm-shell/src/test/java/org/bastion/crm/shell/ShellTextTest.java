package org.bastion.crm.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class ShellTextTest {

    @Test
    void aCellIsOneLineWithoutTerminalEscapes() {
        assertThat(ShellText.cell("a\u0007b\tc\r\nd")).isEqualTo("a?b c  d");
        assertThat(ShellText.cell("a\u001b[2Jb\nc\td")).isEqualTo("a?[2Jb c d");
        assertThat(ShellText.cell(null)).isEmpty();
    }

    @Test
    void textKeepsLineBreaksAndTabsButNoOtherControlCharacter() {
        assertThat(ShellText.text("Ann\u001b]0;pwned\u0007 Archer")).isEqualTo("Ann?]0;pwned? Archer");
        assertThat(ShellText.text("line one\r\nline two\tend")).isEqualTo("line one\nline two\tend");
        assertThat(ShellText.text("lone\rreturn")).isEqualTo("lone?return");
        assertThat(ShellText.text(null)).isEmpty();
    }

    @Test
    void printsTimestampsInUtcAndNullsAsNothing() {
        assertThat(ShellText.timestamp(Instant.parse("2025-01-31T14:05:09.123Z"))).isEqualTo("2025-01-31 14:05:09Z");
        assertThat(ShellText.timestamp(null)).isEmpty();
    }

    @Test
    void sortsAndJoinsListsOfCells() {
        assertThat(ShellText.sortedList(List.of("sales", "admin"))).isEqualTo("admin,sales");
        assertThat(ShellText.sortedList(List.of("b\u001bx", "a"))).isEqualTo("a,b?x");
        assertThat(ShellText.sortedList(List.of())).isEmpty();
    }
}
