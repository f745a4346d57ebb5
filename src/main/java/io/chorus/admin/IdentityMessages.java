package io.chorus.admin;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The admin UI's words for single sign-on and provisioning (identity providers, the sign-in policy, SCIM tokens), in
 * English, in templates as {@code idp:key}; French in messages/idp_fr.properties.
 */
@MessageBundle(value = "idp", locale = "en")
public interface IdentityMessages {

    @Message("Single sign-on")
    String nav_sso();

    @Message("Single sign-on and provisioning")
    String sso_title();

    @Message("How members sign in through your identity provider (Microsoft Entra ID, Okta, Keycloak…), and how it "
            + "keeps members and groups up to date. Every change is recorded in the audit trail.")
    String sso_intro();

    @Message("{#when done}{#is 'provider_created'}The identity provider is added.{#is 'provider_saved'}The identity "
            + "provider is saved.{#is 'provider_enabled'}The identity provider is enabled: its button shows on the "
            + "sign-in pages.{#is 'provider_disabled'}The identity provider is disabled: its button no longer shows, "
            + "and sign-ins through it are refused.{#is 'provider_deleted'}The identity provider is deleted.{#is "
            + "'policy_saved'}The sign-in policy is saved.{#is 'token_created'}The SCIM token is created.{#is "
            + "'token_revoked'}The SCIM token is revoked: it no longer works.{#else}Done.{/when}")
    String done(String done);

    @Message("Identity providers")
    String providers_title();

    @Message("Each enabled provider adds a “Sign in with …” button to the sign-in pages of the app and of this admin "
            + "UI, for your organization.")
    String providers_intro();

    @Message("Redirect URI to register at the provider")
    String redirect_uri_label();

    @Message("Add an identity provider")
    String provider_add();

    @Message("Issuer")
    String col_issuer();

    @Message("Status")
    String col_status();

    @Message("Actions")
    String col_actions();

    @Message("{#if enabled}Enabled{#else}Disabled{/if}")
    String provider_status(boolean enabled);

    @Message("Edit")
    String provider_edit();

    @Message("Edit {name}")
    String provider_edit_label(String name);

    @Message("Enable")
    String provider_enable();

    @Message("Disable")
    String provider_disable();

    @Message("Delete…")
    String provider_delete();

    @Message("Members who signed in through {name} keep their accounts and their history; they sign in with another "
            + "provider, or with a password if they have one.")
    String provider_delete_warning(String name);

    @Message("Delete {name}")
    String provider_delete_confirm(String name);

    @Message("No identity provider yet: members sign in with their password.")
    String providers_empty();

    @Message("Sign-in policy")
    String policy_title();

    @Message("Require single sign-on")
    String field_required();

    @Message("Members then cannot sign in with a password. Admins still can: keep at least one admin with a "
            + "password, as the way in when the identity provider fails (break-glass).")
    String required_hint();

    @Message("Redirect URIs of your apps")
    String field_redirect_uris();

    @Message("One per line: where the identity provider sends the members of your own mobile or desktop apps back, "
            + "such as com.example.app:/sso (the app's own scheme) or an https URL. Leave it empty if you have none.")
    String redirect_uris_hint();

    @Message("Provisioning (SCIM)")
    String scim_title();

    @Message("Your identity provider creates, updates and deactivates members and groups through SCIM 2.0, with a "
            + "token made here: one token per provider.")
    String scim_intro();

    @Message("SCIM base URL")
    String scim_url_label();

    @Message("Token name")
    String field_token_name();

    @Message("e.g. Entra ID")
    String token_name_placeholder();

    @Message("Create a token")
    String token_create();

    @Message("Copy the token now")
    String token_created_title();

    @Message("This is the only time the token “{name}” is shown: Chorus keeps only a fingerprint of it. Paste it "
            + "into your identity provider's provisioning settings (as its secret token, or Bearer token).")
    String token_created_text(String name);

    @Message("Created")
    String col_created();

    @Message("Last used")
    String col_last_used();

    @Message("Never")
    String never_used();

