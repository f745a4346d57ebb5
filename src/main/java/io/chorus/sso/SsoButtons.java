package io.chorus.sso;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.chorus.common.tenant.Tenants;
import io.chorus.tenancy.Organization;
import io.chorus.web.Surface;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** The "Sign in with …" buttons of a sign-in page, for an organization it names (the app's {@code ?org=}). */
@ApplicationScoped
public class SsoButtons {

    public record SsoButton(String name, String url) {
    }

    private final Tenants tenants;

    @Inject
    public SsoButtons(Tenants tenants) {
        this.tenants = tenants;
    }

    /** The buttons start the sign-in in the page's language, which its error pages then speak. */
    public List<SsoButton> of(String slug, Surface surface, String next, Locale locale) {
        if (slug == null || slug.isEmpty()) {
            return List.of();
        }
        return QuarkusTransaction.requiringNew().call(() -> Organization.findBySlug(slug))
                .map(org -> tenants.callAs(org.id,
                        () -> IdentityProvider.findEnabled().stream()
                                .map(p -> new SsoButton(p.name, start(slug, p, surface, next, locale))).toList()))
                .orElse(List.of());
    }

    private static String start(String slug, IdentityProvider provider, Surface surface, String next, Locale locale) {
        return "/api/v1/auth/sso/" + slug + "?provider=" + provider.id + "&landing="
                + (surface == Surface.ADMIN ? "admin" : "app") + "&next="
                + URLEncoder.encode(surface.safeNext(next), StandardCharsets.UTF_8) + "&lang=" + locale.getLanguage();
    }
}
