package io.chorus.analytics;

import static io.chorus.analytics.Traffic.CHROME;
import static io.chorus.analytics.Traffic.click;
import static io.chorus.analytics.Traffic.share;
import static io.chorus.analytics.Traffic.visitor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.chorus.analytics.AnalyticsViews.Participation;
import io.chorus.analytics.AnalyticsViews.ParticipationRow;
import io.chorus.support.Api;
import io.chorus.support.Contents;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.chorus.support.Organizations.Person;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The CSV exports: one header row, RFC 4180 quoting, and no cell a spreadsheet would run as a formula. */
@QuarkusTest
class AnalyticsCsvTest {

    static final List<String> TITLES = List.of("Results, \"Q3\"\nand what comes next", "=1+2", "+SUM(A1:A9)", "-3",
            "@cmd|' /C calc'!A0", "Plain title");
    static final String GROUP = "=HYPERLINK(\"http://evil.example\",\"Click\")";
    static Org org;
    static Person analyst;
    static String group;
    static List<String> items = new ArrayList<>();

    @BeforeEach
    void organization() {
        if (org != null) {
            return;
        }
        org = Organizations.create();
        analyst = org.member("analyst");
        Person curator = org.member("curator");
        group = org.group(GROUP, "team");
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            people.add(org.member(List.of(group), "ambassador"));
        }
        for (int i = 0; i < TITLES.size(); i++) {
            String item = Contents.published(curator.token(), Contents.body(TITLES.get(i)));
            items.add(item);
            var shared = share(people.get(i % 5), item, "linkedin");
            for (int c = 0; c <= i; c++) {
                click(shared, visitor(), CHROME);
            }
        }
        Traffic.awaitOverview(analyst.token(), "", 6, 21);
    }

    @Test
    void theOverviewIsOneRowPerFigureWithTitlesQuotedAndDefused() throws IOException {
        Response response = csv("/api/v1/analytics/overview");
        response.then().statusCode(200).contentType(startsWith("text/csv")).header("Content-Disposition",
                startsWith("attachment; filename=\"chorus-overview-"));
        String body = response.asString();
        assertThat(body).as("RFC 4180 line ends").contains("\r\n").doesNotContain("value\n");
        assertThat(body).as("quotes doubled inside a quoted field").contains("\"Results, \"\"Q3\"\"\nand what");

        List<CSVRecord> records = parse(body, "section", "key", "label", "metric", "value");
        assertThat(value(records, "members", "total")).isEqualTo("5");
        assertThat(value(records, "activity", "clicks")).isEqualTo("21");
        assertThat(value(records, "activity", "participationRate")).isEqualTo("1.0000");
        assertThat(value(records, "clicksByNetwork", "clicks")).isEqualTo("21");
        assertThat(value(records, "concentration", "top5PercentShareOfClicks")).as("empty: too few").isEmpty();
        assertThat(value(records, "range", "timeZone")).isEqualTo("UTC");
        List<String> labels = records.stream()
                .filter(r -> r.get("section").equals("topContent") && r.get("metric").equals("clicks"))
                .map(r -> r.get("label")).toList();
        assertThat(labels).containsExactly("Plain title", "'@cmd|' /C calc'!A0", "'-3", "'+SUM(A1:A9)", "'=1+2",
                "Results, \"Q3\"\nand what comes next");
        assertThat(records.stream().filter(r -> r.get("section").equals("topContent")).map(r -> r.get("value")))
                .allMatch(v -> v.matches("\\d+"));
    }

    @Test
    void participationRetentionAndContentAreTablesWithAHeaderRow() throws IOException {
        List<CSVRecord> participation = parse(csv("/api/v1/analytics/participation").asString(), "key", "label",
                "members", "sharing", "participationRate", "shares", "clicks");
        assertThat(participation).hasSize(1);
        assertThat(participation.get(0).get("key")).isEqualTo(group);
        assertThat(participation.get(0).get("label")).isEqualTo("'" + GROUP);
        assertThat(participation.get(0).get("clicks")).isEqualTo("21");

        List<CSVRecord> weeks = parse(csv("/api/v1/analytics/participation?groupBy=week").asString(), "key", "label",
                "members", "sharing", "participationRate", "shares", "clicks");
        assertThat(weeks).hasSizeBetween(5, 6);

        List<String> header = new ArrayList<>(List.of("cohort", "members"));
        for (int week = 1; week <= 12; week++) {
            header.add("week" + week);
        }
        List<CSVRecord> retention = parse(csv("/api/v1/analytics/retention").asString(), header.toArray(String[]::new));
        assertThat(retention).hasSize(1);
        assertThat(retention.get(0).get("members")).isEqualTo("5");
        assertThat(retention.get(0).get("week1")).as("not ended yet").isEmpty();

        List<CSVRecord> content = parse(csv("/api/v1/analytics/content/" + items.get(1)).asString(), "section", "key",
                "label", "metric", "value");
        assertThat(content.stream().filter(r -> r.get("section").equals("content")).map(r -> r.get("label")))
                .containsOnly("'=1+2");
        assertThat(value(content, "content", "clicks")).isEqualTo("2");
        assertThat(content.stream().filter(r -> r.get("section").equals("day") && r.get("metric").equals("clicks")))
                .as("every day of the default range").hasSize(30);
    }

    @Test
    void aBadRequestIsAProblemWhateverWasAccepted() {
        Api.as(analyst.token()).accept("text/csv").get("/api/v1/analytics/overview?from=yesterday").then()
                .statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("from"));
        Api.as(analyst.token()).accept("application/xml").get("/api/v1/analytics/overview").then().statusCode(406)
                .contentType("application/problem+json");
        Api.as(analyst.token()).accept("text/csv, application/json;q=0.5").get("/api/v1/analytics/retention").then()
                .statusCode(200).contentType(startsWith("text/csv"));
        Api.as(analyst.token()).accept("*/*").get("/api/v1/analytics/retention").then().statusCode(200)
                .contentType(containsString("json"));
    }

    @Test
    void onlyTypedTextIsDefusedNeverAFigure() {
        assertThat(AnalyticsCsv.text("=cmd")).isEqualTo("'=cmd");
        assertThat(AnalyticsCsv.text("\tx")).isEqualTo("'\tx");
        assertThat(AnalyticsCsv.text("\rx")).isEqualTo("'\rx");
        assertThat(AnalyticsCsv.text("a=b")).isEqualTo("a=b");
        // A figure that happened to be negative would stay a number: only the label column is typed text.
        String csv = AnalyticsCsv.participation(new Participation(null, null, "UTC", null, "group",
                List.of(new ParticipationRow("-1", "-1", -1, 0, null, -5, 0))));
        assertThat(csv).isEqualTo("key,label,members,sharing,participationRate,shares,clicks\r\n-1,'-1,-1,0,,-5,0\r\n");
    }

    private static Response csv(String path) {
        return Api.as(analyst.token()).accept("text/csv").get(path);
    }

    private static List<CSVRecord> parse(String body, String... header) throws IOException {
        try (CSVParser parser = CSVParser.parse(new StringReader(body),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            assertThat(parser.getHeaderNames()).containsExactly(header);
            return parser.getRecords();
        }
    }

    private static String value(List<CSVRecord> records, String section, String metric) {
        return records.stream().filter(r -> r.get("section").equals(section) && r.get("metric").equals(metric))
                .map(r -> r.get("value")).findFirst().orElseThrow();
    }
}
