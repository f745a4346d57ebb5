package io.chorus;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;

/**
 * The feature packages stand in floors, and a package depends only on the floors below it, never on one above nor on a
 * neighbour of its own floor: what a lower floor needs from a higher one it declares as an interface or an event that
 * the higher one implements or observes ({@code identity.Accounts}, {@code sharing.CharterCheck},
 * {@code sharing.clicks.ClickBatchListener}, {@code tenancy.MemberInvited}, {@code web.SurfaceErrors}). Read from the
 * compiled classes, so a fully qualified name in the code counts as much as an import. docs/architecture.md draws the
 * same floors.
 */
class PackageFloorsTest {

    /** Lowest first; the packages of one floor are neighbours. */
    static final List<List<String>> FLOORS = List.of(List.of("common"), List.of("identity"), List.of("tenancy"),
            List.of("content"), List.of("sources"), List.of("conversions"), List.of("sharing"),
            List.of("scoring", "analytics"), List.of("mail"), List.of("trust", "webhooks"), List.of("web"),
            List.of("scim", "sso"), List.of("app", "admin"), List.of("demo"));

    /** Chorus's own classes (not the tests'), imported once for both tests. */
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.chorus");

    @Test
    void noPackageDependsOnAFloorAboveItOrOnANeighbour() {
        List<String> violations = new ArrayList<>();
        for (int floor = 0; floor < FLOORS.size(); floor++) {
            for (String pkg : FLOORS.get(floor)) {
                List<String> forbidden = new ArrayList<>();
                for (int other = floor; other < FLOORS.size(); other++) {
                    FLOORS.get(other).stream().filter(p -> !p.equals(pkg)).map(p -> "io.chorus." + p + "..")
                            .forEach(forbidden::add);
                }
                if (forbidden.isEmpty()) {
                    continue;
                }
                EvaluationResult result = noClasses().that().resideInAPackage("io.chorus." + pkg + "..").should()
                        .dependOnClassesThat().resideInAnyPackage(forbidden.toArray(String[]::new))
                        .allowEmptyShould(true).evaluate(CLASSES);
                violations.addAll(result.getFailureReport().getDetails());
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void everyFeaturePackageHasItsFloor() {
        List<String> placed = FLOORS.stream().flatMap(List::stream).toList();
        List<String> unplaced = CLASSES.stream().map(c -> c.getPackageName())
                .filter(name -> name.startsWith("io.chorus.")).map(name -> name.split("\\.")[2]).distinct()
                .filter(pkg -> !placed.contains(pkg)).toList();
        assertThat(unplaced).isEmpty();
    }
}
