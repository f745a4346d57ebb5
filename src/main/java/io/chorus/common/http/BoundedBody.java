package io.chorus.common.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * An answer's body collected up to a limit, past which reading stops and the connection is dropped: the first bytes are
 * kept ({@code truncate}), or the body is a {@link TooLarge}. A limit of 0 reads nothing.
 */
public final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {

    /** The body is longer than the limit. */
    public static final class TooLarge extends IOException {

        TooLarge() {
            super("answer too large", null);
        }
    }

    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final int max;
    private final boolean truncate;
    private Flow.Subscription subscription;

    public BoundedBody(int max, boolean truncate) {
        this.max = max;
        this.truncate = truncate;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (max == 0) {
            subscription.cancel();
            result.complete(new byte[0]);
        } else {
            subscription.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            int room = max - bytes.size();
            if (buffer.remaining() > room) {
                subscription.cancel();
                if (!truncate) {
                    result.completeExceptionally(new TooLarge());
                    return;
                }
                byte[] some = new byte[room];
                buffer.get(some);
                bytes.writeBytes(some);
                result.complete(bytes.toByteArray());
                return;
            }
            byte[] all = new byte[buffer.remaining()];
            buffer.get(all);
            bytes.writeBytes(all);
        }
    }

    @Override
    public void onError(Throwable failure) {
        result.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        result.complete(bytes.toByteArray());
    }
}
