package io.chorus.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Tenancy by construction reaches native SQL too: every statement of the main sources that reads or writes a tenant
 * table (one with an {@code organization_id} column, read from the migrations) names {@code organization_id}. A
 * statement is a run of string literals joined by {@code +} (text blocks included); the few that rightly span every
 * organization (the cluster's jobs, and look-ups by an id or code unique across the deployment) are listed here with
 * their reason. No Quarkus: this reads the sources.
 */
class NativeSqlTenancyTest {

    /** Per source (relative to io/chorus), the statements (by a piece of their text) allowed, and why. */
    static final Map<String, Allowed> ALLOWED = Map.ofEntries(
            Map.entry("conversions/Attribution.java",
                    new Allowed(Set.of("where status = 'pending' and next_attempt_at",
                            "update conversions set next_attempt_at", "update conversions set status = 'unattributed'"),
                            "the attribution sweep's queue spans every organization, by conversion id")),
            Map.entry("mail/OutboxSender.java",
                    new Allowed(Set.of("update mail_outbox set"),
                            "the sender updates the mails it claimed from every organization, by their ids")),
            Map.entry("mail/MailSending.java",
                    new Allowed(Set.of("delete from mail_rate_windows"),
                            "retention of every organization's rate windows")),
            Map.entry("content/ContentClock.java",
                    new Allowed(
                            Set.of("update content set status = 'published'", "update content set status = 'expired'"),
                            "the content clock publishes and expires every organization's content at its time")),
            Map.entry("analytics/AnalyticsRollup.java",
                    new Allowed(Set.of("select exists (select 1 from analytics_click_batches)"),
                            "whether the rollup has anything to do, for every organization")),
            Map.entry("sharing/clicks/VisitorIds.java",
                    new Allowed(Set.of("delete from sharer_visitors"),
                            "retention of every organization's sharer visitors")),
            Map.entry("sharing/clicks/ClickBatches.java",
                    new Allowed(Set.of("from sharer_visitors where visitor_id", "select 1 from click_events where id"),
                            "a batch holds clicks of every organization: visitor and click ids are the deployment's")),
            Map.entry("scoring/CampaignClock.java",
                    new Allowed(Set.of("update campaigns set start_noted_at", "update campaigns set end_noted_at"),
                            "the campaign clock notes every organization's campaigns starting and ending")),
            Map.entry("webhooks/WebhookSender.java", new Allowed(
                    Set.of("update webhook_deliveries set status", "update webhook_endpoints set failures"),
                    "the sender updates the deliveries it claimed from every organization, and their endpoints, by id")),
            Map.entry("webhooks/DeliveryRetention.java",
                    new Allowed(Set.of("delete from webhook_deliveries"),
                            "retention of every organization's delivery log")),
            Map.entry("sources/SourcePoller.java", new Allowed(Set.of("update content_sources s set lease_until"),
                    "pollers claim the due sources of every organization, by id")));

    record Allowed(Set<String> statements, String reason) {
    }

    private static final Pattern TABLE = Pattern.compile("create table (?:if not exists )?(\\w+)\\s*\\((.*?)\\n\\);",
            Pattern.DOTALL);
    private static final Pattern LITERAL = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"",
            Pattern.DOTALL);
    private static final Pattern VERB = Pattern.compile("\\b(select|update|delete|insert)\\b");
    /** What may stand between two literals of one statement: a + and names (constants, method calls). */
    private static final Pattern JOINER = Pattern.compile("[\\s+\\w.()]*\\+[\\s+\\w.()]*");

    @Test
    void everyNativeStatementOverATenantTableNamesTheOrganization() throws IOException {
        Set<String> tenantTables = tenantTables();
        assertThat(tenantTables).contains("members", "content", "shares", "click_events", "points_ledger");
        Path root = Path.of("src/main/java/io/chorus");
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(root)) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String name = root.relativize(source).toString().replace('\\', '/');
                String code = Files.readString(source);
                for (Statement statement : statements(code)) {
                    String sql = statement.text().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
                    if (!VERB.matcher(sql).find() || sql.contains("organization_id")) {
                        continue;
                    }
                    List<String> touched = tenantTables.stream()
                            .filter(t -> Pattern.compile("\\b(from|join|update|into) " + t + "\\b").matcher(sql).find())
                            .toList();
                    Allowed allowed = ALLOWED.getOrDefault(name, new Allowed(Set.of(), ""));
                    if (!touched.isEmpty() && allowed.statements().stream().noneMatch(sql::contains)) {
                        offenders.add(name + ":" + statement.line() + " " + touched + ": "
                                + sql.substring(0, Math.min(120, sql.length())));
                    }
                }
            }
        }
        assertThat(offenders).as("native statements over tenant tables that do not name the organization").isEmpty();
    }

    @Test
    void theScanFindsAStatementThatForgetsTheOrganization() {
        String code = "class X { String q = \"select id from campaign_content\"\n + \" where campaign_id = ?\"; }";
        List<Statement> found = statements(code);
        assertThat(found).hasSize(1);
        assertThat(found.get(0).text()).isEqualTo("select id from campaign_content where campaign_id = ?");
    }

    record Statement(int line, String text) {
    }

    static List<Statement> statements(String code) {
        List<Statement> statements = new ArrayList<>();
        Matcher literal = LITERAL.matcher(code);
        int start = -1;
        int end = -1;
        StringBuilder text = null;
        while (literal.find()) {
            String value = literal.group(1) != null ? literal.group(1) : literal.group(2);
            if (text != null && JOINER.matcher(code.substring(end, literal.start())).matches()) {
                text.append(value);
            } else {
                if (text != null) {
                    statements.add(new Statement(line(code, start), text.toString()));
                }
                start = literal.start();
                text = new StringBuilder(value);
            }
            end = literal.end();
        }
        if (text != null) {
            statements.add(new Statement(line(code, start), text.toString()));
        }
        return statements;
    }

    private static int line(String code, int offset) {
        return (int) code.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }

    private static Set<String> tenantTables() throws IOException {
        Set<String> tables = new TreeSet<>();
        try (Stream<Path> migrations = Files.list(Path.of("src/main/resources/db/migration"))) {
            for (Path migration : migrations.sorted().toList()) {
                Matcher table = TABLE.matcher(Files.readString(migration));
                while (table.find()) {
                    if (table.group(2).contains("organization_id")) {
                        tables.add(table.group(1));
                    }
                }
            }
        }
        return tables;
    }
}
