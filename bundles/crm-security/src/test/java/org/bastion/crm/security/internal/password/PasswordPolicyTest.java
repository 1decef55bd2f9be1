package org.bastion.crm.security.internal.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.bastion.crm.api.FieldError;
import org.bastion.crm.api.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    private static final PasswordPolicy STANDARD = PasswordPolicy.standard();

    @ParameterizedTest
    @ValueSource(strings = {"correct horse battery", "aaaaaaaaaaaa", "12charsxxxxx", "pässwört-ünïcödé", "🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑"})
    void acceptsLongEnoughUncommonPasswordsWithoutCompositionRules(String password) {
        assertThatCode(() -> STANDARD.check("alice", password)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @NullAndEmptySource
    void refusesAMissingPassword(String password) {
        assertRefused(() -> STANDARD.check("alice", password), "is required");
    }

    @Test
    void refusesPasswordsShorterThanTheMinimum() {
        assertRefused(() -> STANDARD.check("alice", "elevenchars"), "must be at least 12 characters long");
    }

    @Test
    void countsCharactersNotUtf16Units() {
        String elevenKeys = "🔑".repeat(11);

        assertRefused(() -> STANDARD.check("alice", elevenKeys), "must be at least 12 characters long");
    }

    @Test
    void theMinimumIsConfigurable() {
        PasswordPolicy sixteen = new PasswordPolicy(16, Set.of());

        assertRefused(() -> sixteen.check("alice", "fifteen chars!!"), "must be at least 16 characters long");
        assertThatCode(() -> sixteen.check("alice", "sixteen chars!!!")).doesNotThrowAnyException();
        assertThat(sixteen.minimumLength()).isEqualTo(16);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 7, 129})
    void refusesAnUnreasonableMinimum(int minimum) {
        assertThatThrownBy(() -> new PasswordPolicy(minimum, Set.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void acceptsUpTo128CharactersAndNoMore() {
        assertThatCode(() -> STANDARD.check("alice", "x".repeat(128))).doesNotThrowAnyException();
        assertRefused(() -> STANDARD.check("alice", "x".repeat(129)), "must be at most 128 characters long");
    }

    @ParameterizedTest
    @ValueSource(strings = {"margaretlong", "MargaretLong", "my name is MARGARETLONG", "xxmargaretlongxx"})
    void refusesTheUsernameInAnyCase(String password) {
        assertRefused(() -> STANDARD.check("MargaretLong", password), "must not contain the username");
    }

    @Test
    void veryShortUsernamesAreOnlyRefusedAsTheWholePassword() {
        PasswordPolicy eight = new PasswordPolicy(8, Set.of());

        assertThatCode(() -> eight.check("al", "totally fine password")).doesNotThrowAnyException();
        assertRefused(() -> new PasswordPolicy(8, Set.of()).check("abcdefgh", "ABCDEFGH"), "must not contain the username");
    }

    @ParameterizedTest
    @ValueSource(strings = {"123456789012", "qwertyuiopas", "PASSWORD1234", "iloveyou1234"})
    void refusesCommonPasswordsInAnyCase(String password) {
        PasswordPolicy policy = new PasswordPolicy(12, Set.of("123456789012", "qwertyuiopas", "password1234", "iloveyou1234"));

        assertRefused(() -> policy.check("alice", password), "most commonly used passwords");
    }

    @Test
    void theShippedListCatchesCommonPasswordsOfTwelveCharactersOrMore() {
        String common = CommonPasswords.shipped().stream()
                .filter(p -> p.length() >= 12 && p.length() <= 128)
                .sorted()
                .findFirst()
                .orElseThrow();

        assertRefused(() -> STANDARD.check("alice", common), "most commonly used passwords");
        assertRefused(() -> STANDARD.check("alice", common.toUpperCase(java.util.Locale.ROOT)), "most commonly used passwords");
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable check, String message) {
        assertThatThrownBy(check)
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .singleElement()
                        .satisfies(error -> {
                            assertThat(error.field()).isEqualTo("password");
                            assertThat(error.message()).contains(message);
                        }));
    }
}
