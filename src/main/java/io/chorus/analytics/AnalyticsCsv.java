package io.chorus.analytics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import io.chorus.analytics.AnalyticsViews.Cohort;
import io.chorus.analytics.AnalyticsViews.ContentAnalytics;
import io.chorus.analytics.AnalyticsViews.ConversionRow;
import io.chorus.analytics.AnalyticsViews.Conversions;
import io.chorus.analytics.AnalyticsViews.DayFigures;
import io.chorus.analytics.AnalyticsViews.EarnedMediaValue;
import io.chorus.analytics.AnalyticsViews.Figures;
import io.chorus.analytics.AnalyticsViews.LanguageFigures;
import io.chorus.analytics.AnalyticsViews.MessageFigures;
import io.chorus.analytics.AnalyticsViews.Overview;
import io.chorus.analytics.AnalyticsViews.Participation;
import io.chorus.analytics.AnalyticsViews.ParticipationRow;
import io.chorus.analytics.AnalyticsViews.Retention;
import io.chorus.analytics.AnalyticsViews.TopContent;

/**
 * The analytics as CSV (RFC 4180: CRLF line ends, fields quoted when needed, one header row), written by Apache Commons
 * CSV. Tables (participation, retention) are one row per table row; the overview and a content item's figures are one
 * row per figure: {@code section,key,label,metric,value}. An empty cell is a figure that does not apply (null in JSON).
 * <p>
 * Text that people typed (content titles, group names: the {@code label} column) never starts a cell with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return: a spreadsheet would run it as a formula, so it gets a
 * leading {@code '}. Figures are left as they are.
 */
final class AnalyticsCsv {

    static final List<String> FIGURE_COLUMNS = List.of("section", "key", "label", "metric", "value");
    static final String ESTIMATE = "estimate: clicks x cost per click, not revenue";
    private static final CSVFormat FORMAT = CSVFormat.RFC4180;

    private AnalyticsCsv() {
    }

    static String overview(Overview o) {
        List<List<Object>> rows = new ArrayList<>();
        range(rows, o.from(), o.to(), o.timeZone(), o.groupId());
        figure(rows, "members", "", "", "total", o.members().total());
        figure(rows, "members", "", "", "active", o.members().active());
        figure(rows, "members", "", "", "sharing", o.members().sharing());
        figure(rows, "activity", "", "", "participationRate", o.participationRate());
        figure(rows, "activity", "", "", "shares", o.shares());
        figure(rows, "activity", "", "", "clicks", o.clicks());
        figure(rows, "activity", "", "", "uniqueVisitors", o.uniqueVisitors());
        figure(rows, "personalisation", "", "", "editedShares", o.editedShares());
        figure(rows, "personalisation", "", "", "personalisedShareRate", o.personalisedShareRate());
        o.clicksByNetwork()
                .forEach((network, clicks) -> figure(rows, "clicksByNetwork", network, "", "clicks", clicks));
        for (TopContent top : o.topContent()) {
            figure(rows, "topContent", top.contentId(), top.title(), "shares", top.shares());
            figure(rows, "topContent", top.contentId(), top.title(), "clicks", top.clicks());
        }
        figure(rows, "concentration", "", "", "top5PercentShareOfClicks", o.concentration().top5PercentShareOfClicks());
        figure(rows, "concentration", "", "", "topAmbassadors", o.concentration().topAmbassadors());
        earnedMedia(rows, o.earnedMediaValue());
        figure(rows, "conversions", "", "", "conversions", o.conversions());
        o.conversionValue().forEach(
                (currency, value) -> figure(rows, "conversionValue", currency, "", "value", value.toPlainString()));
        return write(FIGURE_COLUMNS, rows);
    }

    static String conversions(Conversions c) {
        List<List<Object>> rows = new ArrayList<>();
        range(rows, c.from(), c.to(), c.timeZone(), c.groupId());
        for (ConversionRow row : c.rows()) {
            figure(rows, c.groupBy(), row.key(), row.label(), "conversions", row.conversions());
            row.conversionValue().forEach((currency, value) -> figure(rows, c.groupBy(), row.key(), row.label(),
                    "value_" + currency, value.toPlainString()));
        }
        return write(FIGURE_COLUMNS, rows);
    }

