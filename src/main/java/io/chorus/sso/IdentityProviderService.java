package io.chorus.sso;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.chorus.common.Inputs;
import io.chorus.common.Sealing;
import io.chorus.common.SecretTokens;
import io.chorus.common.Time;
import io.chorus.common.audit.Audit;
import io.chorus.common.config.ChorusConfig;
import io.chorus.common.paging.Cursor;
import io.chorus.common.paging.Page;
import io.chorus.common.paging.PageRequest;
import io.chorus.common.problem.ProblemException;
import io.chorus.common.tenant.Tenants;
import io.chorus.identity.Caller;
import io.chorus.sso.IdentityProvider.GroupMapping;
import io.chorus.sso.IdentityProviderResource.CreateIdentityProvider;
import io.chorus.sso.IdentityProviderResource.GroupMappingBody;
import io.chorus.sso.IdentityProviderResource.IdentityProviderView;
import io.chorus.sso.IdentityProviderResource.UpdateIdentityProvider;
import io.chorus.tenancy.Group;
import io.chorus.tenancy.Organization;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The organization's identity providers. Saving one checks it first: its issuer's Discovery document must load and name
 * that issuer (the provider is called outside any transaction). The client secret is sealed under a key derived from
 * the server secret and never shown again. Every change is audited.
 */
@ApplicationScoped
public class IdentityProviderService {

    /** How a refused issuer's violation begins when its Discovery document would not load (the reason follows). */
    public static final String DISCOVERY_FAILED = "discovery failed: ";
    private static final Pattern DOMAIN = Pattern
            .compile("^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$");
    private static final Pattern CLAIM = Pattern.compile("^[A-Za-z0-9_:./-]{1,100}$");

    private final OidcClient oidc;
    private final Audit audit;
    private final Caller caller;
    private final Tenants tenants;
    private final ChorusConfig chorus;
    private final byte[] key;

    @Inject
    public IdentityProviderService(OidcClient oidc, Audit audit, Caller caller, Tenants tenants, ChorusConfig chorus) {
        this.oidc = oidc;
        this.audit = audit;
        this.caller = caller;
        this.tenants = tenants;
        this.chorus = chorus;
        this.key = sealingKey(chorus);
    }

    static byte[] sealingKey(ChorusConfig chorus) {
        return SecretTokens.hmac(chorus.secret().getBytes(StandardCharsets.UTF_8), "sso-client-secrets");
    }

    public IdentityProviderView create(CreateIdentityProvider request) {
        String issuer = issuer(request.issuer());
        List<String> domains = domains(request.allowedDomains());
        String emailClaim = claim("emailClaim", request.emailClaim(), "email");
        String groupsClaim = claim("groupsClaim", request.groupsClaim(), "groups");
        List<GroupMapping> mappings = mappings(request.groupMappings());
        String name = Inputs.requireText("name", request.name());
        discover(issuer);
        return inTransaction(() -> {
            requireNameFree(name, null);
            requireGroupsExist(mappings);
            IdentityProvider provider = new IdentityProvider();
            provider.id = UUID.randomUUID();
            provider.name = name;
            provider.issuer = issuer;
            provider.clientId = request.clientId().strip();
            provider.clientSecretSealed = Sealing.seal(key, request.clientSecret());
            provider.allowedDomains = domains;
            provider.emailClaim = emailClaim;
            provider.groupsClaim = groupsClaim;
            provider.groupMappings = mappings;
            provider.enabled = request.enabled() == null || request.enabled();
            provider.createdAt = Time.now();
            provider.updatedAt = provider.createdAt;
            provider.persist();
            audit.record(caller.memberId().orElse(null), "sso.provider.created", "identity-provider", provider.id,
                    summary(provider));
            return view(provider);
        });
    }

    public Page<IdentityProviderView> list(PageRequest page) {
        return inTransaction(() -> Page.of(IdentityProvider.findPage(page), page, p -> Cursor.of(p.createdAt, p.id))
                .map(this::view));
    }

    public IdentityProviderView get(UUID id) {
        return inTransaction(() -> view(find(id)));
    }

    public IdentityProviderView update(UUID id, UpdateIdentityProvider request) {
        String issuer = request.issuer() == null ? null : issuer(request.issuer());
        List<String> domains = request.allowedDomains() == null ? null : domains(request.allowedDomains());
        String emailClaim = request.emailClaim() == null ? null : claim("emailClaim", request.emailClaim(), null);
        String groupsClaim = request.groupsClaim() == null ? null : claim("groupsClaim", request.groupsClaim(), null);
        List<GroupMapping> mappings = request.groupMappings() == null ? null : mappings(request.groupMappings());
        String name = request.name() == null ? null : Inputs.requireText("name", request.name());
        String current = inTransaction(() -> find(id).issuer);
        if (issuer != null || request.clientId() != null || request.clientSecret() != null) {
            discover(issuer == null ? current : issuer);
        }
        return inTransaction(() -> {
            IdentityProvider provider = find(id);
            if (name != null) {
                requireNameFree(name, id);
                provider.name = name;
            }
            if (issuer != null) {
                provider.issuer = issuer;
            }
            if (request.clientId() != null) {
                provider.clientId = Inputs.requireText("clientId", request.clientId());
            }
            if (request.clientSecret() != null) {
                provider.clientSecretSealed = Sealing.seal(key, request.clientSecret());
            }
            if (domains != null) {
                provider.allowedDomains = domains;
            }
            if (emailClaim != null) {
                provider.emailClaim = emailClaim;
            }
            if (groupsClaim != null) {
                provider.groupsClaim = groupsClaim;
            }
            if (mappings != null) {
                requireGroupsExist(mappings);
                provider.groupMappings = mappings;
            }
            if (request.enabled() != null) {
                provider.enabled = request.enabled();
            }
            provider.updatedAt = Time.now();
            Map<String, Object> detail = summary(provider);
            detail.put("secretChanged", request.clientSecret() != null);
            audit.record(caller.memberId().orElse(null), "sso.provider.updated", "identity-provider", provider.id,
                    detail);
            return view(provider);
        });
    }

