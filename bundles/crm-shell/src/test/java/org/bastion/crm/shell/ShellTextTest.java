package org.bastion.crm.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class ShellTextTest {

    @Test
    void aCellIsOneLineWithEveryOtherUnsafeCharacterEscapedVisibly() {
        assertThat(ShellText.cell("a\u0007b\tc\r\nd")).isEqualTo("a\\u0007b c  d");
        assertThat(ShellText.cell("a\u001b[2Jb\nc\td")).isEqualTo("a\\u001B[2Jb c d");
        assertThat(ShellText.cell(null)).isEmpty();
    }

    @Test
    void aCellEscapesNulDelC1ControlsAndUnicodeLineSeparators() {
        assertThat(ShellText.cell("a\u0000b\u007fc\u009bd\u0085e\u2028f")).isEqualTo(
                "a\\u0000b\\u007Fc\\u009Bd\\u0085e\\u2028f");
    }

    @Test
    void escapesBidirectionalOverridesAndIsolatesSoNoLineIsReordered() {
        assertThat(ShellText.cell("invoice\u202Efdp.exe")).isEqualTo("invoice\\u202Efdp.exe");
        assertThat(ShellText.cell("\u2066admin\u2069 \u202A\u202B\u202C\u202D"))
                .isEqualTo("\\u2066admin\\u2069 \\u202A\\u202B\\u202C\\u202D");
        assertThat(ShellText.text("note \u202E\n\u2067x")).isEqualTo("note \\u202E\n\\u2067x");
    }

    @Test
    void escapesUnpairedSurrogatesAndNoncharactersButKeepsEmojiAndEveryScript() {
        assertThat(ShellText.cell("\ud800x")).isEqualTo("\\uD800x");
        assertThat(ShellText.cell("x\uFFFE\uFDD0")).isEqualTo("x\\uFFFE\\uFDD0");
        assertThat(ShellText.cell("Zoë 😀 שרה 王伟 👩‍👩‍👧")).isEqualTo("Zoë 😀 שרה 王伟 👩‍👩‍👧");
        assertThat(ShellText.text("محمد\u200F\nΑθήνα")).isEqualTo("محمد\u200F\nΑθήνα");
    }

    @Test
    void textKeepsLineBreaksAndTabsButEscapesEveryOtherUnsafeCharacter() {
        assertThat(ShellText.text("Ann\u001b]0;pwned\u0007 Archer")).isEqualTo("Ann\\u001B]0;pwned\\u0007 Archer");
        assertThat(ShellText.text("line one\r\nline two\tend")).isEqualTo("line one\nline two\tend");
        assertThat(ShellText.text("lone\rreturn")).isEqualTo("lone\\u000Dreturn");
        assertThat(ShellText.text(null)).isEmpty();
    }

    @Test
    void escapingIsIdempotentSoTextEscapedTwiceReadsTheSame() {
        String once = ShellText.cell("a\u001bb\u202Ec");
        assertThat(ShellText.cell(once)).isEqualTo(once);
        assertThat(ShellText.text(once)).isEqualTo(once);
    }

    @Test
    void printsTimestampsInUtcAndNullsAsNothing() {
        assertThat(ShellText.timestamp(Instant.parse("2025-01-31T14:05:09.123Z"))).isEqualTo("2025-01-31 14:05:09Z");
        assertThat(ShellText.timestamp(null)).isEmpty();
    }

    @Test
    void sortsAndJoinsListsOfCells() {
        assertThat(ShellText.sortedList(List.of("sales", "admin"))).isEqualTo("admin,sales");
        assertThat(ShellText.sortedList(List.of("b\u001bx", "a"))).isEqualTo("a,b\\u001Bx");
        assertThat(ShellText.sortedList(List.of())).isEmpty();
    }
}
