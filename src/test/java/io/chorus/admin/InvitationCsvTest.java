package io.chorus.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.chorus.admin.InvitationCsv.Parsed;
import io.chorus.admin.InvitationCsv.Row;
import io.chorus.identity.Role;

/** How a file of invitations is read: its format, and what is wrong with a row or with the whole file. */
class InvitationCsvTest {

    private static final UUID PARIS = UUID.randomUUID();
    private static final UUID SALES = UUID.randomUUID();
    private static final Map<String, UUID> GROUPS = Map.of("paris", PARIS, "sales, emea", SALES);

    @Test
    void readsEveryColumnInAnyOrderAndCase() {
        Parsed parsed = parse("Language,GROUPS,Roles,Name,E-mail\r\n"
                + "fr,\"Paris|Sales, EMEA\",\"curator, analyst\",Ada,ada@x.example\r\n" + ",,,Bob,bob@x.example\r\n");
        assertThat(parsed.problem()).isNull();
        assertThat(parsed.rows()).containsExactly(
                new Row(2, "ada@x.example", "Ada", Set.of(Role.CURATOR, Role.ANALYST), List.of(PARIS, SALES), "fr",
                        null, ""),
                new Row(3, "bob@x.example", "Bob", Set.of(Role.AMBASSADOR), List.of(), "de", null, ""));
    }

    @Test
    void findsTheSeparatorAndSkipsTheByteOrderMarkAndBlankLines() {
        assertThat(parse("\uFEFFemail;name\n\na@x.example;A\n;\n").rows()).extracting(Row::number, Row::email)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3L, "a@x.example"));
        assertThat(parse("email\tname\na@x.example\tA, the first\n").rows()).extracting(Row::name)
                .containsExactly("A, the first");
    }

    @Test
    void aBadRowSaysWhatIsWrongAndLeavesTheOthersAlone() {
        Parsed parsed = parse("email,name,roles,groups\n" + "a@x.example,A,wizard,\n" + "b@x.example,B,,Lyon\n"
                + ",C,,\n" + "d@x.example,,,\n" + "e@x.example,E,,,surplus\n" + "f@x.example,F,ADMIN,PARIS\n");
        assertThat(parsed.rows()).extracting(Row::problem, Row::detail).containsExactly(
                org.assertj.core.groups.Tuple.tuple("unknown_role", "wizard"),
                org.assertj.core.groups.Tuple.tuple("unknown_group", "Lyon"),
                org.assertj.core.groups.Tuple.tuple("missing_email", ""),
                org.assertj.core.groups.Tuple.tuple("missing_name", ""),
                org.assertj.core.groups.Tuple.tuple("extra_values", ""), org.assertj.core.groups.Tuple.tuple(null, ""));
        assertThat(parsed.rows().get(5).roles()).containsExactly(Role.ADMIN);
    }

    @Test
    void aFileThatBreaksOffKeepsTheRowsBeforeTheBreak() {
        Parsed parsed = parse("email,name\na@x.example,A\nb@x.example,\"B\n");
        assertThat(parsed.rows()).extracting(Row::email).containsExactly("a@x.example");
        assertThat(parsed.problem()).isEqualTo("unreadable");
        assertThat(parsed.detail()).isEqualTo("3");
    }

    @Test
    void aFileThatIsNotATableOfInvitationsIsRefusedWhole() {
        assertThat(problem("")).isEqualTo("empty");
        assertThat(problem("email,name\n")).isEqualTo("no_rows");
        assertThat(problem("email,nom,name\na,b,c\n")).isEqualTo("duplicate_column");
        assertThat(problem("email,department\na,b\n")).isEqualTo("unknown_column");
        assertThat(problem("name,roles\nA,admin\n")).isEqualTo("missing_column");
        assertThat(problem("email,name\n" + "a@x.example,A\n".repeat(InvitationCsv.MAX_ROWS + 1)))
                .isEqualTo("too_many_rows");
        byte[] latin1 = "email,name\nzoe@x.example,Zoé\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(InvitationCsv.parse(latin1, GROUPS, "en").problem()).isEqualTo("not_utf8");
        assertThat(parse("email,name\n" + "a@x.example,A\n".repeat(InvitationCsv.MAX_ROWS)).rows())
                .hasSize(InvitationCsv.MAX_ROWS);
    }

    private static Parsed parse(String text) {
        return InvitationCsv.parse(text.getBytes(StandardCharsets.UTF_8), GROUPS, "de");
    }

    private static String problem(String text) {
        Parsed parsed = parse(text);
        assertThat(parsed.rows()).isEmpty();
        return parsed.problem();
    }
}
