package io.chorus.mail;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.chorus.common.Time;
import io.chorus.common.tenant.Tenants;
import io.chorus.content.OrganizationSettings;

/**
 * An organization's digest of one of its days: for every active ambassador whose frequency falls on that day (daily, or
 * weekly on the organization's digest day), the new items of their feed since their last digest, most relevant first —
 * items of a running campaign, then those aimed at one of their groups, then those on topics they shared before; newest
 * first among equals — at most {@code chorus.mail.digest.max-items}, none they already shared. Nothing new, nothing
 * sent. Members are taken in chunks, each one transaction that queues their mails and moves their mark; a run cut short
 * is run again, and members already queued that day are skipped (the outbox's dedupe key).
 */
@ApplicationScoped
public class DigestService {

    /** A digest never reaches further back than a week. */
    static final Duration HORIZON = Duration.ofDays(7);

    /** What a run did: the members it looked at and the mails it queued. */
    public record Run(int members, int mails) {
    }

    private record Chunk(UUID last, int members, int mails) {
    }

    private final LetterMaker letters;
    private final Outbox outbox;
    private final Tenants tenants;
    private final EntityManager em;
    private final MailConfig config;

    @Inject
    public DigestService(LetterMaker letters, Outbox outbox, Tenants tenants, EntityManager em, MailConfig config) {
        this.letters = letters;
        this.outbox = outbox;
        this.tenants = tenants;
        this.em = em;
        this.config = config;
    }

    /** Runs the digest of {@code day} (the organization's) and marks the day done. */
    public Run run(UUID organizationId, LocalDate day) {
        Instant now = Time.now();
        record Setup(LetterContext context, List<Candidate> candidates, boolean weekly) {
        }
        Setup setup = tenants.callAs(organizationId, () -> {
            LetterContext context = letters.context(organizationId, now);
            List<Candidate> candidates = letters.candidates(context, " and c.published_at > :since",
                    Map.of("since", now.minus(HORIZON)));
            int digestDay = OrganizationSettings.of(organizationId).digestDay;
            return new Setup(context, candidates, day.getDayOfWeek().getValue() == digestDay);
        });
        int members = 0;
        int mails = 0;
        UUID after = new UUID(0, 0);
        Pool pool = new Pool(setup.candidates());
        while (true) {
            UUID from = after;
            Chunk chunk = tenants.callAs(organizationId, () -> chunk(setup.context(), pool, setup.weekly(), day, from));
            if (chunk.members() == 0) {
                break;
            }
            members += chunk.members();
            mails += chunk.mails();
            after = chunk.last();
        }
        int total = members;
        int queued = mails;
        tenants.runAs(organizationId, () -> em.createNativeQuery("insert into digest_runs (organization_id, day,"
                + " members, mails, finished_at) values (:org, :day, :members, :mails, :now) on conflict do nothing")
                .setParameter("org", organizationId).setParameter("day", day).setParameter("members", total)
                .setParameter("mails", queued).setParameter("now", Time.now()).executeUpdate());
        return new Run(members, mails);
    }

    private Chunk chunk(LetterContext context, Pool pool, boolean weekly, LocalDate day, UUID after) {
        String dedupe = ":" + day;
        List<Recipient> recipients = letters.recipients(context.organizationId(), """
                  and (m.email_digest = 'daily' or (m.email_digest = 'weekly' and :weekly))
                  and m.id > :after
                  and not exists (select 1 from mail_outbox o where o.organization_id = m.organization_id
                                  and o.dedupe_key = 'digest:' || m.id || :dedupe)
                order by m.id limit :chunk""",
                Map.of("weekly", weekly, "after", after, "dedupe", dedupe, "chunk", config.digest().chunkSize()));
        if (recipients.isEmpty()) {
            return new Chunk(after, 0, 0);
        }
        Map<UUID, Set<UUID>> shared = new HashMap<>();
        Map<UUID, Set<String>> sharedTopics = new HashMap<>();
        sharesOf(context.organizationId(), recipients, shared, sharedTopics);
        List<OutgoingMail> mails = new ArrayList<>();
        List<UUID> sent = new ArrayList<>();
        for (Recipient member : recipients) {
            Instant since = member.digestSentUntil() == null ? Instant.MIN : member.digestSentUntil();
            Set<UUID> done = shared.getOrDefault(member.id(), Set.of());
            Set<String> topics = sharedTopics.getOrDefault(member.id(), Set.of());
            List<Candidate> items = pool.best(member, since, done, topics, config.digest().maxItems());
            if (!items.isEmpty()) {
                mails.add(letters.letter(context, member, MailKind.DIGEST, "digest:" + member.id() + dedupe, items,
                        null, null, null, null));
                sent.add(member.id());
            }
        }
        int queued = outbox.queue(mails);
        if (!sent.isEmpty()) {
            em.createNativeQuery(
                    "update members set digest_sent_until = :now where organization_id = :org" + " and id in (:ids)")
                    .setParameter("now", context.now()).setParameter("org", context.organizationId())
                    .setParameter("ids", sent).executeUpdate();
        }
        return new Chunk(recipients.get(recipients.size() - 1).id(), recipients.size(), queued);
    }

