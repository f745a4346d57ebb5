package io.chorus.demo;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import org.jboss.logging.Logger;

import io.chorus.common.Time;
import io.chorus.common.config.ChorusConfig;
import io.chorus.common.tenant.Tenants;
import io.chorus.identity.PasswordHasher;
import io.chorus.identity.Role;
import io.chorus.tenancy.Group;
import io.chorus.tenancy.GroupKind;
import io.chorus.tenancy.GroupMembership;
import io.chorus.tenancy.Member;
import io.chorus.tenancy.MemberStatus;
import io.chorus.tenancy.Organization;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.configuration.ConfigUtils;

/**
 * The demo organization for the demo mode: its people and groups, then a quarter of its history ({@link DemoHistory}).
 * Created once; the data directory keeps it across restarts. The class is in every jar ({@code -Pdemo} runs the same
 * jar as production, in the dev profile); it writes nothing unless {@code chorus.demo.enabled} is set and the prod
 * profile is not active, so a production start never creates a demo account.
 */
@ApplicationScoped
public class DemoData {

    public static final String PASSWORD = "demo-password";
    private static final Logger LOG = Logger.getLogger(DemoData.class);

    private final Tenants tenants;
    private final PasswordHasher hasher;
    private final ChorusConfig config;
    private final DemoHistory history;

    @Inject
    public DemoData(Tenants tenants, PasswordHasher hasher, ChorusConfig config, DemoHistory history) {
        this.tenants = tenants;
        this.hasher = hasher;
        this.config = config;
        this.history = history;
    }

