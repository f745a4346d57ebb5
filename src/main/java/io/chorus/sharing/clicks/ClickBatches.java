package io.chorus.sharing.clicks;

import java.io.DataOutputStream;
import java.io.IOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.chorus.common.persistence.Jdbc;
import io.chorus.common.tenant.OrganizationClaim;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

import de.bytefish.pgbulkinsert.PgBulkInsert;
import de.bytefish.pgbulkinsert.mapping.AbstractMapping;
import de.bytefish.pgbulkinsert.pgsql.handlers.BaseValueHandler;
import de.bytefish.pgbulkinsert.util.PostgreSqlUtils;

/**
 * Turns a batch of clicks into rows, in the writer thread so that the redirect does none of this work: the visitor id
 * (and the client address forgotten), robot or not, the user agent's family, the referrer's host, and whether the
 * sharer clicked their own link — by their visitor id or their session. One binary COPY per batch, then the
 * {@link ClickBatchListener}s (scoring's points, analytics' note of the batch) on the same connection, in one
 * transaction: a click is recorded, scored and noted together or not at all.
 */
@Singleton
public class ClickBatches {

    private static final String SHARERS_SEEN = "select visitor_id, member_id from sharer_visitors where visitor_id = any(?)";

    private final DataSource dataSource;
    private final VisitorIds visitors;
    private final RobotDetector robots;
    private final JWTParser tokens;
    private final int writeTimeoutMillis;
    private final List<ClickBatchListener> listeners;
    private final Cache<String, Optional<Session>> sessions = Caffeine.newBuilder().maximumSize(10_000).build();

    private record Session(UUID organizationId, UUID memberId) {
    }

    /** A click_events row ({@code atMillis}: epoch milliseconds). */
    private record Row(UUID id, UUID organizationId, UUID shareId, long atMillis, UUID visitorId, boolean robot,
            boolean self, String referrerHost, String agentFamily) {
    }

    private static final class Rows extends AbstractMapping<Row> {
        Rows() {
            super("", "click_events");
            map("id", UUIDS, Row::id);
            map("organization_id", UUIDS, Row::organizationId);
            map("share_id", UUIDS, Row::shareId);
            map("at", INSTANTS, Row::atMillis);
            map("visitor_id", UUIDS, Row::visitorId);
            mapBooleanPrimitive("robot", Row::robot);
            mapBooleanPrimitive("self", Row::self);
            mapText("referrer_host", Row::referrerHost);
            mapText("agent_family", Row::agentFamily);
        }
    }

    /*
     * PostgreSQL's binary forms, written in one call each: the library's own UUID handler writes a UUID in five pieces
     * through a fresh buffer, and its timestamp handler wants a ZonedDateTime made per click; together they were a
     * third of the writers' time under full load (JFR).
     */

    /** uuid: its 16 bytes, most significant first. */
    private static final BaseValueHandler<UUID> UUIDS = new BaseValueHandler<>() {
        @Override
        protected void internalHandle(DataOutputStream buffer, UUID value) throws IOException {
            buffer.writeInt(16);
            buffer.writeLong(value.getMostSignificantBits());
            buffer.writeLong(value.getLeastSignificantBits());
        }

        @Override
        public int getLength(UUID value) {
            return 16;
        }
    };

    /** PostgreSQL's epoch, 2000-01-01T00:00:00Z, in Unix epoch milliseconds. */
    private static final long POSTGRES_EPOCH_MILLIS = 946_684_800_000L;

    /** timestamptz from epoch milliseconds: microseconds since PostgreSQL's epoch. */
    private static final BaseValueHandler<Long> INSTANTS = new BaseValueHandler<>() {
        @Override
        protected void internalHandle(DataOutputStream buffer, Long millis) throws IOException {
            buffer.writeInt(8);
            buffer.writeLong((millis - POSTGRES_EPOCH_MILLIS) * 1_000);
        }

        @Override
        public int getLength(Long value) {
            return 8;
        }
    };
    /** After the handlers it uses (static fields are set in the order they are written). */
    private static final PgBulkInsert<Row> COPY = new PgBulkInsert<>(new Rows());

