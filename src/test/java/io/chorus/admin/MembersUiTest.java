package io.chorus.admin;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;

import io.chorus.support.Api;
import io.chorus.support.Contents;
import io.chorus.support.Organizations;
import io.chorus.support.Organizations.Org;
import io.chorus.support.Organizations.Person;
import io.quarkus.test.junit.QuarkusTest;

/** Members and groups in the admin UI: invitations (one, or a CSV file), roles, groups, deactivation. */
@QuarkusTest
class MembersUiTest extends AdminBrowserTest {

    @Test
    void aCsvImportInvitesTheGoodRowsAndSaysWhyEveryOtherFailed() {
        Org org = Organizations.create();
        String paris = org.group("Paris", "location");
        String marketing = org.group("Marketing", "department");
        Person existing = org.member("ambassador");
        String domain = "@" + org.slug() + ".example";
        String csv = "\uFEFFEmail;Name;Roles;Groups\n" // a spreadsheet's byte order mark and semicolons
                + "ada" + domain + ";Ada Lovelace;ambassador|curator;Paris|Marketing\n" // 2: invited
                + "not-an-email;Nobody;ambassador;\n" // 3
                + existing.email() + ";Already Here;;\n" // 4
                + "bob" + domain + ";Bob;ambassador;Atlantis\n" // 5
                + "carol" + domain + ";Carol;wizard;\n" // 6
                + "ADA" + domain + ";Ada Again;;\n" // 7: same address as row 2
                + "\n" // skipped
                + "marc" + domain + ";\"Dupont; Marc\";;paris\n" // 9: invited, quoted separator, any case
                + "dan" + domain + ";;;\n"; // 10

        signIn(org, org.admin());
        page.navigate("/admin/members");
        page.getByTestId("invite").click();
        page.locator("#file")
                .setInputFiles(new FilePayload("members.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
        page.getByTestId("import").click();

        assertThat(page.locator("h1")).hasText("Import report");
        assertThat(page.getByTestId("report-summary")).hasText("2 invited, 6 not invited.");
        Browser.screenshot(page, "members-import-report");
        assertFitsAPhone("members-import-report-phone");
        Map<String, String> outcome = Map.of("2", "Invited", "3",
                "Enter a valid email address (at most 320 characters).", "4",
                "A member with this email already exists.", "5",
                "There is no group called “Atlantis”: create it first, or fix its name.", "6",
                "“wizard” is not a role: use ambassador, curator, analyst or admin.", "7",
                "Same email as row 2, already invited from this file.", "9", "Invited", "10", "Enter a name.");
        Locator rows = page.getByTestId("report-row");
        assertThat(rows).hasCount(8);
        for (int i = 0; i < 8; i++) {
            Locator row = rows.nth(i);
            String number = row.locator("td").first().innerText().strip();
            assertThat(row).containsText(outcome.get(number));
        }
        assertThat(rows.nth(0).locator("input.link")).hasValue(Pattern.compile("/invitations/.+"));

        List<Map<String, Object>> invited = Api.as(org.admin().token()).get("/api/v1/members?status=invited").then()
                .statusCode(200).extract().path("items");
        assertThat(invited).extracting(m -> m.get("email")).containsExactly("ada" + domain, "marc" + domain);
        assertThat(invited.get(0)).containsEntry("roles", List.of("ambassador", "curator")).containsEntry("name",
                "Ada Lovelace");
        assertThat((List<Object>) invited.get(0).get("groupIds")).containsExactlyInAnyOrder(paris, marketing);
        assertThat(invited.get(1)).containsEntry("name", "Dupont; Marc").containsEntry("roles", List.of("ambassador"))
                .containsEntry("groupIds", List.of(paris)).containsEntry("language", "en");

        page.navigate("/admin/members");
        assertThat(page.getByTestId("member-row")).hasCount(4);
        Browser.screenshot(page, "members");
        assertFitsAPhone("members-phone");
    }

    @Test
    void aFileWithAnUnknownColumnIsRefusedWholeAndInvitesNobody() {
        Org org = Organizations.create();
        signIn(org, org.admin());
        page.navigate("/admin/invitations");
        page.locator("#file").setInputFiles(new FilePayload("members.csv", "text/csv",
                "email,name,grups\nx@y.example,X,Paris\n".getBytes(StandardCharsets.UTF_8)));
        page.getByTestId("import").click();
        assertThat(page.getByTestId("file-problem"))
                .hasText("Unknown column “grups”: use email, name, roles, groups and language.");
        Api.as(org.admin().token()).get("/api/v1/members?status=invited").then().statusCode(200).body("items.size()",
                equalTo(0));
    }

    @Test
    void anAdminInvitesOneMemberAndSeesTheLinkToHandOver() {
        Org org = Organizations.create();
        org.group("Lyon", "location");
        String email = "new@" + org.slug() + ".example";
        signIn(org, org.admin());
        page.navigate("/admin/invitations");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Name", new com.microsoft.playwright.Page.GetByLabelOptions().setExact(true))
                .fill("<b>New</b> Colleague");
        page.getByLabel("Analyst").check();
        page.getByLabel("Lyon").check();
        page.locator("#language").selectOption("fr");
        Browser.screenshot(page, "members-invite");
        page.getByTestId("send-invitation").click();

        assertThat(page.locator("h1")).hasText("Invitation ready");
        assertThat(page.locator("hgroup p")).hasText("<b>New</b> Colleague (" + email + ") is invited.");
        assertThat(page.getByTestId("accept-url")).hasValue(Pattern.compile("/invitations/.+"));
        List<Map<String, Object>> members = Api.as(org.admin().token()).get("/api/v1/members?status=invited").then()
                .statusCode(200).extract().path("items");
        assertThat(members).hasSize(1);
        assertThat(members.get(0)).containsEntry("email", email).containsEntry("language", "fr").containsEntry("roles",
                List.of("ambassador", "analyst"));

        page.navigate("/admin/invitations");
        page.getByLabel("Email").fill(email.toUpperCase());
        page.getByLabel("Name", new com.microsoft.playwright.Page.GetByLabelOptions().setExact(true)).fill("Twice");
        page.getByTestId("send-invitation").click();
        assertThat(page.locator("#email-error")).hasText("A member with this email already exists.");
        assertThat(page.getByLabel("Email")).hasAttribute("aria-invalid", "true");
        assertThat(page.getByLabel("Name", new com.microsoft.playwright.Page.GetByLabelOptions().setExact(true)))
                .hasValue("Twice");
    }

    @Test
    void anAdminChangesARoleAndGroupsThenDeactivatesAndReactivatesAMember() {
        Org org = Organizations.create();
        String sales = org.group("Sales", "department");
        Person member = org.member("ambassador");
        signIn(org, org.admin());
        page.navigate("/admin/members?q=" + member.email().substring(0, 10));
        assertThat(page.getByTestId("member-row")).hasCount(1);
        page.getByTestId("member-row").locator("a").click();

        page.getByLabel("Curator").check();
        page.getByLabel("Sales").check();
        page.getByTestId("save-member").click();
        assertThat(page.locator(".notice")).hasText("The roles and groups are saved.");
        Api.as(org.admin().token()).get("/api/v1/members/{id}", member.id()).then().statusCode(200)
                .body("roles", equalTo(List.of("ambassador", "curator"))).body("groupIds", equalTo(List.of(sales)));

        page.getByLabel("Ambassador").uncheck();
        page.getByLabel("Curator").uncheck();
        page.getByTestId("save-member").click();
        assertThat(page.locator("#roles-error")).hasText("Choose at least one role.");

        page.getByTestId("deactivate").click();
        assertThat(page.getByTestId("member-status")).hasText("Deactivated");
        Browser.screenshot(page, "member");
        Api.as(org.admin().token()).get("/api/v1/members/{id}", member.id()).then().statusCode(200).body("status",
                equalTo("deactivated"));
        Api.login(org.slug(), member.email(), Organizations.PASSWORD).then().statusCode(401);

        page.getByTestId("reactivate").click();
        assertThat(page.getByTestId("member-status")).hasText("Active");
        Api.login(org.slug(), member.email(), Organizations.PASSWORD).then().statusCode(200);
    }

    @Test
    void theLastAdminCannotLoseTheRole() {
        Org org = Organizations.create();
        signIn(org, org.admin());
        page.navigate("/admin/members/" + org.admin().id());
        page.getByLabel("Admin").uncheck();
        page.getByLabel("Ambassador").check();
        page.getByTestId("save-member").click();
        assertThat(page.locator("#roles-error")).hasText("The organization must keep at least one active admin.");
        Api.as(org.admin().token()).get("/api/v1/members/{id}", org.admin().id()).then().statusCode(200).body("roles",
                equalTo(List.of("admin")));
    }

    @Test
    void anAdminErasesAMemberAfterAConfirmationThatSaysWhatGoesAndWhatStays() {
        Org org = Organizations.create();
        Person member = org.member("ambassador");
        signIn(org, org.admin());
        page.navigate("/admin/members/" + member.id());
        assertThat(page.getByTestId("erase")).not().isVisible();
        assertThat(postWithoutCsrfToken("/admin/members/" + member.id() + "/erase",
                RequestOptions.create().setForm(FormData.create().set("x", "1")))).isEqualTo(403);
        page.getByTestId("erase-open").click();
        assertThat(page.getByTestId("erase-removed").locator("li")).hasText(new String[] {
                "their name (shown as “Erased member”) and email address;",
                "their password, sessions and invitations: they can no longer sign in;",
                "what they wrote: the messages of their shares, their submissions never published, and the reasons of"
                        + " the point corrections made to them." });
        assertThat(page.getByTestId("erase-kept")).containsText(
                "their shares, clicks and points, counted under an anonymous identity, so that no figure of the"
                        + " organization changes");
        assertThat(page.getByTestId("erase")).hasText("Erase Member " + member.email() + " for good");
        Browser.screenshot(page, "member-erase");
        assertFitsAPhone("member-erase-phone");
        page.getByTestId("erase").click();

        assertThat(page.locator(".notice")).hasText("The member is erased.");
        assertThat(page.locator("h1")).hasText("Erased member");
        assertThat(page.getByTestId("member-status")).hasText("Erased");
        assertThat(page.locator("hgroup")).not().containsText(member.email());
        assertThat(page.getByTestId("erased")).containsText("Their shares, clicks and points still count");
        assertThat(page.getByTestId("save-member")).hasCount(0);
        assertThat(page.getByTestId("reactivate")).hasCount(0);
        assertThat(page.getByTestId("erase-open")).hasCount(0);
        Browser.screenshot(page, "member-erased");
        Api.as(org.admin().token()).get("/api/v1/members/{id}", member.id()).then().statusCode(200)
                .body("name", equalTo("Erased member")).body("email", equalTo(null)).body("erasedAt", notNullValue());
        Api.as(member.token()).get("/api/v1/me").then().statusCode(401);

        page.navigate("/admin/members");
        Locator row = page.locator("[data-testid=member-row]:has(a[href='/admin/members/" + member.id() + "'])");
        assertThat(row.locator("a")).hasText("Erased member");
        assertThat(row.getByTestId("member-status")).hasText("Erased");
        assertThat(row).not().containsText(member.email());
    }

    @Test
    void theLastAdminCannotBeErasedAndIsToldWhy() {
        Org org = Organizations.create();
        signIn(org, org.admin());
        page.navigate("/admin/members/" + org.admin().id());
        page.getByTestId("erase-open").click();
        page.getByTestId("erase").click();
        assertThat(page.getByTestId("erase-refused")).hasText("The organization must keep at least one active admin.");
        assertThat(page.locator("details.erase")).hasAttribute("open", "");
        assertThat(page.locator("h1")).hasText("Admin");
        Api.as(org.admin().token()).get("/api/v1/members/{id}", org.admin().id()).then().statusCode(200)
                .body("name", equalTo("Admin")).body("status", equalTo("active"));
    }

    @Test
    void anAdminCreatesRenamesAndDeletesGroups() {
        Org org = Organizations.create();
        String parisId = org.group("Paris", "location");
        String content = Contents.published(org.admin().token(), Contents.body("Paris only", List.of(parisId)));
        signIn(org, org.admin());
        page.navigate("/admin/groups");
        page.locator("#new-name").fill("Lyon");
        page.locator("#new-kind").selectOption("location");
        page.getByTestId("create-group").click();
        assertThat(page.locator(".notice")).hasText("The group is created.");
        assertThat(page.getByTestId("group-row")).hasCount(2);

        page.locator("#new-name").fill("paris");
        page.getByTestId("create-group").click();
        assertThat(page.locator("#name-error")).hasText("A group with this name already exists.");

        Locator lyon = page.getByTestId("group-row").filter(new Locator.FilterOptions().setHasText("Lyon"));
        lyon.getByText("Rename").click();
        lyon.getByLabel("Name").fill("Lyon Part-Dieu");
        lyon.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save"))
                .click();
        assertThat(page.locator(".notice")).hasText("The group is saved.");
        Browser.screenshot(page, "groups");
        assertFitsAPhone("groups-phone");
        List<String> names = Api.as(org.admin().token()).get("/api/v1/groups").then().statusCode(200).extract()
                .path("items.name");
        assertThat(names).containsExactly("Lyon Part-Dieu", "Paris");

        Locator paris = page.getByTestId("group-row").filter(new Locator.FilterOptions().setHasText("Paris"));
        paris.getByText("Delete", new Locator.GetByTextOptions().setExact(true)).click();
        paris.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Delete Paris")).click();
        // Content aims at Paris: deleting it would send that content to everyone.
        assertThat(page.getByTestId("delete-refused")).hasText(
                "Content or campaigns are aimed at this group: take it out of their audience first, or they would reach every member.");
        assertThat(page.getByTestId("group-row")).hasCount(2);
        Api.as(org.admin().token()).body(Map.of("targetGroupIds", List.of())).patch("/api/v1/content/{id}", content)
                .then().statusCode(200);
        paris.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Delete Paris")).click();
        assertThat(page.locator(".notice")).hasText("The group is deleted.");
        assertThat(page.getByTestId("group-row")).hasCount(1);
    }

    @Test
    void anImportWithoutTheCsrfTokenIsRefusedAndInvitesNobody() {
        Org org = Organizations.create();
        signIn(org, org.admin());
        page.navigate("/admin/invitations");
        byte[] file = ("email,name\nz@" + org.slug() + ".example,Z\n").getBytes(StandardCharsets.UTF_8);
        assertThat(postWithoutCsrfToken("/admin/invitations/import",
                RequestOptions.create()
                        .setMultipart(FormData.create().set("file", new FilePayload("m.csv", "text/csv", file)))))
                                .isEqualTo(403);
        Api.as(org.admin().token()).get("/api/v1/members?status=invited").then().statusCode(200).body("items.size()",
                equalTo(0));
    }

    @Test
    void aCuratorSeesNoMembersOrSettingsAndIsRefusedThem() {
        Org org = Organizations.create();
        signIn(org, org.member("curator"));
        assertThat(page.locator("nav.container .menu a"))
                .hasText(new String[] { "Dashboard", "Content", "Sources", "Moderation", "Campaigns", "Broadcasts" });
        for (String path : List.of("/admin/members", "/admin/groups", "/admin/settings", "/admin/settings/charter",
                "/admin/invitations", "/admin/leaderboards")) {
            page.navigate(path);
            assertThat(page.locator("h1")).hasText("Your role does not open this page");
        }
    }
}
