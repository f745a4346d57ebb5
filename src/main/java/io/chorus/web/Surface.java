package io.chorus.web;

import java.util.Optional;
import java.util.Set;

import io.chorus.identity.Role;

/**
 * The two interfaces Chorus serves to browsers: the admin UI for comms teams, analysts and admins, and the employees'
 * app. Each lives under its own path, so that its cookies (session, refresh, CSRF) are sent to it alone: signing in or
 * out of one never touches the other.
 */
public enum Surface {
    /** For curators, analysts and admins. */
    ADMIN("/admin", Set.of(Role.CURATOR_ID, Role.ANALYST_ID, Role.ADMIN_ID)),
    /** For the members the feed is for. */
    APP("/app", Set.of(Role.AMBASSADOR_ID, Role.ADMIN_ID));

    private final String root;
    private final Set<String> roles;

    Surface(String root, Set<String> roles) {
        this.root = root;
        this.roles = roles;
    }

    /** Whether a member of these roles may sign in here. */
    public boolean mayEnter(Set<String> memberRoles) {
        return memberRoles != null && memberRoles.stream().anyMatch(roles::contains);
    }

    public String root() {
        return root;
    }

    public String signIn() {
        return root + "/login";
    }

    public boolean covers(String path) {
        return path != null && (path.equals(root) || path.startsWith(root + "/"));
    }

    /** The surface a request path belongs to, if any. */
    public static Optional<Surface> of(String path) {
        for (Surface surface : values()) {
            if (surface.covers(path)) {
                return Optional.of(surface);
            }
        }
        return Optional.empty();
    }

    /** An address to return to after signing in: only a path of this surface, never another site. */
    public String safeNext(String next) {
        if (next == null || !covers(next) || next.startsWith("//") || next.contains("\\")
                || next.startsWith(signIn())) {
            return root;
        }
        return next;
    }
}
