package org.bastion.crm.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.bastion.crm.api.Page;
import org.junit.jupiter.api.Test;

class ShellTableTest {

    @Test
    void neutralisesTerminalEscapeSequencesInStoredText() {
        assertThat(ShellTable.cell("evil\u001b[2J")).isEqualTo("evil\\u001B[2J");
    }

    @Test
    void putsACellOnOneLine() {
        assertThat(ShellTable.cell("line one\r\nline two\tend")).isEqualTo("line one line two end");
        assertThat(ShellTable.cell(null)).isEmpty();
    }

    @Test
    void joinsAListInItsOwnOrderAsOneSafeCell() {
        assertThat(ShellTable.list(List.of("vip", "a\u001bb"))).isEqualTo("vip,a\\u001Bb");
        assertThat(ShellTable.list(null)).isEmpty();
    }

    @Test
    void countsPagesFromOneAndUsesTheSingularForOne() {
        assertThat(ShellTable.pageLine(new Page<>(List.of("x"), 1, 0, 20), "contact", "contacts"))
                .isEqualTo("page 1 of 1, 1 contact");
        assertThat(ShellTable.pageLine(new Page<>(List.of("x"), 41, 2, 20), "contact", "contacts"))
                .isEqualTo("page 3 of 3, 41 contacts");
    }

    @Test
    void printsEveryRowWithItsCellsMadeSafeAndThePageLineUnderneath() {
        UUID id = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
        ShellTable table = ShellTable.empty("no deals").column("ID").column("Title", 30)
                .row(id, "Big\u001b[2J deal\nsecond line");

        String printed = print(out -> table.print(out, new Page<>(List.of("x"), 1, 0, 20), "deal", "deals"));

        assertThat(printed).contains(id.toString()).contains("Big\\u001B[2J deal second").doesNotContain("\u001b")
                .doesNotContain("deal\nsecond").endsWith("page 1 of 1, 1 deal" + System.lineSeparator());
    }

    @Test
    void printsTheEmptyTextWhenThereAreNoRows() {
        assertThat(print(ShellTable.empty("no deals").column("ID")::print)).contains("no deals");
    }

    private static String print(java.util.function.Consumer<PrintStream> printer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            printer.accept(out);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
