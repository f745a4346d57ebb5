package io.chorus.analytics;

import io.chorus.analytics.AnalyticsViews.EarnedMediaValue;
import io.chorus.common.Money;

/** The earned media value estimate, when the organization set a cost per click: clicks times it. Never revenue. */
record EarnedMedia(Money costPerClick) {

    EarnedMediaValue of(long clicks) {
        if (costPerClick == null) {
            return null;
        }
        return new EarnedMediaValue(true, costPerClick.times(clicks), costPerClick.currency(), costPerClick.amount(),
                clicks);
    }
}
