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
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.chorus.support.Api;
import io.chorus.support.Contents;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.chorus.support.Organizations.Person;
import io.chorus.support.Rows;
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
        assertThat(Instant.parse(first.getString("awardedAt"))).isBefore(Instant.now());
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

    @Test
    void theTopTenOfAMonthThatIsOverGetItsBadgeTiesIncluded() throws SQLException {
        Org org = Organizations.create();
        LocalDate lastMonth = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).minusMonths(1);
        Instant during = lastMonth.plusDays(3).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<Person> members = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Person member = org.member("ambassador");
            members.add(member);
            // 12, 11, ..., 3, 3, 1 clicks: the 10th and 11th tie.
            int clicks = i == 10 ? 3 : 12 - i;
            for (int c = 0; c < clicks; c++) {
                award(database, standings, org, member, ScoringAction.CLICK, during);
            }
        }
        jobs.monthlyTop10();
        jobs.monthlyTop10();
        String month = lastMonth.toString().substring(0, 7);
        for (int i = 0; i < 12; i++) {
            List<String> badges = badges(members.get(i));
            if (i <= 10) {
                assertThat(badges).as("member %d", i).containsOnlyOnce("top10_month");
                assertThat(score(members.get(i)).getString("badges.find { it.id == 'top10_month' }.month"))
                        .isEqualTo(month);
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
