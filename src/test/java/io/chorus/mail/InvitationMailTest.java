package io.chorus.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.chorus.support.Api;
import io.chorus.support.Inbox;
import io.chorus.support.Inbox.Received;
import io.chorus.support.MailProfile;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.chorus.support.Rows;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@TestProfile(MailProfile.class)
class InvitationMailTest {

    private static final Pattern LINK = Pattern.compile("https?://\\S+/invitations/[A-Za-z0-9_-]+");

    @Inject
    DataSource database;
    @Inject
    MailJobs jobs;

    @Test
    void anInvitedMemberGetsTheirLinkByMailAndItWorks() {
        Org org = Organizations.create();
        String email = "new-" + org.slug() + "@example.com";
        JsonPath invited = invite(org, email, "Nadia Invitee", "en");

        Received mail = Inbox.await(email, 1).get(0);

        assertThat(mail.subject()).isEqualTo("You are invited to join Org " + org.slug() + " on Chorus");
        assertThat(mail.text()).startsWith("Hello Nadia Invitee,").contains(invited.getString("invitation.acceptUrl"));
        assertThat(mail.html()).contains("href=\"" + invited.getString("invitation.acceptUrl") + "\"")
                .doesNotContain("<script");
        assertThat(mail.header("List-Unsubscribe")).as("an invitation is transactional").isNull();
        Organizations.accept(token(mail.text()), "Nadia");
    }

    @Test
    void theFirstAdminOfANewOrganizationIsInvitedByMailAndInTheirLanguage() {
        String slug = "mail-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String adminEmail = "first-admin@" + slug + ".example";
        String acceptUrl = Api.as(Organizations.operatorToken())
                .body(Map.of("slug", slug, "name", "Org " + slug, "adminEmail", adminEmail, "adminName", "Ada"))
                .post("/api/v1/organizations").then().statusCode(201).extract().path("adminInvitation.acceptUrl");
        Received admin = Inbox.await(adminEmail, 1).get(0);
        assertThat(admin.subject()).isEqualTo("You are invited to join Org " + slug + " on Chorus");
        assertThat(admin.text()).startsWith("Hello Ada,").contains(acceptUrl);

        Org org = Organizations.create();
        String email = "fr-" + org.slug() + "@example.com";
        invite(org, email, "Amélie", "fr");
        Received french = Inbox.await(email, 1).get(0);
        assertThat(french.subject()).isEqualTo("Vous êtes invité·e à rejoindre Org " + org.slug() + " sur Chorus");
        assertThat(french.text()).startsWith("Bonjour Amélie,").contains("Accepter l'invitation");
        assertThat(french.html()).contains("lang=\"fr\"");
    }

    @Test
    void aMemberWhoDoesNotAcceptIsRemindedAfterThreeAndTenDaysWithAWorkingLink() throws Exception {
        Org org = Organizations.create();
        String email = "late-" + org.slug() + "@example.com";
        String memberId = invite(org, email, "Late Larry", "en").getString("id");
        String first = token(Inbox.await(email, 1).get(0).text());

        age(memberId, "2 days");
        jobs.run();
        assertThat(Inbox.of(email)).as("no reminder before 3 days").hasSize(1);

        age(memberId, "1 day 1 minute");
        jobs.run();
        Received reminder = Inbox.await(email, 2).get(1);
        assertThat(reminder.subject()).isEqualTo("Reminder: your invitation to join Org " + org.slug() + " on Chorus");
        assertThat(token(reminder.text())).isNotEqualTo(first);

        jobs.run();
        age(memberId, "6 days");
        jobs.run();
        assertThat(Inbox.of(email)).as("no second reminder before 10 days").hasSize(2);

        age(memberId, "1 day 1 minute");
        jobs.run();
        Received second = Inbox.await(email, 3).get(2);
        assertThat(second.subject()).startsWith("Reminder");

        age(memberId, "30 days");
        jobs.run();
        assertThat(Inbox.of(email)).as("two reminders at most").hasSize(3);
    }

    @Test
    void anAcceptedInvitationIsNotRemindedOf() throws Exception {
        Org org = Organizations.create();
        String email = "quick-" + org.slug() + "@example.com";
        String memberId = invite(org, email, "Quick Quentin", "en").getString("id");
        Organizations.accept(token(Inbox.await(email, 1).get(0).text()), "Quentin");

        age(memberId, "4 days");
        jobs.run();

        assertThat(Rows.of(database, "select count(*) from invitations where member_id = '" + memberId + "'"))
                .containsExactly("1");
        assertThat(Inbox.of(email)).hasSize(1);
    }

    private static JsonPath invite(Org org, String email, String name, String language) {
        return Api.as(org.admin().token())
                .body(Map.of("email", email, "name", name, "roles", List.of("ambassador"), "language", language))
                .post("/api/v1/members").then().statusCode(201).extract().jsonPath();
    }

    /** Makes the member's invitations older, as if that much time had passed. */
    private void age(String memberId, String interval) {
        Rows.of(database, "with aged as (update invitations set created_at = created_at - interval '" + interval
                + "' where member_id = '" + memberId + "' returning 1) select count(*) from aged");
    }

    private static String token(String text) {
        Matcher link = LINK.matcher(text);
        assertThat(link.find()).as("an accept link in %s", text).isTrue();
        return link.group().substring(link.group().lastIndexOf('/') + 1);
    }
}
