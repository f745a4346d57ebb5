package io.chorus.sharing.clicks;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.chorus.common.tenant.OrganizationClaim;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Turns a batch of clicks into rows, in the writer thread so that the redirect does none of this work: the visitor id
 * (and the client address forgotten), robot or not, the user agent's family, the referrer's host, and whether the
 * sharer clicked their own link — by their visitor id or their session. One statement per batch; each click's id makes
 * a retried batch harmless.
 */
@ApplicationScoped
public class ClickBatches {

    private static final String INSERT = """
            insert into click_events (id, organization_id, share_id, at, visitor_id, robot, self, referrer_host,
                                      agent_family)
            select e.id, s.organization_id, s.id, timestamptz 'epoch' + e.at_ms * interval '1 millisecond',
                   e.visitor_id, e.robot,
                   coalesce(e.session_member = s.member_id, false) or exists (
                       select 1 from sharer_visitors v where v.organization_id = s.organization_id
                       and v.member_id = s.member_id and v.visitor_id = e.visitor_id),
                   e.referrer_host, e.agent_family
            from unnest(?::uuid[], ?::uuid[], ?::bigint[], ?::uuid[], ?::boolean[], ?::text[], ?::text[], ?::uuid[])
                 as e(id, share_id, at_ms, visitor_id, robot, referrer_host, agent_family, session_member)
            join shares s on s.id = e.share_id
            on conflict (id) do nothing""";

    private final DataSource dataSource;
    private final VisitorIds visitors;
    private final RobotDetector robots;
    private final JWTParser tokens;
    private final Cache<String, Optional<Session>> sessions = Caffeine.newBuilder().maximumSize(10_000).build();

    private record Session(UUID organizationId, UUID memberId) {
    }

    @Inject
    public ClickBatches(DataSource dataSource, VisitorIds visitors, RobotDetector robots, JWTParser tokens) {
        this.dataSource = dataSource;
        this.visitors = visitors;
        this.robots = robots;
        this.tokens = tokens;
    }

    void write(List<Click> clicks) throws SQLException {
        int n = clicks.size();
        String[] ids = new String[n], shares = new String[n], visitorIds = new String[n], hosts = new String[n],
                families = new String[n], members = new String[n];
        Long[] at = new Long[n];
        Boolean[] robot = new Boolean[n];
        for (int i = 0; i < n; i++) {
            Click click = clicks.get(i);
            ids[i] = click.id().toString();
            shares[i] = click.shareId().toString();
            at[i] = click.atMillis();
            visitorIds[i] = visitors.of(VisitorIds.day(click.atMillis()), click.clientAddress(), click.userAgent())
                    .toString();
            robot[i] = robots.isRobot(click.userAgent());
            families[i] = robots.family(click.userAgent());
            hosts[i] = referrerHost(click.referrer());
            members[i] = sessionMember(click);
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setArray(1, connection.createArrayOf("text", ids));
            insert.setArray(2, connection.createArrayOf("text", shares));
            insert.setArray(3, connection.createArrayOf("int8", at));
            insert.setArray(4, connection.createArrayOf("text", visitorIds));
            insert.setArray(5, connection.createArrayOf("bool", robot));
            insert.setArray(6, connection.createArrayOf("text", hosts));
            insert.setArray(7, connection.createArrayOf("text", families));
            insert.setArray(8, connection.createArrayOf("text", members));
            insert.executeUpdate();
        }
    }

    /** The member whose valid access token the click carried, if it names the share's organization. */
    private String sessionMember(Click click) {
        if (click.bearer() == null) {
            return null;
        }
        return sessions.get(click.bearer(), this::session)
                .filter(s -> s.organizationId().equals(click.organizationId())).map(s -> s.memberId().toString())
                .orElse(null);
    }

    private Optional<Session> session(String bearer) {
        try {
            var jwt = tokens.parse(bearer);
            return OrganizationClaim.of(jwt).map(org -> new Session(org, UUID.fromString(jwt.getSubject())));
        } catch (ParseException | IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    static String referrerHost(String referrer) {
        if (referrer == null || referrer.isBlank()) {
            return null;
        }
        try {
            String host = URI.create(referrer.strip()).getHost();
            return host == null || host.length() > 253 ? null : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
