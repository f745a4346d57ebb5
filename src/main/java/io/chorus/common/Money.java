package io.chorus.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import io.chorus.common.problem.ProblemException;

/** An amount in an ISO 4217 currency, e.g. {@code {"amount": 0.85, "currency": "EUR"}}. */
public record Money(
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000") @Digits(integer = 4, fraction = 4) BigDecimal amount,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 currency code such as EUR") String currency) {

    /** The same money, its currency checked against ISO 4217 (a 400 naming {@code field} otherwise). */
    public Money checked(String field) {
        try {
            Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field + ".currency", "must be an ISO 4217 currency code such as EUR");
        }
        return new Money(amount, currency).normalized();
    }

    /** The amount with at least 2 and at most the needed decimals (0.5000 and 0.5 become 0.50, 0.1234 stays). */
    public Money normalized() {
        return new Money(amount.setScale(Math.max(2, amount.stripTrailingZeros().scale())), currency);
    }

    /** This amount times {@code count}, rounded half up to the currency's usual decimals (cents for EUR). */
    public BigDecimal times(long count) {
        int decimals = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        return amount.multiply(BigDecimal.valueOf(count)).setScale(decimals, RoundingMode.HALF_UP);
    }
}
