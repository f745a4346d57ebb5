package io.chorus.analytics;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.chorus.analytics.AnalyticsViews.ConversionRow;
import io.chorus.analytics.AnalyticsViews.Conversions;
import io.chorus.common.persistence.Jdbc;

/**
 * Attributed conversions in scope (occurred on the range's days, credited to the scope's members) per content item,
 * network, group, campaign or member, with their value per currency. As in participation, rows that would single people
 * out are folded into one {@code other} row: groups with fewer active ambassadors than the minimum group size, and
 * members who hide from leaderboards; the fold itself is left out when it covers fewer members than that.
 */
final class ConversionBreakdown {

    /** What conversions can be broken down by. */
    enum By {
        CONTENT("v.content_id::text", "c.title", "left join content c on c.id = v.content_id"),
        NETWORK("v.network", "v.network", ""),
        CAMPAIGN("coalesce(v.campaign_id::text, 'none')", "coalesce(cp.name, 'No campaign')",
                "left join campaigns cp on cp.id = v.campaign_id"),
        MEMBER("v.member_id::text", "case when m.leaderboard_visible and m.erased_at is null then m.name end",
                "join members m on m.id = v.member_id"),
        GROUP("g.id::text", "g.name",
                "join group_memberships gm on gm.organization_id = v.organization_id and gm.member_id = v.member_id"
                        + " join groups g on g.organization_id = gm.organization_id and g.id = gm.group_id");

        final String key;
        final String label;
        final String join;

        By(String key, String label, String join) {
            this.key = key;
            this.label = label;
            this.join = join;
        }

        String id() {
            return name().toLowerCase();
        }
    }

    private ConversionBreakdown() {
    }

    static Conversions run(Connection connection, Scope scope, By by, int minGroupSize) throws SQLException {
        List<Object> parameters = new ArrayList<>();
        String groupSize = by == By.GROUP ? """
                (select count(*) from group_memberships g2
                   join members m2 on m2.organization_id = g2.organization_id and m2.id = g2.member_id
                 where g2.organization_id = g.organization_id and g2.group_id = g.id
                   and 'ambassador' = any(m2.roles) and m2.status = 'active')""" : "0";
        parameters.add(scope.organizationId());
        parameters.add(scope.range().from().toString());
        parameters.add(scope.zone());
        parameters.add(scope.range().to().toString());
        parameters.add(scope.zone());
        String sql = "select " + by.key + ", " + by.label + ", v.currency, count(*), sum(v.value), " + groupSize
                + ", array_agg(distinct v.member_id::text) from conversions v " + by.join
                + " where v.organization_id = ? and v.status = 'attributed'"
                + " and v.occurred_at >= (?::date)::timestamp at time zone ?"
                + " and v.occurred_at < (?::date + 1)::timestamp at time zone ?"
                + scope.members("v.member_id", parameters) + " group by 1, 2, 3, 6";
        Map<String, Folding> rows = new LinkedHashMap<>();
        Folding other = new Folding(ParticipationQuery.OTHER, null);
        for (Object[] row : Jdbc.rows(connection, sql, parameters.toArray())) {
            boolean hidden = by == By.MEMBER && row[1] == null
                    || by == By.GROUP && ((Number) row[5]).longValue() < minGroupSize;
            Folding into = hidden ? other
                    : rows.computeIfAbsent((String) row[0], key -> new Folding(key, (String) row[1]));
            into.add((String) row[2], ((Number) row[3]).longValue(), (BigDecimal) row[4], (String[]) row[6]);
        }
        List<ConversionRow> answer = new ArrayList<>(rows.values().stream().map(Folding::row).sorted(
                Comparator.comparingLong(ConversionRow::conversions).reversed().thenComparing(ConversionRow::key))
                .toList());
        if (other.conversions > 0 && other.members.size() >= minGroupSize) {
            answer.add(other.row());
        }
        return new Conversions(scope.range().from(), scope.range().to(), scope.zone(), scope.groupId(), by.id(),
                answer);
    }

    /** One row being summed up. */
    private static final class Folding {
        private final String key;
        private final String label;
        private long conversions;
        private final Map<String, BigDecimal> value = new TreeMap<>();
        private final Set<String> members = new HashSet<>();

        Folding(String key, String label) {
            this.key = key;
            this.label = label;
        }

        void add(String currency, long count, BigDecimal sum, String[] memberIds) {
            conversions += count;
            if (currency != null) {
                value.merge(currency, sum, BigDecimal::add);
            }
            members.addAll(List.of(memberIds));
        }

        ConversionRow row() {
            Map<String, BigDecimal> plain = new TreeMap<>();
            value.forEach((currency, sum) -> {
                BigDecimal stripped = sum.stripTrailingZeros();
                plain.put(currency, stripped.scale() < 0 ? stripped.setScale(0) : stripped);
            });
            return new ConversionRow(key, label, conversions, plain);
        }
    }
}
