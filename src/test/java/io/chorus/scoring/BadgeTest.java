package io.chorus.scoring;

import static io.chorus.scoring.ScoringTest.CHROME;
import static io.chorus.scoring.ScoringTest.award;
import static io.chorus.scoring.ScoringTest.follow;
import static io.chorus.scoring.ScoringTest.score;
import static io.chorus.scoring.ScoringTest.share;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.chorus.common.Time;
import io.chorus.support.Api;
import io.chorus.support.Contents;
import io.chorus.support.Dates.AtEdges;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.chorus.support.Organizations.Person;
import io.chorus.support.Rows;
import io.chorus.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class BadgeTest {

    private static final List<String> NETWORKS = List.of("linkedin", "x", "facebook", "xing", "whatsapp", "email");

    @Inject
    DataSource database;

    @Inject
    Standings standings;

    @Inject
    BadgeJobs jobs;

    @Test
    void shareAndClickMilestonesAreAwardedOnceWhenReached() {
        Org org = Organizations.create();
        Person curator = org.member("curator");
        Person ambassador = org.member("ambassador");
        List<String> contents = List.of(Contents.published(curator.token(), Contents.body("One")),
                Contents.published(curator.token(), Contents.body("Two")));
        String code = Api.as(ambassador.token()).body(Map.of("network", "linkedin"))
                .post("/api/v1/content/{id}/shares", contents.get(0)).then().statusCode(201).extract().path("code");
        assertThat(badges(ambassador)).containsExactly("first_share");
        int shares = 1;
        for (String content : contents) {
            for (String network : NETWORKS) {
                if (shares == 10) {
                    break;
                }
                if (!(content.equals(contents.get(0)) && network.equals("linkedin"))) {
                    share(ambassador, content, network, 201);
                    shares++;
                    if (shares == 9) {
                        assertThat(badges(ambassador)).containsExactly("first_share");
                    }
                }
            }
        }
        assertThat(badges(ambassador)).containsExactly("first_share", "shares_10");

        follow(code, "198.19.50.1", CHROME);
        CampaignTest.waitFor(() -> badges(ambassador).contains("first_click"));
        follow(code, "198.19.50.2", CHROME);
        CampaignTest.waitFor(() -> score(ambassador).getLong("breakdown.click") == 4);
        assertThat(badges(ambassador)).containsExactly("first_share", "shares_10", "first_click");
        JsonPath first = score(ambassador).setRootPath("badges[0]");
        assertThat(Instant.parse(first.getString("awardedAt"))).isBefore(Time.now());
    }

    @Test
    void anApprovedSubmissionEarnsItsBadge() {
        Org org = Organizations.create();
        Person author = org.member("ambassador");
        String submission = Contents.create(author.token(), Contents.body("My idea")).getString("id");
        assertThat(badges(author)).isEmpty();
        Api.as(org.member("curator").token()).post("/api/v1/content/{id}/approve", submission).then().statusCode(200);
        assertThat(badges(author)).containsExactly("submission_approved");
    }

    @Test
    void fourConsecutiveWeeksWithAShareMakeAStreak() throws SQLException {
        Org org = Organizations.create();
        Person steady = org.member("ambassador");
        Person gappy = org.member("ambassador");
        Instant monday = LocalDate.of(2026, 9, 7).atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(36_000);
        for (int week : List.of(0, 1, 2)) {
            award(database, standings, org, steady, ScoringAction.SHARE, monday.plusSeconds(week * 7 * 86_400L));
        }
        for (int week : List.of(0, 1, 2, 4)) {
            award(database, standings, org, gappy, ScoringAction.SHARE, monday.plusSeconds(week * 7 * 86_400L));
        }
        assertThat(badges(steady)).doesNotContain("streak_4_weeks");
        award(database, standings, org, steady, ScoringAction.SHARE, monday.plusSeconds(3 * 7 * 86_400L + 5 * 86_400L));
        assertThat(badges(steady)).contains("streak_4_weeks");
        assertThat(badges(gappy)).doesNotContain("streak_4_weeks");
    }

    /**
     * At each edge, in Paris: last month's top 10 there. A click in the last second of last month there counts for it;
     * clicks in the first second of this month there (still last month in UTC) do not.
     */
    @AtEdges
    void theTopTenOfAMonthThatIsOverGetItsBadgeTiesIncluded(ZonedDateTime at) throws SQLException {
        try (TestClock clock = TestClock.runFrom(at)) {
            topTenOfLastMonth(at.getZone());
        }
    }

    private void topTenOfLastMonth(ZoneId zone) throws SQLException {
        Org org = Organizations.create();
        Api.as(org.admin().token()).body(Map.of("timeZone", zone.getId(), "levelThresholds", List.of(0, 100)))
                .put("/api/v1/settings/organization").then().statusCode(200);
        YearMonth thisMonth = YearMonth.from(Time.today(zone));
        YearMonth lastMonth = thisMonth.minusMonths(1);
        Instant during = lastMonth.atDay(4).atTime(12, 0).atZone(zone).toInstant();
        Instant thisMonthStarted = thisMonth.atDay(1).atStartOfDay(zone).toInstant();
        List<Person> members = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Person member = org.member("ambassador");
            members.add(member);
            // Last month: 12, 11, ..., 3, 3, 1 clicks: the 10th and 11th tie. The 11th's third click is in the month's
            // last second; the 12th clicks 20 times more, in this month's first second.
            int clicks = i == 10 ? 2 : i == 11 ? 1 : 12 - i;
            for (int c = 0; c < clicks; c++) {
                award(database, standings, org, member, ScoringAction.CLICK, during);
            }
            if (i == 10) {
                award(database, standings, org, member, ScoringAction.CLICK, thisMonthStarted.minusSeconds(1));
            }
            if (i == 11) {
                for (int c = 0; c < 20; c++) {
                    award(database, standings, org, member, ScoringAction.CLICK, thisMonthStarted);
                }
            }
        }
        jobs.monthlyTop10();
        jobs.monthlyTop10();
        for (int i = 0; i < 12; i++) {
            List<String> badges = badges(members.get(i));
            if (i <= 10) {
                assertThat(badges).as("member %d", i).containsOnlyOnce("top10_month");
                assertThat(score(members.get(i)).getString("badges.find { it.id == 'top10_month' }.month"))
                        .isEqualTo(lastMonth.toString());
            } else {
                assertThat(badges).as("member %d", i).doesNotContain("top10_month");
            }
        }
        assertThat(Rows.of(database,
                "select count(*) from member_badges where badge = 'top10_month' and organization_id = '" + org.id()
                        + "'")).containsExactly("11");
    }

    private static List<String> badges(Person member) {
        return score(member).getList("badges.id", String.class);
    }
}
