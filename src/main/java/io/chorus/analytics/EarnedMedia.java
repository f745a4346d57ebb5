package io.chorus.analytics;

import java.math.BigDecimal;

import io.chorus.analytics.AnalyticsViews.ContentAnalytics;
import io.chorus.analytics.AnalyticsViews.Dashboard;
import io.chorus.analytics.AnalyticsViews.EarnedMediaValue;
import io.chorus.analytics.AnalyticsViews.Overview;
import io.chorus.common.Money;

/**
 * The earned media value estimate, when the organization set a cost per click: clicks times it. Never revenue. Added to
 * an answer when it is served, with the cost per click of that moment: remembered answers hold none.
 */
record EarnedMedia(Money costPerClick) {

    EarnedMediaValue of(long clicks) {
        if (costPerClick == null) {
            return null;
        }
        BigDecimal amount = costPerClick.times(clicks);
        String currency = costPerClick.currency();
        return new EarnedMediaValue(true, amount, currency, costPerClick.amount(), clicks,
                "%d human clicks × %s %s per click (the organization's estimate) = %s %s".formatted(clicks,
                        costPerClick.amount().toPlainString(), currency, amount.toPlainString(), currency));
    }

    Overview onto(Overview o) {
        return new Overview(o.from(), o.to(), o.timeZone(), o.groupId(), o.members(), o.participationRate(), o.shares(),
                o.clicks(), o.uniqueVisitors(), o.editedShares(), o.personalisedShareRate(), o.clicksByNetwork(),
                o.topContent(), o.concentration(), of(o.clicks()), o.conversions(), o.conversionValue());
    }

    Dashboard onto(Dashboard d) {
        return new Dashboard(onto(d.overview()), d.byDay(), d.byGroup());
    }

    /** The item's figures with its title as it is now. */
    ContentAnalytics onto(ContentAnalytics c, String title) {
        return new ContentAnalytics(c.contentId(), title, c.from(), c.to(), c.timeZone(), c.groupId(), c.shares(),
                c.clicks(), c.uniqueVisitors(), c.byNetwork(), c.byDay(), of(c.clicks()), c.byLanguage(), c.byMessage(),
                c.editedShares(), c.personalisedShareRate());
    }
}
