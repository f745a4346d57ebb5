package io.chorus.analytics;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import io.chorus.analytics.AnalyticsViews.ContentAnalytics;
import io.chorus.analytics.AnalyticsViews.Figures;
import io.chorus.analytics.AnalyticsViews.LanguageFigures;
import io.chorus.analytics.AnalyticsViews.MessageFigures;
import io.chorus.common.persistence.Columns;
import io.chorus.common.persistence.Jdbc;
import io.chorus.content.Network;

/**
 * One content item's performance: its shares, clicks and unique visitors, per network and for every day of the range.
 */
final class ContentQuery {

    private ContentQuery() {
    }

    /** Without the title and the earned media value: the item's existence and title are read for every request. */
    static ContentAnalytics run(Connection connection, Scope scope, UUID contentId) throws SQLException {
        List<Object> parameters = new ArrayList<>(
                List.of(scope.organizationId(), contentId, scope.range().from(), scope.range().to()));
        String table = scope.groupId() == null ? "analytics_content_days" : "analytics_share_days";
        List<Object[]> rows = Jdbc.rows(connection,
                "select x.day, x.network, sum(x.shares), sum(x.clicks), sum(x.visitors) from " + table + " x"
                        + " where x.organization_id = ? and x.content_id = ? and x.day between ? and ?"
                        + scope.members("x.member_id", parameters) + " group by 1, 2",
                parameters.toArray());

        Map<String, long[]> networks = new LinkedHashMap<>();
        for (Network network : Network.values()) {
            networks.put(network.id(), new long[3]);
        }
        DaySeries days = new DaySeries(scope.range());
        long[] total = new long[3];
        for (Object[] row : rows) {
            long[] figures = { Columns.number(row[2]), Columns.number(row[3]), Columns.number(row[4]) };
            for (long[] sum : List.of(total, networks.get((String) row[1]), days.of(row[0]))) {
                for (int i = 0; i < 3; i++) {
                    sum[i] += figures[i];
                }
            }
        }
        Map<String, Figures> byNetwork = new LinkedHashMap<>();
        networks.forEach((network, sum) -> byNetwork.put(network, new Figures(sum[0], sum[1], sum[2])));
        Voices voices = voices(connection, scope, contentId);
        return new ContentAnalytics(contentId, null, scope.range().from(), scope.range().to(), scope.zone(),
                scope.groupId(), total[0], total[1], total[2], byNetwork, days.figures(), null, voices.byLanguage(),
                voices.byMessage(), voices.edited(), Rates.of(voices.edited(), voices.shares()));
    }

    private record Voices(List<LanguageFigures> byLanguage, List<MessageFigures> byMessage, long edited, long shares) {
    }

    /**
     * The item's shares and clicks by language and by suggested message, from the same per-share days as the group
     * figures, with each message's text as the item has it now (its own texts, or the variant of the share's language).
     */
    private static Voices voices(Connection connection, Scope scope, UUID contentId) throws SQLException {
        List<Object> parameters = new ArrayList<>(
                List.of(scope.organizationId(), contentId, scope.range().from(), scope.range().to()));
        List<Object[]> rows = Jdbc.rows(connection, """
                select s.language, s.network, s.message_index, s.edited, sum(x.shares), sum(x.clicks),
                       case when s.message_index is null then null
                            when s.language = c.language then case when s.message_index = 0
                                 then c.suggested_messages ->> s.network
                                 else c.alternative_messages -> s.network ->> (s.message_index - 1) end
                            else case when s.message_index = 0
                                 then c.variants -> s.language -> 'suggestedMessages' ->> s.network
                                 else c.variants -> s.language -> 'alternativeMessages' -> s.network
                                      ->> (s.message_index - 1) end end
                from analytics_share_days x
                join shares s on s.organization_id = x.organization_id and s.id = x.share_id
                join content c on c.organization_id = s.organization_id and c.id = s.content_id
                where x.organization_id = ? and x.content_id = ? and x.day between ? and ?"""
                + scope.members("x.member_id", parameters) + " group by 1, 2, 3, 4, 7", parameters.toArray());
        Map<String, long[]> languages = new TreeMap<>();
        Map<List<Object>, long[]> messages = new LinkedHashMap<>();
        Map<List<Object>, String> texts = new HashMap<>();
        long edited = 0;
        long shares = 0;
        for (Object[] row : rows) {
            long rowShares = Columns.number(row[4]);
            long rowClicks = Columns.number(row[5]);
            boolean rowEdited = (Boolean) row[3];
            String language = row[0] == null ? "other" : (String) row[0];
            long[] byLanguage = languages.computeIfAbsent(language, l -> new long[2]);
            byLanguage[0] += rowShares;
            byLanguage[1] += rowClicks;
            shares += rowShares;
            edited += rowEdited ? rowShares : 0;
            if (row[2] != null) {
                List<Object> key = List.of(language, row[1], ((Number) row[2]).intValue());
                long[] byMessage = messages.computeIfAbsent(key, k -> new long[3]);
                byMessage[0] += rowShares;
                byMessage[1] += rowClicks;
                byMessage[2] += rowEdited ? rowShares : 0;
                texts.put(key, (String) row[6]);
            }
        }
        List<LanguageFigures> byLanguage = new ArrayList<>();
        languages.forEach((language, sum) -> byLanguage.add(new LanguageFigures(language, sum[0], sum[1])));
        List<MessageFigures> byMessage = new ArrayList<>();
        messages.forEach((key, sum) -> byMessage.add(new MessageFigures((String) key.get(0), (String) key.get(1),
                (Integer) key.get(2), texts.get(key), sum[0], sum[1], sum[2])));
        byMessage.sort(Comparator.comparing(MessageFigures::language)
                .thenComparing(m -> Network.of(m.network()).ordinal()).thenComparing(MessageFigures::index));
        return new Voices(byLanguage, byMessage, edited, shares);
    }
}
