package org.bastion.crm.contacts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.bastion.crm.api.FieldError;
import org.bastion.crm.api.ValidationException;
import org.junit.jupiter.api.Test;

class SearchWordTest {

    private final PhoneNumbers german = new PhoneNumbers("49");

    @Test
    void plainWordsBecomeNormalisedNameTerms() {
        assertThat(SearchWord.parse("  Müller   ADA ", german)).containsExactly(
                new SearchWord(ContactIndexTerms.NAME, List.of("muller")),
                new SearchWord(ContactIndexTerms.NAME, List.of("ada")));
        assertThat(SearchWord.parse("O'Brien", german))
                .containsExactly(new SearchWord(ContactIndexTerms.NAME, List.of("o", "brien")));
    }

    @Test
    void aWordWithAnAtSignIsAWholeNormalisedEmailAddress() {
        assertThat(SearchWord.parse("Ada.King@EXAMPLE.com", german))
                .containsExactly(new SearchWord(ContactIndexTerms.EMAIL, List.of("ada.king@example.com")));
        assertThatThrownBy(() -> SearchWord.parse("ada@", german)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors()).containsExactly(new FieldError("text", SearchWord.NOT_AN_ADDRESS)));
    }

    @Test
    void aNumberIsNormalisedLikeAStoredPhoneNumberEvenWhenTypedWithSpaces() {
        assertThat(SearchWord.parse("030 123 45 67", german))
                .containsExactly(new SearchWord(ContactIndexTerms.PHONE, List.of("+49301234567")));
        assertThat(SearchWord.parse("ada +44 20 7946 0018", german)).containsExactly(
                new SearchWord(ContactIndexTerms.NAME, List.of("ada")),
                new SearchWord(ContactIndexTerms.PHONE, List.of("+442079460018")));
    }

    @Test
    void aNumberThatIsNoPhoneNumberIsSearchedAsANameWord() {
        assertThat(SearchWord.parse("007", new PhoneNumbers(null)))
                .containsExactly(new SearchWord(ContactIndexTerms.NAME, List.of("007")));
    }

    @Test
    void wordsWithFewerThanThreeLettersOrDigitsAreRefused() {
        for (String text : List.of("al", "ada b", "a.", "o'b")) {
            assertThatThrownBy(() -> SearchWord.parse(text, german)).as(text)
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                            .containsExactly(new FieldError("text", "each search word needs at least 3 characters")));
        }
    }

    @Test
    void aWordOfPunctuationOnlyIsIgnored() {
        assertThat(SearchWord.parse("Müller - Lüdenscheid", german)).containsExactly(
                new SearchWord(ContactIndexTerms.NAME, List.of("muller")),
                new SearchWord(ContactIndexTerms.NAME, List.of("ludenscheid")));
    }

    @Test
    void blankGivesNoWordsAndTooLongIsRefusedAndWordsBeyondEightAreIgnored() {
        assertThat(SearchWord.parse(null, german)).isEmpty();
        assertThat(SearchWord.parse("   ", german)).isEmpty();
        assertThatThrownBy(() -> SearchWord.parse("x".repeat(201), german)).isInstanceOf(ValidationException.class);
        assertThat(SearchWord.parse("one two three four five six seven eight nine ten", german)).hasSize(8);
    }

    @Test
    void companiesSplitTheSameWayAndKeepTheWordsAsTyped() {
        assertThat(SearchWord.split(" Acme  GmbH ")).containsExactly("Acme", "GmbH");
        assertThat(SearchWord.split("030 123")).containsExactly("030123");
        assertThat(SearchWord.split("Acme 030 123 GmbH")).containsExactly("Acme", "030123", "GmbH");
    }
}
