package com.example.deals.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import org.bastion.crm.api.FieldError;
import org.bastion.crm.api.ValidationException;
import org.bastion.crm.api.text.SafeText;
import org.bastion.crm.api.text.TextKind;

import com.example.deals.DealDraft;
import com.example.deals.DealStage;

/**
 * Checks a deal draft and returns it normalised (text trimmed, currency in upper case, amount with the currency's
 * decimals, stage LEAD when absent); every broken rule is reported at once, one field error each. Free text follows
 * the CRM's text rule ({@link SafeText}): no control characters, bidirectional overrides or the like.
 */
public final class DealValidator {

    public static final int MAX_TITLE = 200;
    public static final int MAX_OWNER = 100;
    public static final int MAX_NOTES = 4000;
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2999, 12, 31);

    /**
     * The normalised draft.
     *
     * @throws ValidationException naming every field that breaks a rule
     */
    public DealDraft validate(DealDraft draft) {
        if (draft == null) {
            throw ValidationException.of("body", "is required");
        }
        List<FieldError> errors = new ArrayList<>();
        String title = text("title", draft.title(), MAX_TITLE, TextKind.SINGLE_LINE, true, errors);
        String code = draft.currency() == null ? null : draft.currency().trim().toUpperCase(java.util.Locale.ROOT);
        Optional<Currency> currency = Amounts.currency(code);
        if (code == null || code.isEmpty()) {
            errors.add(new FieldError("currency", "is required"));
        } else if (currency.isEmpty()) {
            errors.add(new FieldError("currency", "must be an ISO 4217 currency code such as EUR"));
        }
        BigDecimal amount = amount(draft.amount(), currency, errors);
        if (draft.closeDate() != null && (draft.closeDate().isBefore(EARLIEST) || draft.closeDate().isAfter(LATEST))) {
            errors.add(new FieldError("closeDate", "must lie between " + EARLIEST + " and " + LATEST));
        }
        String owner = text("owner", draft.owner(), MAX_OWNER, TextKind.SINGLE_LINE, false, errors);
        String notes = text("notes", draft.notes(), MAX_NOTES, TextKind.MULTI_LINE, false, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        DealStage stage = draft.stage() == null ? DealStage.LEAD : draft.stage();
        return new DealDraft(title, amount, code, stage, draft.closeDate(), draft.contactId(), owner, notes);
    }

    private static BigDecimal amount(BigDecimal amount, Optional<Currency> currency, List<FieldError> errors) {
        if (amount == null) {
            errors.add(new FieldError("amount", "is required"));
            return null;
        }
        if (amount.signum() < 0) {
            errors.add(new FieldError("amount", "must be 0 or more"));
            return null;
        }
        BigDecimal trimmed = amount.stripTrailingZeros();
        if (trimmed.precision() - trimmed.scale() > Amounts.MAX_INTEGER_DIGITS) {
            errors.add(new FieldError("amount", "must have at most " + Amounts.MAX_INTEGER_DIGITS + " digits before the point"));
            return null;
        }
        if (currency.isEmpty()) {
            return null;
        }
        int decimals = Amounts.decimals(currency.get());
        if (Math.max(trimmed.scale(), 0) > decimals) {
            errors.add(new FieldError("amount", "must have at most " + decimals + " decimals in "
                    + currency.get().getCurrencyCode()));
            return null;
        }
        return trimmed.setScale(decimals);
    }

    // tag::safe-text[]
    private static String text(String field, String value, int max, TextKind kind, boolean required,
                               List<FieldError> errors) {
        String trimmed = value == null ? null : value.strip();
        if (trimmed == null || trimmed.isEmpty()) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
            return null;
        }
        if (trimmed.length() > max) {
            errors.add(new FieldError(field, "must have at most " + max + " characters"));
            return null;
        }
        Optional<FieldError> unsafe = SafeText.check(field, trimmed, kind);
        unsafe.ifPresent(errors::add);
        return trimmed;
    }
    // end::safe-text[]
}
