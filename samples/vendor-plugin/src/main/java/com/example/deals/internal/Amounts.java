package com.example.deals.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Optional;

/** Money rules: ISO 4217 currencies as the JDK knows them, and amounts with no more decimals than the currency has. */
public final class Amounts {

    /** Digits before the decimal point an amount may have (the column holds 19 digits, 4 after the point). */
    public static final int MAX_INTEGER_DIGITS = 15;

    /** Decimals allowed for a currency without a minor unit of its own (such as XAU, gold). */
    private static final int FALLBACK_DECIMALS = 4;

    private Amounts() {
    }

    /** The currency of an ISO 4217 code in upper case, if the JDK knows it. */
    public static Optional<Currency> currency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Currency.getInstance(code));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    /** How many decimals amounts in this currency have (2 for EUR, 0 for JPY). */
    public static int decimals(Currency currency) {
        int digits = currency.getDefaultFractionDigits();
        return digits < 0 ? FALLBACK_DECIMALS : Math.min(digits, FALLBACK_DECIMALS);
    }

    /** A stored amount shown with its currency's decimals (100.0000 EUR as 100.00). */
    static BigDecimal scaled(BigDecimal stored, String currencyCode) {
        int decimals = currency(currencyCode).map(Amounts::decimals).orElse(FALLBACK_DECIMALS);
        BigDecimal trimmed = stored.stripTrailingZeros();
        return trimmed.scale() <= decimals ? stored.setScale(decimals, RoundingMode.UNNECESSARY) : stored;
    }
}
