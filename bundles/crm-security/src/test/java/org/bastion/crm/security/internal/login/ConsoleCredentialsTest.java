package org.bastion.crm.security.internal.login;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConsoleCredentialsTest {

    @Test
    void aTrailingSixDigitCodeIsSplitOff() {
        assertThat(ConsoleCredentials.readings("my secret pass!123456"))
                .containsExactly(new ConsoleCredentials.Reading("my secret pass!", "123456"));
    }

    @Test
    void aTrailingRecoveryCodeIsSplitOffWithOrWithoutDashes() {
        assertThat(ConsoleCredentials.readings("my secret passab12-cd34-ef"))
                .containsExactly(new ConsoleCredentials.Reading("my secret pass", "ab12-cd34-ef"));
        assertThat(ConsoleCredentials.readings("my secret pass x ab12cd34ef")).containsExactly(
                new ConsoleCredentials.Reading("my secret pass x ", "ab12cd34ef"));
    }

    @Test
    void aFieldEndingInTenDigitsHasBothReadingsTotpFirst() {
        assertThat(ConsoleCredentials.readings("pw1234567890")).containsExactly(
                new ConsoleCredentials.Reading("pw1234", "567890"),
                new ConsoleCredentials.Reading("pw", "1234567890"));
    }

    @Test
    void aFieldWithoutACodeOrWithNothingBeforeItHasNoReading() {
        assertThat(ConsoleCredentials.readings("just a password")).isEmpty();
        assertThat(ConsoleCredentials.readings("123456")).isEmpty();
        assertThat(ConsoleCredentials.readings(null)).isEmpty();
    }
}
