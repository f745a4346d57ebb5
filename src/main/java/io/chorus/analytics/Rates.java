package io.chorus.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Fractions as the analytics endpoints give them: 4 decimals, rounded half up; null when nothing to divide by. */
final class Rates {

    static final int DECIMALS = 4;

    private Rates() {
    }

    static BigDecimal of(long part, long whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), DECIMALS, RoundingMode.HALF_UP);
    }
}