    /** After the other start-up work (the click writers must be running to write the history's clicks). */
    void onStart(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER) Startup event) throws SQLException {
        if (config.demo().enabled() && !ConfigUtils.getProfiles().contains("prod")) {
            seed();
            LOG.info(banner());
        }
    }

    /** The demo organization and its history, each unless it is there already. */
    void seed() throws SQLException {
        UUID id = QuarkusTransaction.requiringNew()
                .call(() -> Organization.findBySlug("demo").map(organization -> organization.id).orElse(null));
        if (id == null) {
            id = create();
        }
        if (history.missing(id)) {
            LOG.info("Writing the demo company's last quarter (content, shares, clicks, campaigns)...");
            history.write(id);
        }
    }

    /** The people and groups, dated a month before the quarter of history begins. */
    private UUID create() {
        UUID id = UUID.randomUUID();
        String hash = hasher.hash(PASSWORD);
        Clock clock = Time.clock();
        Time.runFrom(Time.now().minus(Duration.ofDays(DemoHistory.DAYS + 30)));
        try {
            tenants.runAs(id, () -> people(id, hash));
        } finally {
            Time.restore(clock);
        }
        return id;
    }

    private static void people(UUID id, String hash) {
        Organization organization = new Organization();
        organization.id = id;
        organization.slug = "demo";
        organization.name = "Demo Company";
        organization.createdAt = Time.now();
        organization.persistAndFlush();
        Group marketing = group("Marketing", GroupKind.DEPARTMENT);
        Group engineering = group("Engineering", GroupKind.DEPARTMENT);
        Group sales = group("Sales", GroupKind.DEPARTMENT);
        Group paris = group("Paris", GroupKind.LOCATION);
        Group lyon = group("Lyon", GroupKind.LOCATION);
        Group champions = group("Champions", GroupKind.PROGRAMME);
        member("admin@demo.example", "Alice Admin", EnumSet.of(Role.ADMIN), hash, List.of(paris));
        member("curator@demo.example", "Camille Curator", EnumSet.of(Role.CURATOR), hash, List.of(marketing, paris));
        member("analyst@demo.example", "Hugo Analyst", EnumSet.of(Role.ANALYST), hash, List.of(lyon));
        List<Group> departments = List.of(marketing, engineering, sales);
        for (int i = 1; i <= AMBASSADORS; i++) {
            List<Group> groups = new ArrayList<>();
            groups.add(departments.get(i % 3));
            groups.add(i % 2 == 0 ? paris : lyon);
            if (champion(i)) {
                groups.add(champions);
            }
            member(email(i), name(i), EnumSet.of(Role.AMBASSADOR), hash, groups, i > 12 && i % 3 == 0 ? "fr" : "en");
        }
    }

    /** Ambassadors ambassador01@demo.example to ambassador100@demo.example. */
    static final int AMBASSADORS = 100;

    static String email(int ambassador) {
        return String.format("ambassador%02d@demo.example", ambassador);
    }

    /** The programme's champions: the first four, and six more. */
    static boolean champion(int ambassador) {
        return ambassador <= 4 || (ambassador >= 13 && ambassador <= 18);
    }

    private static final List<String> FIRST_TWELVE = List.of("Amélie Martin", "Bruno Bernard", "Chloé Dubois",
            "David Thomas", "Emma Robert", "François Richard", "Gabrielle Petit", "Hélène Durand", "Inès Leroy",
            "Julien Moreau", "Karim Simon", "Léa Laurent");
    private static final List<String> FIRST_NAMES = List.of("Adam", "Aïcha", "Alexandre", "Alice", "Antoine", "Camille",
            "Céline", "Clément", "Élodie", "Étienne", "Fatima", "Florian", "Guillaume", "Hugo", "Jade", "Jeanne",
            "Kevin", "Laura", "Lina", "Louis", "Lucas", "Manon", "Marc", "Mathilde", "Maxime", "Mehdi", "Nadia",
            "Nathan", "Nicolas", "Noémie", "Océane", "Omar", "Pauline", "Pierre", "Quentin", "Rachel", "Romain",
            "Sarah", "Sofia", "Thomas", "Valentin", "Yasmine", "Zoé");
    private static final List<String> LAST_NAMES = List.of("Garcia", "Lefebvre", "Michel", "Roux", "Fournier", "Girard",
            "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent", "Muller", "Faure", "Blanc", "Guerin",
            "Boyer", "Chevalier", "Perrin", "Morin", "Mathieu", "Clement", "Gauthier", "Nguyen", "Benali", "Da Silva",
            "Haddad", "Schmitt", "Colin", "Lemoine", "Renard");

    /** The first twelve as they have always been; the others from two lists, each name once. */
    static String name(int ambassador) {
        if (ambassador <= FIRST_TWELVE.size()) {
            return FIRST_TWELVE.get(ambassador - 1);
        }
        int n = ambassador - FIRST_TWELVE.size();
        return FIRST_NAMES.get(n % FIRST_NAMES.size()) + " " + LAST_NAMES.get((n * 7) % LAST_NAMES.size());
    }

    private static Group group(String name, GroupKind kind) {
        Group group = new Group();
        group.id = UUID.randomUUID();
        group.name = name;
        group.kind = kind;
        group.createdAt = Time.now();
        group.persist();
        return group;
    }

    private static void member(String email, String name, Set<Role> roles, String hash, List<Group> groups) {
        member(email, name, roles, hash, groups, "en");
    }

    private static void member(String email, String name, Set<Role> roles, String hash, List<Group> groups,
            String language) {
        Member member = new Member();
        member.id = UUID.randomUUID();
        member.email = email;
        member.name = name;
        member.setRoles(roles);
        member.passwordHash = hash;
        member.language = language;
        member.status = MemberStatus.ACTIVE;
        member.createdAt = Time.now();
        member.updatedAt = member.createdAt;
        member.persist();
        groups.forEach(group -> GroupMembership.of(member.id, group.id).persist());
    }

    private String banner() {
        String base = config.publicBaseUrl();
        return """

                ===================================================================
                 Chorus is running with demo data (dev mode, embedded PostgreSQL)
                   API docs (Swagger UI) %1$s/q/swagger-ui
                   OpenAPI contract      %1$s/q/openapi
                   Health / metrics      %1$s/q/health  %1$s/q/metrics
                   Admin UI              %1$s/admin
                   Employees' app        %1$s/app
                   Mail (never sent)     %1$s/admin/mailbox
                 Demo accounts: organization "demo", password "%2$s"
                   admin@demo.example, curator@demo.example, analyst@demo.example,
                   ambassador01@demo.example ... ambassador100@demo.example
                 Operator (no organization): %3$s / %4$s
                ===================================================================
                """.formatted(base, PASSWORD, config.bootstrap().operatorEmail().orElse("-"),
                config.bootstrap().operatorPassword().orElse("-"));
    }
}
