package io.chorus.sso;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.chorus.common.audit.Audit;
import io.chorus.common.problem.ProblemException;
import io.chorus.common.tenant.Tenants;
import io.chorus.identity.Caller;
import io.chorus.sso.SsoSettingsResource.SsoSettings;
import io.chorus.tenancy.Organization;

/**
 * The organization's SSO policy: whether SSO is required (password sign-in then refused but for admins, who keep a
 * break-glass password) and the redirect URIs of its apps (custom scheme or https) that may receive one-time codes.
 * Every change is audited.
 */
@ApplicationScoped
public class SsoSettingsService {

    private final Tenants tenants;
    private final Audit audit;
    private final Caller caller;

    @Inject
    public SsoSettingsService(Tenants tenants, Audit audit, Caller caller) {
        this.tenants = tenants;
        this.audit = audit;
        this.caller = caller;
    }

    @Transactional
    public SsoSettings get() {
        Organization organization = organization();
        return new SsoSettings(organization.ssoRequired, List.copyOf(organization.ssoRedirectUris));
    }

    @Transactional
    public SsoSettings replace(SsoSettings request) {
        List<String> uris = new ArrayList<>(
                new LinkedHashSet<>(request.redirectUris().stream().map(String::strip).toList()));
        uris.forEach(SsoSettingsService::requireRedirectUri);
        Organization organization = organization();
        organization.ssoRequired = request.required();
        organization.ssoRedirectUris = uris;
        audit.record(caller.memberId().orElse(null), "sso.settings.changed", "organization", organization.id,
                Map.of("required", request.required(), "redirectUris", uris));
        return new SsoSettings(organization.ssoRequired, List.copyOf(uris));
    }

    private Organization organization() {
        return Organization.findByIdOptional(tenants.current()).orElseThrow();
    }

    /** An app's redirect URI: https with a host, or a private-use scheme (RFC 8252 7.1), never a fragment. */
    static void requireRedirectUri(String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw ProblemException.invalid("redirectUris", "must be absolute URIs");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean https = "https".equals(scheme) && uri.getHost() != null;
        boolean custom = scheme.contains(".") && !scheme.startsWith("http");
        if (uri.getFragment() != null || !(https || custom)) {
            throw ProblemException.invalid("redirectUris",
                    "must be https URLs or private-use schemes such as com.example.app:/sso");
        }
    }
}
