package io.chorus.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import io.chorus.analytics.AnalyticsAnswers.Key;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * When a remembered answer is served and when it is computed again, on a clock the test turns (Caffeine's ticker): max
 * age, what this instance learns about changes, single flight and failures.
 */
class AnalyticsAnswersTest {

    static final Duration MAX_AGE = Duration.ofSeconds(60);
    static final Duration FRESH_FOR = Duration.ofSeconds(30);
    final AtomicLong clock = new AtomicLong(1_000_000_000L);
    final AnalyticsGenerations generations = new AnalyticsGenerations();
    final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    final AnalyticsAnswers answers = new AnalyticsAnswers(MAX_AGE, FRESH_FOR, 1_000, generations, clock::get, metrics);
    final UUID organization = UUID.randomUUID();
    final AtomicInteger computations = new AtomicInteger();

    static Key key(UUID organization) {
        LocalDate today = LocalDate.of(2026, 11, 23);
        return new Key(organization, "overview", today.minusDays(29), today, today, "UTC", null, null);
    }

    Answer<String> get(UUID organization) {
        return answers.get(key(organization), () -> "answer " + computations.incrementAndGet());
    }

    void wait(Duration duration) {
        clock.addAndGet(duration.toNanos());
    }

    @Test
    void anAnswerIsServedAgainWhileYoungerThanMaxAge() {
        assertThat(get(organization).value()).isEqualTo("answer 1");
        wait(MAX_AGE.minusSeconds(1));
        Answer<String> again = get(organization);
        assertThat(again.value()).isEqualTo("answer 1");
        assertThat(again.age()).isEqualTo(MAX_AGE.minusSeconds(1));
        wait(Duration.ofSeconds(1));
        Answer<String> expired = get(organization);
        assertThat(expired.value()).isEqualTo("answer 2");
        assertThat(expired.age()).isZero();
        assertThat(metrics.get("chorus.analytics.answers").tag("source", "computed").counter().count()).isEqualTo(2);
        assertThat(metrics.get("chorus.analytics.answers").tag("source", "cache").counter().count()).isEqualTo(1);
    }

    @Test
    void aChangeToWhatTheFiguresAreCountedOverDropsTheOrganizationsAnswersAtOnce() {
        UUID other = UUID.randomUUID();
        get(organization);
        assertThat(get(other).value()).isEqualTo("answer 2");
        generations.changed(organization);
        assertThat(get(organization).value()).isEqualTo("answer 3");
        assertThat(get(other).value()).as("another organization's answer stays").isEqualTo("answer 2");
    }

    @Test
    void newSharesAndClicksDropAnAnswerOnceItIsOlderThanFreshFor() {
        get(organization);
        wait(FRESH_FOR.minusSeconds(1));
        generations.counted(List.of(organization));
        assertThat(get(organization).value()).isEqualTo("answer 1");
        wait(Duration.ofSeconds(1));
        assertThat(get(organization).value()).isEqualTo("answer 2");
        // Nothing counted since: served until max age.
        wait(MAX_AGE.minusSeconds(1));
        assertThat(get(organization).value()).isEqualTo("answer 2");
    }

    @Test
    void withoutFreshForAnAnswerIsDroppedAsSoonAsNewCountsAreKnown() {
        AnalyticsAnswers strict = new AnalyticsAnswers(MAX_AGE, Duration.ZERO, 1_000, generations, clock::get,
                new SimpleMeterRegistry());
        strict.get(key(organization), () -> "before");
        assertThat(strict.get(key(organization), () -> "not computed").value()).isEqualTo("before");
        generations.counted(List.of(organization));
        assertThat(strict.get(key(organization), () -> "after").value()).isEqualTo("after");
    }

    @Test
    void anAnswerComputedWhileTheFiguresChangedIsNotServedAgain() {
        answers.get(key(organization), () -> {
            generations.changed(organization); // committed after the snapshot was taken
            return "before the change";
        });
        assertThat(get(organization).value()).isEqualTo("answer 1");
    }

    @Test
    void identicalRequestsThatFindNoAnswerWaitForTheOneComputation() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        List<AtomicReference<Object>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            AtomicReference<Object> result = new AtomicReference<>();
            results.add(result);
            Thread thread = new Thread(() -> result.set(answers.get(key(organization), () -> {
                computations.incrementAndGet();
                await(release);
                return "computed once";
            }).value()));
            thread.start();
            threads.add(thread);
        }
        // Every thread blocked: one computing (held by the latch), the others waiting for it.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!threads.stream()
                .allMatch(t -> t.getState() == Thread.State.WAITING || t.getState() == Thread.State.TIMED_WAITING)) {
            assertThat(System.nanoTime()).as("all threads waiting").isLessThan(deadline);
            Thread.sleep(5);
        }
        release.countDown();
        for (Thread thread : threads) {
            thread.join(10_000);
        }
        assertThat(computations).hasValue(1);
        assertThat(results).allMatch(r -> "computed once".equals(r.get()));
    }

    @Test
    void aFailedComputationIsNotRemembered() {
        assertThatThrownBy(() -> answers.get(key(organization), () -> {
            throw new IllegalStateException("the database is away");
        })).isInstanceOf(IllegalStateException.class).hasMessage("the database is away");
        assertThat(get(organization).value()).isEqualTo("answer 1");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
