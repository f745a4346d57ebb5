-- Single sign-on with OpenID Connect: an organization's identity providers (Entra ID, Okta, Keycloak...), the one-time
-- codes a mobile app exchanges for tokens, the states already used, and whether the organization requires SSO.

create table identity_providers (
    id                    uuid primary key,
    organization_id       uuid not null references organizations (id),
    name                  text not null,
    issuer                text not null,
    client_id             text not null,
    -- AES-GCM under a key derived from the server secret; never returned.
    client_secret_sealed  text not null,
    allowed_domains       jsonb not null default '[]',
    email_claim           text not null default 'email',
    groups_claim          text not null default 'groups',
    -- [{"idpGroup": "...", "roles": [...], "groupIds": [...]}]
    group_mappings        jsonb not null default '[]',
    enabled               boolean not null default true,
    created_at            timestamptz not null,
    updated_at            timestamptz not null,
    constraint identity_providers_name_length check (char_length(name) between 1 and 100),
    constraint identity_providers_issuer_length check (char_length(issuer) between 1 and 500),
    constraint identity_providers_client_id_length check (char_length(client_id) between 1 and 500)
);
create unique index identity_providers_name_uk on identity_providers (organization_id, lower(name));
create index identity_providers_org_idx on identity_providers (organization_id, created_at desc, id desc);

-- One-time codes for API clients: the SHA-256 of 256 random bits, valid for a minute, used once.
create table sso_codes (
    code_hash        text primary key,
    organization_id  uuid not null references organizations (id),
    member_id        uuid not null references members (id),
    expires_at       timestamptz not null,
    used_at          timestamptz
);
create index sso_codes_expires_idx on sso_codes (expires_at);

-- The states of finished sign-ins (their hash), until their cookie expires: a state comes back only once.
create table sso_used_states (
    state_hash  text primary key,
    expires_at  timestamptz not null
);
create index sso_used_states_expires_idx on sso_used_states (expires_at);

alter table organizations add column sso_required boolean not null default false;
-- The redirect URIs of the organization's apps (custom scheme or https) that may receive one-time codes.
alter table organizations add column sso_redirect_uris jsonb not null default '[]';

-- Who a member is at their identity provider: a keyed hash of the provider's issuer and subject (its "sub"), kept after
-- erasure (it names no one without the server secret) so that an erased member's next sign-in is refused, never a new
-- member.
alter table members add column sso_subject text;
create unique index members_sso_subject_uk on members (organization_id, sso_subject);