    @Inject
    public ClickBatches(DataSource dataSource, VisitorIds visitors, RobotDetector robots, JWTParser tokens,
            ClickConfig config, Instance<ClickBatchListener> listeners) {
        this.dataSource = dataSource;
        this.listeners = listeners.stream().toList();
        this.writeTimeoutMillis = Math.toIntExact(config.writeTimeout().toMillis());
        this.visitors = visitors;
        this.robots = robots;
        this.tokens = tokens;
    }

    void write(List<Click> clicks) throws SQLException {
        int n = clicks.size();
        UUID[] visitorIds = new UUID[n];
        for (int i = 0; i < n; i++) {
            Click click = clicks.get(i);
            visitorIds[i] = visitors.of(VisitorIds.day(click.atMillis()), click.clientAddress(), click.userAgent());
        }
        try (Connection connection = connect()) {
            List<Runnable> afterCommit = Jdbc.inTransaction(connection, () -> {
                Set<SeenSharer> sharersSeen = sharersSeen(connection, visitorIds);
                List<Row> rows = new ArrayList<>(n);
                List<RecordedClick> recorded = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    Click click = clicks.get(i);
                    RobotDetector.Agent agent = robots.classify(click.userAgent());
                    boolean self = click.sharerId().equals(sessionMember(click))
                            || sharersSeen.contains(new SeenSharer(visitorIds[i], click.sharerId()));
                    rows.add(new Row(click.id(), click.organizationId(), click.shareId(), click.atMillis(),
                            visitorIds[i], agent.robot(), self, referrerHost(click.referrer()), agent.family()));
                    recorded.add(
                            new RecordedClick(click.id(), click.organizationId(), click.shareId(), click.sharerId(),
                                    click.contentId(), visitorIds[i], click.atMillis(), !agent.robot() && !self));
                }
                COPY.saveAll(PostgreSqlUtils.getPGConnection(connection), rows);
                List<Runnable> then = new ArrayList<>(listeners.size());
                for (ClickBatchListener listener : listeners) {
                    Runnable after = listener.recorded(connection, recorded);
                    if (after != null) {
                        then.add(after);
                    }
                }
                return then;
            });
            afterCommit.forEach(Runnable::run);
        }
    }

    /**
     * A pooled connection on which no read waits longer than the write timeout: a database that stops answering (a
     * network partition, a frozen server) fails the batch, which is kept and retried, instead of holding the writer —
     * and the shutdown that waits for it — forever. The pool resets the timeout when the connection returns.
     */
    private Connection connect() throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            connection.setNetworkTimeout(Runnable::run, writeTimeoutMillis);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    private record SeenSharer(UUID visitorId, UUID memberId) {
    }

    /** Which of these visitor ids were seen as which sharer. */
    private static Set<SeenSharer> sharersSeen(Connection connection, UUID[] visitorIds) throws SQLException {
        Set<SeenSharer> seen = new HashSet<>();
        for (Object[] row : Jdbc.rows(connection, SHARERS_SEEN,
                (Object) new HashSet<>(Arrays.asList(visitorIds)).toArray(UUID[]::new))) {
            seen.add(new SeenSharer((UUID) row[0], (UUID) row[1]));
        }
        return seen;
    }

    /**
     * Whether a batch that failed was written after all (the connection broke after the commit): a batch is one
     * statement, so its first click tells.
     */
    boolean written(List<Click> clicks) throws SQLException {
        try (Connection connection = connect()) {
            return Jdbc.first(connection, "select 1 from click_events where id = ?", clicks.get(0).id()).isPresent();
        }
    }

    /** The member whose valid access token the click carried, if it names the share's organization. */
    private UUID sessionMember(Click click) {
        if (click.bearer() == null) {
            return null;
        }
        return sessions.get(click.bearer(), this::session)
                .filter(s -> s.organizationId().equals(click.organizationId())).map(Session::memberId).orElse(null);
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