    public void delete(UUID id) {
        inTransaction(() -> {
            IdentityProvider provider = find(id);
            provider.delete();
            audit.record(caller.memberId().orElse(null), "sso.provider.deleted", "identity-provider", provider.id,
                    Map.of("name", provider.name));
            return null;
        });
    }

    /** The address every provider sends people back to: what an admin registers at the provider. */
    public String redirectUri() {
        return chorus.url(SsoResource.CALLBACK);
    }

    /** The client secret, for the token endpoint. */
    String clientSecret(IdentityProvider provider) {
        return Sealing.open(key, provider.clientSecretSealed);
    }

    private void discover(String issuer) {
        try {
            oidc.discover(issuer, true);
        } catch (OidcException e) {
            throw ProblemException.invalid("issuer", DISCOVERY_FAILED + e.getMessage());
        }
    }

    private <T> T inTransaction(Supplier<T> work) {
        return QuarkusTransaction.joiningExisting().call(work::get);
    }

    private static IdentityProvider find(UUID id) {
        return IdentityProvider.findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("This identity provider"));
    }

    private static void requireNameFree(String name, UUID except) {
        IdentityProvider.findByName(name, except == null ? new UUID(0, 0) : except).ifPresent(p -> {
            throw ProblemException.conflict("name-taken", "An identity provider with this name already exists.");
        });
    }

    private static void requireGroupsExist(List<GroupMapping> mappings) {
        LinkedHashSet<UUID> ids = new LinkedHashSet<>();
        mappings.forEach(m -> ids.addAll(m.groupIds()));
        if (!ids.isEmpty() && Group.countExisting(ids) != ids.size()) {
            throw ProblemException.invalid("groupMappings", "must name existing groups of this organization");
        }
    }

    private String issuer(String value) {
        String issuer = value.strip();
        try {
            oidc.requireAllowed(java.net.URI.create(issuer));
        } catch (IllegalArgumentException | OidcException e) {
            throw ProblemException.invalid("issuer", "must be an https URL");
        }
        return issuer;
    }

    private static List<String> domains(List<String> values) {
        LinkedHashSet<String> domains = new LinkedHashSet<>();
        for (String value : values) {
            String domain = value.strip().toLowerCase(Locale.ROOT);
            domain = domain.startsWith("@") ? domain.substring(1) : domain;
            if (!DOMAIN.matcher(domain).matches()) {
                throw ProblemException.invalid("allowedDomains", "must be domain names, e.g. example.com");
            }
            domains.add(domain);
        }
        return new ArrayList<>(domains);
    }

    private static String claim(String field, String value, String fallback) {
        if (value == null) {
            return fallback;
        }
        if (!CLAIM.matcher(value.strip()).matches()) {
            throw ProblemException.invalid(field, "must be a claim name");
        }
        return value.strip();
    }

    private static List<GroupMapping> mappings(List<GroupMappingBody> bodies) {
        if (bodies == null) {
            return new ArrayList<>();
        }
        List<GroupMapping> mappings = new ArrayList<>();
        for (GroupMappingBody body : bodies) {
            mappings.add(new GroupMapping(body.idpGroup().strip(),
                    body.roles() == null ? List.of() : List.copyOf(new LinkedHashSet<>(body.roles())),
                    body.groupIds() == null ? List.of() : List.copyOf(new LinkedHashSet<>(body.groupIds()))));
        }
        return mappings;
    }

    private static Map<String, Object> summary(IdentityProvider provider) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("name", provider.name);
        detail.put("issuer", provider.issuer);
        detail.put("enabled", provider.enabled);
        return detail;
    }

    IdentityProviderView view(IdentityProvider provider) {
        String slug = Organization.findByIdOptional(tenants.current()).map(o -> o.slug).orElse("");
        return new IdentityProviderView(provider.id, provider.name, provider.issuer, provider.clientId,
                List.copyOf(provider.allowedDomains), provider.emailClaim, provider.groupsClaim,
                provider.groupMappings.stream().map(m -> new GroupMappingBody(m.idpGroup(), m.roles(), m.groupIds()))
                        .toList(),
                provider.enabled, redirectUri(), chorus.url("/api/v1/auth/sso/" + slug + "?provider=" + provider.id),
                provider.createdAt, provider.updatedAt);
    }
}
