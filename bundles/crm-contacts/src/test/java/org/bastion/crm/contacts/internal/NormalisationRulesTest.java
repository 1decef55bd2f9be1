package org.bastion.crm.contacts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NormalisationRulesTest {

    private final PhoneNumbers german = new PhoneNumbers("+49");
    private final PhoneNumbers noDefault = new PhoneNumbers("");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "INVALID", value = {
        "ada@example.com              | ada@example.com",
        " Ada.Lovelace@EXAMPLE.Com    | Ada.Lovelace@example.com",
        "o'brien+tag@sub.example.co.uk| o'brien+tag@sub.example.co.uk",
        "user@xn--mnchen-3ya.de        | user@xn--mnchen-3ya.de",
        "user@münchen.de              | user@xn--mnchen-3ya.de",
        "plainaddress                 | INVALID",
        "@example.com                 | INVALID",
        "ada@                         | INVALID",
        "ada@localhost                | INVALID",
        "ada@@example.com             | INVALID",
        "ada..x@example.com           | INVALID",
        ".ada@example.com             | INVALID",
        "ada@example..com             | INVALID",
        "ada@-example.com             | INVALID",
        "ada@example.c                | INVALID",
        "ada lovelace@example.com     | INVALID",
        "\"quoted\"@example.com       | INVALID",
    })
    void emailAddresses(String input, String expected) {
        assertThat(EmailAddresses.normalise(input)).isEqualTo(expected);
    }

    @Test
    void anEmailAddressLongerThan254CharactersIsRefused() {
        String domain = "a".repeat(60) + "." + "b".repeat(60) + "." + "c".repeat(60) + "." + "d".repeat(5) + ".com";
        assertThat(EmailAddresses.normalise("x".repeat(61) + "@" + domain)).hasSize(254);
        assertThat(EmailAddresses.normalise("x".repeat(62) + "@" + domain)).isNull();
        assertThat(EmailAddresses.normalise("a".repeat(65) + "@example.com")).isNull();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "+49 30 1234567      | +49301234567",
        "0049 (30) 123-4567  | +49301234567",
        "030 / 123.45.67     | +49301234567",
        "+1 (415) 555-0100   | +14155550100",
        "  030 123 4567      | +49301234567",
    })
    void phoneNumbersWithAGermanDefault(String input, String expected) {
        assertThat(german.normalise(input).number()).isEqualTo(expected);
    }

    @Test
    void withoutADefaultCallingCodeNationalNumbersStayDigits() {
        assertThat(noDefault.normalise("030 123 4567").number()).isEqualTo("0301234567");
        assertThat(noDefault.normalise("0044 20 7946 0018").number()).isEqualTo("+442079460018");
    }

    @ParameterizedTest(name = "{0} is refused: {1}")
    @CsvSource(delimiter = '|', value = {
        "0800-FLOWERS          | letters",
        "+49 30 123 ext 5      | letters",
        "123                   | between 4 and 15",
        "+1234567890123456     | between 4 and 15",
        "+0 30 1234            | cannot start with 0",
        "+49#301234            | only digits",
        "'   '                 | required",
    })
    void invalidPhoneNumbers(String input, String reason) {
        PhoneNumbers.Result result = german.normalise(input);
        assertThat(result.valid()).isFalse();
        assertThat(result.error()).contains(reason);
    }

    @Test
    void aMalformedDefaultCallingCodeIsRejected() {
        assertThatThrownBy(() -> new PhoneNumbers("4x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PhoneNumbers("1234")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "INVALID", value = {"de,DE", " us ,US", "GB,GB", "UK,INVALID", "XX,INVALID", "DEU,INVALID"})
    void countries(String input, String expected) {
        assertThat(Countries.normalise(input)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "INVALID", value = {"Example.COM,example.com", "www.example.com.,www.example.com",
        "example,INVALID", "exa_mple.com,INVALID", "http://example.com,INVALID", "-a.com,INVALID"})
    void domains(String input, String expected) {
        assertThat(DomainNames.normalise(input)).isEqualTo(expected);
    }
}
