package io.chorus.app;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;

import io.chorus.content.LinkPreviewConfig;
import io.chorus.content.LinkPreviewService;
import io.chorus.content.LinkPreviewService.LinkPreview;
import io.quarkus.logging.Log;

/**
 * The link preview of a suggested page, exactly as {@code POST /api/v1/link-previews} reads it, or nothing when the
 * page cannot be previewed (refused, unreachable, no internet): a suggestion never fails for want of a preview. The
 * whole of it keeps to the preview's own time budget ({@code chorus.link-previews.timeout}), a name look-up that hangs
 * included: the fetch runs on a thread of its own, without the request's context, and is given up when the budget is
 * spent.
 */
@ApplicationScoped
public class SubmissionPreviews {

    private final LinkPreviewService previews;
    private final Duration budget;
    private final ManagedExecutor fetchers;

    @Inject
    public SubmissionPreviews(LinkPreviewService previews, LinkPreviewConfig config) {
        this.previews = previews;
        this.budget = config.timeout();
        this.fetchers = ManagedExecutor.builder().maxAsync(8).maxQueued(64).propagated(ThreadContext.NONE)
                .cleared(ThreadContext.ALL_REMAINING).build();
    }

    public Optional<LinkPreview> of(String url) {
        Future<LinkPreview> fetch;
        try {
            fetch = fetchers.submit(() -> previews.preview(url));
        } catch (RejectedExecutionException e) {
            return Optional.empty(); // too many previews at once: this suggestion goes without
        }
        try {
            return Optional.of(fetch.get(budget.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            fetch.cancel(true);
            return Optional.empty();
        } catch (ExecutionException e) {
            Log.debugf("No preview of a suggested link: %s", e.getCause().getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            fetch.cancel(true);
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    @PreDestroy
    void stop() {
        fetchers.shutdownNow();
    }
}
