package io.chorus.sharing.clicks;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.quarkus.runtime.Startup;

import nl.basjes.parse.useragent.UserAgent;
import nl.basjes.parse.useragent.UserAgentAnalyzer;
import nl.basjes.parse.useragent.classify.UserAgentClassifier;

/**
 * Tells robots from people by their user agent, with Yauaa (a maintained analyzer whose rules know the link-preview
 * fetchers, crawlers and HTTP libraries). A robot is anything Yauaa does not class as a human device or agent, anything
 * whose layout engine is not a browser's (WhatsApp's preview fetcher calls itself a phone app; HTTP client stacks),
 * Skype/Teams' link unfurler (which Yauaa deliberately classes as a desktop browser), and an empty user agent. In-app
 * browsers (LinkedIn, Facebook, Instagram) are people. Only the click writers call this in production; each user agent
 * is analyzed once.
 */
@Singleton
@Startup
public class RobotDetector {

    private static final Set<String> NON_HUMAN_AGENT_CLASSES = Set.of("Robot", "Robot Mobile", "Cloud Application",
            "Server", "Special", "Hacker", "Testclient");
    private static final Set<String> HUMAN_ENGINE_CLASSES = Set.of("Browser", "eReader");
    private static final int LONGEST_FAMILY = 64;
    private static final Agent EMPTY = new Agent(true, "Empty");
    /**
     * Yauaa reads its thousands of rules for several seconds of CPU: on a thread of its own from the start, so that the
     * instance is ready without waiting for it. Only the click writers wait for it, the clicks meanwhile in their
     * buffer. The tests, which start the service a dozen times and most of them without a click, read them at the first
     * click instead ({@code chorus.clicks.robot-rules-at-start}).
     */
    private final CompletableFuture<UserAgentAnalyzer> analyzer = new CompletableFuture<>();
    /** Few user agents make most clicks: each is analyzed once. */
    private final Cache<String, Agent> known = Caffeine.newBuilder().maximumSize(20_000).build();

    private final AtomicBoolean loading = new AtomicBoolean();

    @Inject
    RobotDetector(ClickConfig config) {
        this(config.robotRulesAtStart());
    }

    RobotDetector(boolean atStart) {
        if (atStart) {
            load();
        }
    }

    /** Reads the rules on a thread of its own, once: from the start, or else when the first user agent is asked. */
    private void load() {
        if (!loading.compareAndSet(false, true)) {
            return;
        }
        Thread rules = new Thread(() -> {
            try {
                analyzer.complete(UserAgentAnalyzer.newBuilder().hideMatcherLoadStats()
                        .withFields(UserAgent.DEVICE_CLASS, UserAgent.AGENT_CLASS, UserAgent.AGENT_NAME,
                                UserAgent.LAYOUT_ENGINE_CLASS, UserAgent.WEBVIEW_APP_NAME)
                        .withoutCache().immediateInitialization().build());
            } catch (RuntimeException | Error e) {
                analyzer.completeExceptionally(e);
            }
        }, "robot-detector-rules");
        rules.setDaemon(true);
        rules.start();
    }

    /**
     * What a user agent is: a robot or not, and a short family name ("Chrome", "Curl", "LinkedIn" for its in-app
     * browser; "Empty" without a user agent).
     */
    public record Agent(boolean robot, String family) {
    }

    public Agent classify(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return EMPTY;
        }
        return known.get(userAgent, this::analyze);
    }

    private Agent analyze(String userAgent) {
        load();
        UserAgent agent = analyzer.join().parse(userAgent);
        boolean robot = !UserAgentClassifier.isHuman(agent)
                || NON_HUMAN_AGENT_CLASSES.contains(agent.getValue(UserAgent.AGENT_CLASS))
                || !HUMAN_ENGINE_CLASSES.contains(agent.getValue(UserAgent.LAYOUT_ENGINE_CLASS))
                || agent.getValue(UserAgent.AGENT_NAME).startsWith("SkypeUriPreview");
        String webview = agent.getValue(UserAgent.WEBVIEW_APP_NAME);
        String name = "Unknown".equals(webview) ? agent.getValue(UserAgent.AGENT_NAME) : webview;
        return new Agent(robot, name.length() > LONGEST_FAMILY ? name.substring(0, LONGEST_FAMILY) : name);
    }
}
