package io.chorus.sso;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the single sign-on pages (a refused sign-in, the page that moves on once signed in), in English, in
 * templates as {@code sso:key}; French in messages/sso_fr.properties.
 */
@MessageBundle(value = "sso", locale = "en")
public interface SsoMessages {

    @Message("{#when slug}{#is in 'not-found' 'sso-not-configured'}Single sign-on is not available{#is "
            + "'idp-unavailable'}Your identity provider is not answering{#else}Sign-in failed{/when}")
    String failed_title(String slug);

    @Message("{#when slug}{#is 'not-found'}There is no organization at this address: check the link you followed, "
            + "or ask your administrator for the right one.{#is 'sso-not-configured'}This organization has no "
            + "identity provider to sign in with at the moment. Sign in with your password, or ask your "
            + "administrator.{#is 'validation'}This sign-in link is not valid. Start again from the sign-in "
            + "page.{#is 'unregistered-redirect-uri'}The app that sent you here is not registered with this "
            + "organization. Ask your administrator to register it.{#is 'invalid-sso-state'}This sign-in could not "
            + "be finished: it was started in another browser, took too long, or was changed on the way. Start "
            + "again from the sign-in page.{#is 'replayed-sso-state'}This sign-in was already finished. Start "
            + "again from the sign-in page.{#is 'idp-error'}Your identity provider refused the sign-in.{#is "
            + "'idp-unavailable'}Your identity provider did not answer in time, or answered something Chorus "
            + "cannot use. Try again in a few minutes; if it keeps happening, tell your administrator.{#is "
            + "'invalid-id-token'}The proof of identity your identity provider sent does not check out, so Chorus "
            + "did not sign you in. Try again; if it keeps happening, tell your administrator.{#is "
            + "'email-missing'}Your identity provider did not send your email address. Ask your administrator to "
            + "check its settings.{#is 'email-not-verified'}Your identity provider has not verified your email "
            + "address. Verify it there, then try again.{#is 'email-domain-not-allowed'}Email addresses of your "
            + "domain may not sign in to this organization.{#is 'member-deactivated'}Your account in this "
            + "organization is deactivated. Ask your administrator if this is a mistake.{#is "
            + "'member-not-provisioned'}Your account could not be brought up to date. Tell your "
            + "administrator.{#is 'not-here'}Your account may not use this part of Chorus.{#else}Chorus could not "
            + "sign you in.{/when}")
    String failed_text(String slug);

    @Message("For your administrator:")
    String failed_detail();

    @Message("Back to sign-in")
    String back_to_signin();

    @Message("Signed in")
    String landing_title();

    @Message("Continue")
    String landing_continue();
}
