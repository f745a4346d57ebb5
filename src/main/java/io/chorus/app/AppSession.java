package io.chorus.app;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import io.chorus.content.Network;
import io.chorus.web.Surface;

/**
 * Who is signed in to the app: their name, their organization (name and slug, for the sign-in link), their forms' CSRF
 * token, the language and time zone their pages speak, the charter version they still have to accept (null when none),
 * and the networks their organization shares on (the share buttons).
 */
public record AppSession(UUID memberId, String name, String organization, String csrf, Locale locale, ZoneId zone,
        Integer charterToAccept, List<Network> networks) {

    public static boolean mayEnter(Set<String> roles) {
        return Surface.APP.mayEnter(roles);
    }

    public String lang() {
        return locale.getLanguage();
    }

    /** The language the switch offers: the other one. */
    public String otherLang() {
        return Locale.FRENCH.getLanguage().equals(lang()) ? "en" : "fr";
    }
}
