package org.bastion.crm.api.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BlindIndexTermsTest {

    @Test
    void normaliseLowersAndStripsAccents() {
        assertThat(BlindIndexTerms.normalise("  Müller-Lüdenscheidt ")).isEqualTo("muller-ludenscheidt");
        assertThat(BlindIndexTerms.normalise("ÉLODIE")).isEqualTo("elodie");
        assertThat(BlindIndexTerms.normalise(null)).isEmpty();
    }

    @Test
    void wordsSplitOnEverythingButLettersAndDigits() {
        assertThat(BlindIndexTerms.words("Anne-Marie O'Neil 3rd")).containsExactly("anne", "marie", "o", "neil", "3rd");
        assertThat(BlindIndexTerms.words("  ")).isEmpty();
    }

    @Test
    void wordsAndPrefixesIndexPrefixesOfThreeToSixteenCharacters() {
        assertThat(BlindIndexTerms.wordsAndPrefixes("Jo Smith")).containsExactly("jo", "smith", "smi", "smit");
        String longWord = "abcdefghijklmnopqrstuvwxyz";
        assertThat(BlindIndexTerms.wordsAndPrefixes(longWord)).contains(longWord, "abc", "abcdefghijklmnop")
                .doesNotContain("abcdefghijklmnopq").hasSize(1 + 14);
    }

    @Test
    void searchableNeedsThreeCharacters() {
        assertThat(BlindIndexTerms.searchable("ab")).isFalse();
        assertThat(BlindIndexTerms.searchable("abc")).isTrue();
        assertThat(BlindIndexTerms.searchable(null)).isFalse();
    }

    @Test
    void keyPurposesHaveWireNames() {
        assertThat(KeyPurpose.BLIND_INDEX.wireName()).isEqualTo("blind-index");
        assertThat(KeyPurpose.ofWireName(" Field ")).isEqualTo(KeyPurpose.FIELD);
        assertThatThrownBy(() -> KeyPurpose.ofWireName("everything")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("master, field, blind-index, backup or audit-signing");
    }

    @Test
    void recordRefsRejectBadKindsAndIds() {
        assertThat(new RecordRef("contact", "42")).hasToString("contact/42");
        assertThatThrownBy(() -> new RecordRef("Contact", "1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RecordRef("contact", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RecordRef("contact", "x".repeat(101))).isInstanceOf(IllegalArgumentException.class);
    }
}
