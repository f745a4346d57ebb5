package io.chorus.conversions;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.chorus.common.SecretTokens;
import io.chorus.common.Time;
import io.chorus.common.audit.Audit;
import io.chorus.common.paging.Cursor;
import io.chorus.common.paging.Page;
import io.chorus.common.paging.PageRequest;
import io.chorus.common.problem.ProblemException;
import io.chorus.conversions.ConversionViews.CreateKey;
import io.chorus.conversions.ConversionViews.CreatedKey;
import io.chorus.conversions.ConversionViews.KeyView;

/** Conversion keys: made (the key shown once, its SHA-256 kept), listed, revoked; every change audited. */
@ApplicationScoped
public class ConversionKeyService {

    /** How many characters of a key are kept to tell it apart: its kind's prefix and a few of its random ones. */
    private static final int SHOWN = 8;
    private final Audit audit;
    private final Event<KeyRevoked> revoked;

    /** A key stopped working: whoever remembers it forgets it. */
    public record KeyRevoked(String keyHash) {
    }

    @Inject
    public ConversionKeyService(Audit audit, Event<KeyRevoked> revoked) {
        this.audit = audit;
        this.revoked = revoked;
    }

    @Transactional
    public CreatedKey create(CreateKey request, UUID actor) {
        ConversionKeyKind kind = request.kind() == null ? ConversionKeyKind.SECRET : request.kind();
        List<String> origins = origins(request.allowedOrigins());
        if (kind == ConversionKeyKind.PUBLISHABLE && origins.isEmpty()) {
            throw ProblemException.invalid("allowedOrigins", "a publishable key needs at least one origin");
        }
        String secret = kind.prefix() + SecretTokens.generate();
        ConversionKey key = new ConversionKey();
        key.id = UUID.randomUUID();
        key.name = request.name().strip();
        key.kind = kind;
        key.keyHash = SecretTokens.hash(secret);
        key.keyPrefix = secret.substring(0, SHOWN);
        key.allowedOrigins = origins.toArray(String[]::new);
        key.createdAt = Time.now();
        key.createdBy = actor;
        key.persist();
        audit.record(actor, "conversion-key.created", "conversion-key", key.id,
                Map.of("name", key.name, "kind", kind.id(), "allowedOrigins", origins));
        return new CreatedKey(key.id, key.name, kind, secret, key.keyPrefix, origins, key.createdAt);
    }

    @Transactional
    public Page<KeyView> list(PageRequest page) {
        return Page.of(ConversionKey.findPage(page).stream().map(ConversionKeyService::view).toList(), page,
                k -> Cursor.of(k.createdAt(), k.id()));
    }

    /** Revokes the key: reports made with it are refused from now on (on every instance within a few seconds). */
    @Transactional
    public void revoke(UUID id, UUID actor) {
        ConversionKey key = ConversionKey.findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("This conversion key"));
        if (key.revokedAt == null) {
            key.revokedAt = Time.now();
            audit.record(actor, "conversion-key.revoked", "conversion-key", key.id, Map.of("name", key.name));
            revoked.fire(new KeyRevoked(key.keyHash));
        }
    }

    private static KeyView view(ConversionKey key) {
        return new KeyView(key.id, key.name, key.kind, key.keyPrefix, List.of(key.allowedOrigins), key.createdAt,
                key.revokedAt);
    }

    /** Origins as browsers send them: {@code scheme://host[:port]}, lowercase, http(s) only, no path. */
    static List<String> origins(List<String> requested) {
        List<String> origins = new ArrayList<>();
        for (String origin : requested == null ? List.<String> of() : requested) {
            String normalized = origin(origin.strip());
            if (normalized == null) {
                throw ProblemException.invalid("allowedOrigins",
                        "'" + origin + "' is not an origin such as https://shop.example.com");
            }
            if (!origins.contains(normalized)) {
                origins.add(normalized);
            }
        }
        return origins;
    }

    private static String origin(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean bare = uri.getRawPath() == null || uri.getRawPath().isEmpty();
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null || !bare
                    || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                return null;
            }
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT)
                    + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