    @Message("Revoke…")
    String token_revoke();

    @Message("The identity provider using “{name}” can no longer provision members, from its next request on.")
    String token_revoke_warning(String name);

    @Message("Revoke {name}")
    String token_revoke_confirm(String name);

    @Message("No SCIM token yet.")
    String tokens_empty();

    @Message("Add an identity provider")
    String provider_new_title();

    @Message("Chorus loads the issuer's discovery document (/.well-known/openid-configuration) before saving: the "
            + "issuer must be reachable from this server.")
    String form_intro();

    @Message("Connection")
    String connection_title();

    @Message("Shown on the button: “Sign in with <name>”.")
    String name_hint();

    @Message("Issuer URL")
    String field_issuer();

    @Message("Entra ID: https://login.microsoftonline.com/<tenant id>/v2.0 · Okta: https://<your domain>.okta.com · "
            + "Keycloak: https://<host>/realms/<realm>")
    String issuer_hint();

    @Message("Client ID")
    String field_client_id();

    @Message("Client secret")
    String field_client_secret();

    @Message("A secret is set. Type a new one only to replace it.")
    String secret_set();

    @Message("Kept encrypted, and never shown again.")
    String secret_hint();

    @Message("Who may sign in")
    String who_title();

    @Message("Allowed email domains")
    String field_domains();

    @Message("Separated by commas: only addresses of these domains that the provider has verified sign in, e.g. "
            + "example.com, example.fr.")
    String domains_hint();

    @Message("Email claim")
    String field_email_claim();

    @Message("The ID token's claim that holds the email address; usually email.")
    String email_claim_hint();

    @Message("Groups claim")
    String field_groups_claim();

    @Message("The claim that holds the person's groups; usually groups.")
    String groups_claim_hint();

    @Message("Enabled: its button shows on the sign-in pages")
    String field_enabled();

    @Message("Group mapping")
    String mappings_title();

    @Message("At each sign-in, the person's groups at the provider give Chorus roles and groups. When a mapping gives "
            + "roles, roles follow the mappings at every sign-in (ambassador when none matches); otherwise they stay "
            + "as an admin set them. Chorus groups a mapping names follow the provider; other groups stay as they "
            + "are. Empty an IdP group to remove its mapping.")
    String mappings_intro();

    @Message("IdP group")
    String col_idp_group();

    @Message("IdP group of mapping {n}")
    String idp_group_label(int n);

    @Message("e.g. chorus-curators, or a group's object ID")
    String idp_group_placeholder();

    @Message("Roles it gives")
    String col_gives_roles();

    @Message("Chorus groups it gives")
    String col_gives_groups();

    @Message("Add the provider")
    String provider_create();

    @Message("Sign-in link")
    String signin_url_label();

    /** Why a field was refused. */
    @Message("{#when code}{#is 'name'}Enter a name of at most 100 characters.{#is 'name-taken'}Another identity "
            + "provider already has this name.{#is 'issuer'}Enter the issuer URL (at most 500 characters).{#is "
            + "'https'}The issuer must be an https URL.{#is 'discovery'}The issuer's discovery document could not be "
            + "loaded: {detail}{#is 'clientId'}Enter the client ID (at most 500 characters).{#is 'clientSecret'}Enter "
            + "the client secret (at most 2,000 characters).{#is 'secret_again'}Type the client secret again: a "
            + "refused form never shows it back.{#is 'allowedDomains'}Enter 1 to 50 domain names, such as "
            + "example.com.{#is in 'emailClaim' 'groupsClaim'}Enter a claim name: letters, digits and _ : . / - "
            + "only, at most 100.{#is 'groupMappings'}Check the mappings: at most 200, IdP groups of at most 200 "
            + "characters, groups of this organization.{#is 'redirectUris'}Enter at most 20 addresses, one per line: "
            + "an app's own scheme such as com.example.app:/sso, or https URLs without #.{#is 'tokenName'}Enter a "
            + "name of at most 100 characters.{#else}Check this field.{/when}")
    String problem(String code, String detail);
}