    static String content(ContentAnalytics c) {
        List<List<Object>> rows = new ArrayList<>();
        range(rows, c.from(), c.to(), c.timeZone(), c.groupId());
        figures(rows, "content", c.contentId().toString(), c.title(),
                new Figures(c.shares(), c.clicks(), c.uniqueVisitors()));
        for (Map.Entry<String, Figures> network : c.byNetwork().entrySet()) {
            figures(rows, "network", network.getKey(), "", network.getValue());
        }
        for (DayFigures day : c.byDay()) {
            figures(rows, "day", day.date().toString(), "",
                    new Figures(day.shares(), day.clicks(), day.uniqueVisitors()));
        }
        earnedMedia(rows, c.earnedMediaValue());
        figure(rows, "personalisation", "", "", "editedShares", c.editedShares());
        figure(rows, "personalisation", "", "", "personalisedShareRate", c.personalisedShareRate());
        for (LanguageFigures language : c.byLanguage()) {
            figure(rows, "language", language.language(), "", "shares", language.shares());
            figure(rows, "language", language.language(), "", "clicks", language.clicks());
        }
        for (MessageFigures message : c.byMessage()) {
            String key = message.language() + "/" + message.network() + "/" + message.index();
            String text = message.text() == null ? "" : message.text();
            figure(rows, "message", key, text, "shares", message.shares());
            figure(rows, "message", key, text, "clicks", message.clicks());
            figure(rows, "message", key, text, "editedShares", message.editedShares());
        }
        return write(FIGURE_COLUMNS, rows);
    }

    static String participation(Participation p) {
        List<List<Object>> rows = new ArrayList<>();
        for (ParticipationRow row : p.rows()) {
            rows.add(List.of(row.key(), text(row.label()), row.members(), row.sharing(), cell(row.participationRate()),
                    row.shares(), row.clicks()));
        }
        return write(List.of("key", "label", "members", "sharing", "participationRate", "shares", "clicks"), rows);
    }

    static String retention(Retention r) {
        List<String> header = new ArrayList<>(List.of("cohort", "members"));
        for (int week = 1; week <= r.weeks(); week++) {
            header.add("week" + week);
        }
        List<List<Object>> rows = new ArrayList<>();
        for (Cohort cohort : r.cohorts()) {
            List<Object> row = new ArrayList<>(List.of(cohort.cohort(), cohort.members()));
            for (int week = 0; week < r.weeks(); week++) {
                row.add(week < cohort.activeByWeek().size() ? cohort.activeByWeek().get(week) : "");
            }
            rows.add(row);
        }
        return write(header, rows);
    }

    /** User text as a cell: a leading character a spreadsheet would evaluate is neutralised with a quote. */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        return "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    private static void range(List<List<Object>> rows, Object from, Object to, String zone, Object groupId) {
        figure(rows, "range", "", "", "from", from);
        figure(rows, "range", "", "", "to", to);
        figure(rows, "range", "", "", "timeZone", zone);
        figure(rows, "range", "", "", "groupId", groupId);
    }

    private static void figures(List<List<Object>> rows, String section, String key, String label, Figures f) {
        figure(rows, section, key, label, "shares", f.shares());
        figure(rows, section, key, label, "clicks", f.clicks());
        figure(rows, section, key, label, "uniqueVisitors", f.uniqueVisitors());
    }

    private static void earnedMedia(List<List<Object>> rows, EarnedMediaValue value) {
        if (value != null) {
            figure(rows, "earnedMediaValue", "", ESTIMATE, "amount", value.amount().toPlainString());
            figure(rows, "earnedMediaValue", "", ESTIMATE, "currency", value.currency());
            figure(rows, "earnedMediaValue", "", ESTIMATE, "costPerClick", value.costPerClick().toPlainString());
            figure(rows, "earnedMediaValue", "", ESTIMATE, "clicks", value.clicks());
            figure(rows, "earnedMediaValue", "", ESTIMATE, "formula", value.formula());
        }
    }

    private static void figure(List<List<Object>> rows, String section, Object key, String label, String metric,
            Object value) {
        rows.add(List.of(section, cell(key), text(label), metric, cell(value)));
    }

    private static Object cell(Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof java.math.BigDecimal decimal ? decimal.toPlainString() : value;
    }

    private static String write(List<String> header, List<List<Object>> rows) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out,
                FORMAT.builder().setHeader(header.toArray(String[]::new)).get())) {
            for (List<Object> row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
