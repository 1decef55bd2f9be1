package org.bastion.crm.api.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;

import org.bastion.crm.api.FieldError;
import org.bastion.crm.api.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeTextTest {

    private static UnsafeReason reason(String text, TextKind kind) {
        return SafeText.firstUnsafe(text, kind).map(UnsafeCharacter::reason).orElse(null);
    }

    private static String of(int codePoint) {
        return "a" + new String(Character.toChars(codePoint)) + "b";
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ann Archer", "Zoë O'Brien-Smith", "Łukasz Żółć", "Ἀριστοτέλης", "Мария Иванова",
        "שרה כהן", "محمد عبد الله", "김민준", "佐藤 花子", "王伟", "देवनागरी", "ஸ்ரீநிவாசன்", "ทักษิณ", "Ngũgĩ wa Thiong'o",
        "Nguyễn Thị Minh Khai", "Ꮳꮃꭹ", "ᐃᓄᒃᑎᑐᑦ", "አበበ ቢቂላ", "Jürgen Groß & Söhne GmbH", "O’Neil — “quoted” …", "€ 10 ±2 °C"})
    void acceptsNamesInManyScripts(String name) {
        assertThat(SafeText.firstUnsafe(name, TextKind.SINGLE_LINE)).isEmpty();
        assertThat(SafeText.escape(name)).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"😀", "👩‍👩‍👧‍👦", "🇩🇪", "👍🏽", "𝕏", "𠀋", "\uD83D\uDE00x", "x\uDBFF\uDFFD"})
    void acceptsWellFormedSupplementaryCharactersAndEmojiSequences(String text) {
        assertThat(SafeText.isSafe(text, TextKind.SINGLE_LINE)).isTrue();
        assertThat(SafeText.isSafe(text, TextKind.MULTI_LINE)).isTrue();
        assertThat(SafeText.escape(text)).isEqualTo(text);
    }

    @Test
    void acceptsNullAndEmptyText() {
        assertThat(SafeText.firstUnsafe(null, TextKind.SINGLE_LINE)).isEmpty();
        assertThat(SafeText.firstUnsafe("", TextKind.MULTI_LINE)).isEmpty();
        assertThat(SafeText.require("name", null, TextKind.SINGLE_LINE)).isNull();
        assertThat(SafeText.escape(null)).isEmpty();
    }

    @Test
    void refusesUnpairedSurrogatesWhereverTheyStand() {
        assertThat(SafeText.firstUnsafe("\ud800x", TextKind.SINGLE_LINE))
                .contains(new UnsafeCharacter(0, 0xD800, UnsafeReason.UNPAIRED_SURROGATE));
        assertThat(SafeText.firstUnsafe("ab\udfff", TextKind.MULTI_LINE))
                .contains(new UnsafeCharacter(2, 0xDFFF, UnsafeReason.UNPAIRED_SURROGATE));
        assertThat(reason("x\uDBFF", TextKind.SINGLE_LINE)).isEqualTo(UnsafeReason.UNPAIRED_SURROGATE);
        assertThat(reason("\uDC00\uD800", TextKind.SINGLE_LINE)).isEqualTo(UnsafeReason.UNPAIRED_SURROGATE);
        assertThat(reason("\uD800\uD800\uDC00", TextKind.SINGLE_LINE)).isEqualTo(UnsafeReason.UNPAIRED_SURROGATE);
        assertThat(reason("😀\uDE00", TextKind.SINGLE_LINE)).isEqualTo(UnsafeReason.UNPAIRED_SURROGATE);
    }

    @Test
    void refusesEveryC0AndC1ControlAndDelInBothKindsExceptLineBreaksAndTabWhereAllowed() {
        List<Integer> controls = IntStream.concat(IntStream.rangeClosed(0, 0x1F), IntStream.rangeClosed(0x7F, 0x9F))
                .boxed().toList();
        for (int c : controls) {
            String text = of(c);
            assertThat(SafeText.isSafe(text, TextKind.SINGLE_LINE)).as("U+%04X single", c).isFalse();
            boolean allowedInMultiLine = c == '\n' || c == '\t';
            assertThat(SafeText.isSafe(text, TextKind.MULTI_LINE)).as("U+%04X multi", c).isEqualTo(allowedInMultiLine);
        }
        assertThat(reason(of(0), TextKind.SINGLE_LINE)).isEqualTo(UnsafeReason.CONTROL_CHARACTER);
        assertThat(reason(of(0x1B), TextKind.MULTI_LINE)).isEqualTo(UnsafeReason.CONTROL_CHARACTER);
        assertThat(reason(of(0x7F), TextKind.MULTI_LINE)).isEqualTo(UnsafeReason.CONTROL_CHARACTER);
        assertThat(reason(of(0x9B), TextKind.MULTI_LINE)).isEqualTo(UnsafeReason.CONTROL_CHARACTER);
        assertThat(reason("a\tb", TextKind.SINGLE_LINE)).isEqualTo(UnsafeReason.CONTROL_CHARACTER);
    }

    @Test
    void acceptsTheCodePointsJustOutsideTheControlRanges() {
        for (int c : new int[] {0x20, 0x7E, 0xA0, 0xA1, 0xFF}) {
            assertThat(SafeText.isSafe(of(c), TextKind.SINGLE_LINE)).as("U+%04X", c).isTrue();
        }
    }

    @Test
    void singleLineFieldsRefuseEveryLineBreak() {
        for (String text : List.of("a\nb", "a\r\nb", "a\rb", "a\u0085b", "a\u2028b", "a\u2029b")) {
            assertThat(reason(text, TextKind.SINGLE_LINE)).as(text).isEqualTo(UnsafeReason.LINE_BREAK);
        }
    }

    @Test
    void multiLineFieldsKeepLfCrlfAndTabButRefuseLoneCarriageReturnsAndUnicodeSeparators() {
        assertThat(SafeText.isSafe("line one\nline two\r\n\tindented\n", TextKind.MULTI_LINE)).isTrue();
        assertThat(SafeText.firstUnsafe("overwritten\rshown", TextKind.MULTI_LINE))
                .contains(new UnsafeCharacter(11, '\r', UnsafeReason.LINE_BREAK));
        assertThat(reason("trailing\r", TextKind.MULTI_LINE)).isEqualTo(UnsafeReason.LINE_BREAK);
        assertThat(reason("a\r\r\nb", TextKind.MULTI_LINE)).isEqualTo(UnsafeReason.LINE_BREAK);
        assertThat(reason("a\u2028b", TextKind.MULTI_LINE)).isEqualTo(UnsafeReason.LINE_BREAK);
        assertThat(reason("a\u2029b", TextKind.MULTI_LINE)).isEqualTo(UnsafeReason.LINE_BREAK);
        assertThat(reason("a\u0085b", TextKind.MULTI_LINE)).isEqualTo(UnsafeReason.LINE_BREAK);
    }

    @Test
    void refusesBidirectionalEmbeddingsOverridesAndIsolatesButNotTheirNeighbours() {
        for (int c = 0x202A; c <= 0x202E; c++) {
            assertThat(reason(of(c), TextKind.MULTI_LINE)).as("U+%04X", c).isEqualTo(UnsafeReason.BIDI_CONTROL);
        }
        for (int c = 0x2066; c <= 0x2069; c++) {
            assertThat(reason(of(c), TextKind.SINGLE_LINE)).as("U+%04X", c).isEqualTo(UnsafeReason.BIDI_CONTROL);
        }
        for (int c : new int[] {0x2027, 0x202F, 0x2065, 0x206A}) {
            assertThat(SafeText.isSafe(of(c), TextKind.SINGLE_LINE)).as("U+%04X", c).isTrue();
        }
    }

    @Test
    void acceptsBidirectionalMarksAndJoinersThatRealTextCarries() {
        for (int c : new int[] {0x200E, 0x200F, 0x061C, 0x200C, 0x200D}) {
            assertThat(SafeText.isSafe(of(c), TextKind.SINGLE_LINE)).as("U+%04X", c).isTrue();
        }
    }

    @Test
    void refusesNoncharactersInEveryPlane() {
        for (int c : new int[] {0xFDD0, 0xFDEF, 0xFFFE, 0xFFFF, 0x1FFFE, 0x1FFFF, 0x10FFFE, 0x10FFFF}) {
            assertThat(reason(of(c), TextKind.SINGLE_LINE)).as("U+%04X", c).isEqualTo(UnsafeReason.NONCHARACTER);
        }
        for (int c : new int[] {0xFDCF, 0xFDF0, 0xFFFD, 0x10000, 0x1FFFD, 0x20000, 0x10FFFD}) {
            assertThat(SafeText.isSafe(of(c), TextKind.SINGLE_LINE)).as("U+%04X", c).isTrue();
        }
    }

    @Test
    void theFieldErrorNamesTheFieldTheCodePointAndThePositionButNotTheText() {
        assertThat(SafeText.check("lastName", "Ann\u001b[31m", TextKind.SINGLE_LINE)).contains(new FieldError(
                "lastName", "must not contain control characters (U+001B at position 4)"));
        assertThat(SafeText.check("title", "x\u202Eabc", TextKind.SINGLE_LINE).orElseThrow().message())
                .isEqualTo("must not contain bidirectional override, embedding or isolate characters"
                        + " (U+202E at position 2)");
        assertThat(SafeText.check("name", "😀\u0000", TextKind.SINGLE_LINE).orElseThrow().message())
                .endsWith("(U+0000 at position 3)");
        assertThat(SafeText.check("name", "ok", TextKind.SINGLE_LINE)).isEmpty();
    }

    @Test
    void requireThrowsAValidationExceptionOnTheField() {
        assertThatThrownBy(() -> SafeText.require("description", "a\u0000b", TextKind.SINGLE_LINE))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("description"));
        assertThat(SafeText.require("notes", "one\ntwo", TextKind.MULTI_LINE)).isEqualTo("one\ntwo");
    }

    @Test
    void escapesEveryRefusedCharacterVisiblyAndKeepsTheRest() {
        assertThat(SafeText.escape("Ann\u001b[2J\u0007")).isEqualTo("Ann\\u001B[2J\\u0007");
        assertThat(SafeText.escape("\ud800x")).isEqualTo("\\uD800x");
        assertThat(SafeText.escape("abc\u202Etxt.exe")).isEqualTo("abc\\u202Etxt.exe");
        assertThat(SafeText.escape("a\u2066b\u2069")).isEqualTo("a\\u2066b\\u2069");
        assertThat(SafeText.escape("x" + new String(Character.toChars(0x1FFFE)))).isEqualTo("x\\U0001FFFE");
        assertThat(SafeText.escape("one\ntwo\tthree")).isEqualTo("one\\u000Atwo\\u0009three");
        assertThat(SafeText.escape("😀 \u200F")).isEqualTo("😀 \u200F");
        assertThat(SafeText.escape("C:\\path\\u001B")).isEqualTo("C:\\path\\u001B");
    }

    @Test
    void multiLineEscapingKeepsLineBreaksAndTabs() {
        assertThat(SafeText.escape("one\r\ntwo\n\tthree\rfour\u0000", TextKind.MULTI_LINE))
                .isEqualTo("one\r\ntwo\n\tthree\\u000Dfour\\u0000");
    }

    @Test
    void replacesRefusedCharactersOnePerCodePoint() {
        assertThat(SafeText.replaceUnsafe("Firefox\u001b[2J\u202E\ud800" + new String(Character.toChars(0x10FFFF)),
                TextKind.SINGLE_LINE, '?')).isEqualTo("Firefox?[2J???");
        assertThat(SafeText.replaceUnsafe(null, TextKind.SINGLE_LINE, '?')).isEmpty();
    }
}
