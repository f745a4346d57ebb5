package io.chorus.admin;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;

import io.chorus.identity.Role;
import io.chorus.web.Surface;

/**
 * Who is signed in to the admin UI, what their navigation shows, their forms' CSRF token, and the language and time
 * zone (the organization's) their pages speak.
 */
public record AdminSession(String name, String email, String organization, Set<String> roles, String csrf,
        Locale locale, ZoneId zone) {

    public static boolean mayEnter(Set<String> roles) {
        return Surface.ADMIN.mayEnter(roles);
    }

    /** Content, moderation and campaigns. */
    public boolean curates() {
        return roles.contains(Role.CURATOR_ID) || administers();
    }

    /** Dashboards and leaderboards. */
    public boolean analyzes() {
        return roles.contains(Role.ANALYST_ID) || administers();
    }

    /** Members, groups and settings. */
    public boolean administers() {
        return roles.contains(Role.ADMIN_ID);
    }

    public String lang() {
        return locale.getLanguage();
    }

    /** The language the switch offers: the other one. */
    public String otherLang() {
        return Locale.FRENCH.getLanguage().equals(lang()) ? "en" : "fr";
    }
}