    /**
     * The run's candidates indexed once per run instead of read once per member: the items for everyone, and per group
     * the items aimed at it, each list newest first (the candidates' order).
     */
    static final class Pool {

        /** Most relevant first, then newest, then the higher id. */
        private static final Comparator<Ranked> ORDER = Comparator.comparingInt((Ranked r) -> -r.score())
                .thenComparing((Ranked r) -> r.item().publishedAt(), Comparator.reverseOrder())
                .thenComparing((Ranked r) -> r.item().id(), Comparator.reverseOrder());

        private final List<Candidate> candidates;
        private final int[] forEveryone;
        private final Map<UUID, int[]> aimedAt = new HashMap<>();
        /** Which call last looked at each candidate: an item aimed at two of a member's groups counts once. */
        private final int[] lookedAt;
        private int call;

        private record Ranked(Candidate item, int score) {
        }

        Pool(List<Candidate> candidates) {
            this.candidates = candidates;
            this.lookedAt = new int[candidates.size()];
            List<Integer> everyone = new ArrayList<>();
            Map<UUID, List<Integer>> groups = new HashMap<>();
            for (int i = 0; i < candidates.size(); i++) {
                Candidate item = candidates.get(i);
                if (item.targetsEveryone()) {
                    everyone.add(i);
                } else {
                    for (UUID group : item.targetGroupIds()) {
                        groups.computeIfAbsent(group, g -> new ArrayList<>()).add(i);
                    }
                }
            }
            this.forEveryone = everyone.stream().mapToInt(Integer::intValue).toArray();
            groups.forEach(
                    (group, positions) -> aimedAt.put(group, positions.stream().mapToInt(Integer::intValue).toArray()));
        }

        /**
         * The member's digest: at most {@code limit} items their feed shows, published after {@code since} and not
         * shared by them ({@code done}), most relevant first: items of a running campaign, then items aimed at one of
         * their groups, then items on topics they shared before; newest first among equals.
         */
        List<Candidate> best(Recipient member, Instant since, Set<UUID> done, Set<String> topics, int limit) {
            call++;
            List<Ranked> best = new ArrayList<>(limit + 1);
            consider(forEveryone, 0, since, done, topics, limit, best);
            for (UUID group : member.groupIds()) {
                consider(aimedAt.getOrDefault(group, NONE), 2, since, done, topics, limit, best);
            }
            return best.stream().map(Ranked::item).toList();
        }

        private static final int[] NONE = new int[0];

        private void consider(int[] positions, int aimed, Instant since, Set<UUID> done, Set<String> topics, int limit,
                List<Ranked> best) {
            for (int position : positions) {
                Candidate item = candidates.get(position);
                if (!item.publishedAt().isAfter(since)) {
                    return; // newest first: all that follow are older
                }
                if (lookedAt[position] == call || done.contains(item.id())) {
                    continue;
                }
                lookedAt[position] = call;
                int score = (item.inRunningCampaign() ? 4 : 0) + aimed
                        + (topics.isEmpty() || !sharesTopic(item, topics) ? 0 : 1);
                Ranked ranked = new Ranked(item, score);
                if (best.size() == limit && ORDER.compare(ranked, best.get(limit - 1)) >= 0) {
                    continue;
                }
                int at = best.size();
                while (at > 0 && ORDER.compare(ranked, best.get(at - 1)) < 0) {
                    at--;
                }
                best.add(at, ranked);
                if (best.size() > limit) {
                    best.remove(limit);
                }
            }
        }

        private static boolean sharesTopic(Candidate item, Set<String> topics) {
            for (String topic : item.topics()) {
                if (topics.contains(topic)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** What the members shared: the items (never shown again) and the topics of their latest 100 shares. */
    @SuppressWarnings("unchecked")
    private void sharesOf(UUID organizationId, List<Recipient> members, Map<UUID, Set<UUID>> shared,
            Map<UUID, Set<String>> topics) {
        List<Object[]> rows = em.createNativeQuery("""
                select s.member_id, s.content_id, array_to_string(c.topics, ',') from members m
                cross join lateral (select s.member_id, s.content_id from shares s
                                    where s.organization_id = m.organization_id and s.member_id = m.id
                                    order by s.created_at desc limit 100) s
                join content c on c.id = s.content_id and c.organization_id = m.organization_id
                where m.organization_id = :org and m.id in (:ids)""").setParameter("org", organizationId)
                .setParameter("ids", members.stream().map(Recipient::id).toList()).getResultList();
        for (Object[] row : rows) {
            UUID member = (UUID) row[0];
            shared.computeIfAbsent(member, k -> new HashSet<>()).add((UUID) row[1]);
            String list = (String) row[2];
            if (!list.isEmpty()) {
                topics.computeIfAbsent(member, k -> new HashSet<>()).addAll(List.of(list.split(",")));
            }
        }
    }
}
