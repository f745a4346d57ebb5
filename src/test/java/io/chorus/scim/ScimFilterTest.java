package io.chorus.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.chorus.common.problem.ProblemException;
import io.chorus.scim.ScimFilter.And;
import io.chorus.scim.ScimFilter.Compare;
import io.chorus.scim.ScimFilter.Not;
import io.chorus.scim.ScimFilter.Op;
import io.chorus.scim.ScimFilter.Or;
import io.chorus.scim.ScimFilter.Present;
import io.chorus.scim.ScimFilter.ValuePath;
import io.chorus.scim.ScimQuery.Condition;

/** The filter grammar of RFC 7644 §3.4.2.2, and its translation into a query that binds every value. */
class ScimFilterTest {

    private static final List<String> USER = List.of(Scim.USER);

    @Test
    void parsesTheGrammarWithPrecedenceCaseInsensitivityAndSchemaPrefixes() {
        assertThat(ScimFilter.parse("userName Eq \"bjensen\"", USER))
                .isEqualTo(new Compare("username", Op.EQ, "bjensen"));
        assertThat(ScimFilter.parse("urn:ietf:params:scim:schemas:core:2.0:User:name.familyName co \"O'Malley\"", USER))
                .isEqualTo(new Compare("name.familyname", Op.CO, "O'Malley"));
        assertThat(ScimFilter.parse("title pr and userType eq \"Employee\" or not (active eq false)", USER))
                .isEqualTo(new Or(new And(new Present("title"), new Compare("usertype", Op.EQ, "Employee")),
                        new Not(new Compare("active", Op.EQ, Boolean.FALSE))));
        assertThat(ScimFilter.parse(
                "userType eq \"Employee\" and (emails co \"example.com\" or emails.value co " + "\"example.org\")",
                USER)).isInstanceOf(And.class);
        assertThat(ScimFilter.parse("emails[type eq \"work\" and value co \"@example.com\"]", USER))
                .isEqualTo(new ValuePath("emails",
                        new And(new Compare("type", Op.EQ, "work"), new Compare("value", Op.CO, "@example.com"))));
        assertThat(ScimFilter.parse("emails[type eq \"work\"].value eq \"a@b.c\"", USER)).isEqualTo(new ValuePath(
                "emails", new And(new Compare("type", Op.EQ, "work"), new Compare("value", Op.EQ, "a@b.c"))));
        assertThat(ScimFilter.parse("meta.lastModified gt \"2011-05-13T04:42:34Z\"", USER))
                .isEqualTo(new Compare("meta.lastmodified", Op.GT, "2011-05-13T04:42:34Z"));
        assertThat(ScimFilter.parse("x eq 12.5", USER)).isEqualTo(new Compare("x", Op.EQ, new BigDecimal("12.5")));
        assertThat(ScimFilter.parse("x eq null", USER)).isEqualTo(new Compare("x", Op.EQ, null));
        assertThat(ScimFilter.parse("displayName eq \"say \\\"hi\\\" \\u00e9\"", USER))
                .isEqualTo(new Compare("displayname", Op.EQ, "say \"hi\" é"));
    }

    @Test
    void refusesWhatIsNotAFilter() {
        for (String bad : List.of("", "userName", "userName eq", "userName eq bjensen", "userName like \"x\"",
                "(userName eq \"x\"", "userName eq \"x\")", "userName eq \"x", "not userName eq \"x\"",
                "emails[type eq \"work\"", "a eq \"x\" and", "a eq \"\\q\"", "(".repeat(40) + "a pr" + ")".repeat(40),
                "a eq \"\\ud800\"", "x".repeat(5000) + " pr")) {
            assertThatThrownBy(() -> ScimFilter.parse(bad, USER)).as(bad).isInstanceOf(ProblemException.class)
                    .extracting(e -> ((ProblemException) e).slug()).isEqualTo("invalidFilter");
        }
    }

    @Test
    void translatesIntoAQueryWhoseValuesAreParameters() {
        Condition condition = ScimQuery.of(ScimFilter.parse(
                "userName eq \"a'); drop table members; --\" or (externalId sw \"50%_\" and not (active eq false))",
                USER), ScimUsers.FILTERABLE);
        assertThat(condition.hql())
                .isEqualTo("(lower(m.email) = lower(:f0) or (m.externalId like :f1 and not" + " (m.status = :f2)))");
        assertThat(condition.parameters()).containsEntry("f0", "a'); drop table members; --").containsEntry("f1",
                "50\\%\\_%");
        assertThat(ScimQuery.of(ScimFilter.parse("emails[type eq \"home\"]", USER), ScimUsers.FILTERABLE).hql())
                .isEqualTo("1 = 0");
        assertThat(ScimQuery.of(ScimFilter.parse("id eq \"not-a-uuid\"", USER), ScimUsers.FILTERABLE).hql())
                .isEqualTo("1 = 0");
        for (String unsupported : List.of("title eq \"x\"", "id co \"1\"", "meta.created co \"2020\"",
                "active eq \"true\"", "userName gt 3")) {
            assertThatThrownBy(() -> ScimQuery.of(ScimFilter.parse(unsupported, USER), ScimUsers.FILTERABLE))
                    .as(unsupported).extracting(e -> ((ProblemException) e).slug()).isEqualTo("invalidFilter");
        }
    }
}
