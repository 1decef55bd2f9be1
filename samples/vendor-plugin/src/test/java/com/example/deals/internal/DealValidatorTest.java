package com.example.deals.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.bastion.crm.api.FieldError;
import org.bastion.crm.api.ValidationException;
import org.junit.jupiter.api.Test;

import com.example.deals.DealDraft;
import com.example.deals.DealStage;

class DealValidatorTest {

    private final DealValidator validator = new DealValidator();

    private static DealDraft draft(String title, String amount, String currency) {
        return new DealDraft(title, amount == null ? null : new BigDecimal(amount), currency, null, null, null, null, null);
    }

    private ValidationException refused(DealDraft draft) {
        try {
            validator.validate(draft);
        } catch (ValidationException e) {
            return e;
        }
        throw new AssertionError("accepted: " + draft);
    }

    @Test
    void aValidDraftIsTrimmedAndNormalised() {
        DealDraft valid = validator.validate(new DealDraft("  Licences ", new BigDecimal("1200.5"), " eur ", null,
                LocalDate.of(2027, 3, 31), null, null, "line one\nline two"));

        assertThat(valid.title()).isEqualTo("Licences");
        assertThat(valid.currency()).isEqualTo("EUR");
        assertThat(valid.amount()).hasToString("1200.50");
        assertThat(valid.stage()).isEqualTo(DealStage.LEAD);
        assertThat(valid.notes()).isEqualTo("line one\nline two");
    }

    @Test
    void everyBrokenRuleIsReportedAtOnce() {
        ValidationException e = refused(new DealDraft(" ", null, null, null, LocalDate.of(1800, 1, 1), null, null, null));

        assertThat(e.errors()).extracting(FieldError::field).containsExactlyInAnyOrder("title", "amount", "currency",
                "closeDate");
    }

    @Test
    void theCurrencyMustBeAnIso4217Code() {
        assertThat(refused(draft("x", "1", "EURO")).errors()).extracting(FieldError::field).containsExactly("currency");
        assertThat(refused(draft("x", "1", "XYZ")).errors()).extracting(FieldError::field).containsExactly("currency");
        assertThat(validator.validate(draft("x", "1", "CHF")).currency()).isEqualTo("CHF");
    }

    @Test
    void theAmountHasNoMoreDecimalsThanItsCurrencyAndIsNotNegative() {
        assertThat(validator.validate(draft("x", "1000", "JPY")).amount()).hasToString("1000");
        assertThat(validator.validate(draft("x", "1.234", "BHD")).amount()).hasToString("1.234");
        assertThatThrownBy(() -> validator.validate(draft("x", "10.5", "JPY"))).hasMessageContaining("decimals");
        assertThatThrownBy(() -> validator.validate(draft("x", "1.001", "EUR"))).hasMessageContaining("decimals");
        assertThatThrownBy(() -> validator.validate(draft("x", "-1", "EUR"))).hasMessageContaining("0 or more");
        assertThatThrownBy(() -> validator.validate(draft("x", "1E+15", "EUR"))).hasMessageContaining("digits");
        assertThat(validator.validate(draft("x", "999999999999999.99", "EUR")).amount()).isNotNull();
    }

    @Test
    void freeTextFollowsTheTextRule() {
        assertThat(refused(draft("bad\u001b[31m", "1", "EUR")).errors()).extracting(FieldError::field)
                .containsExactly("title");
        assertThat(refused(draft("two\nlines", "1", "EUR")).errors()).extracting(FieldError::field)
                .containsExactly("title");
        assertThat(refused(new DealDraft("x", BigDecimal.ONE, "EUR", null, null, null, null, "a\u202Eb")).errors())
                .extracting(FieldError::field).containsExactly("notes");
        assertThat(refused(draft("x".repeat(201), "1", "EUR")).errors()).extracting(FieldError::field)
                .containsExactly("title");
    }
}
