package io.chorus.admin;

import java.net.URI;

/** Where the admin UI lives, and which addresses it may send a browser back to. */
public final class AdminPaths {

    public static final String ROOT = "/admin";
    public static final String SIGN_IN = "/admin/login";

    private AdminPaths() {
    }

    public static boolean isAdmin(String path) {
        return path != null && (path.equals(ROOT) || path.startsWith(ROOT + "/"));
    }

    /** An address to return to after signing in: only a path of the admin UI, never another site. */
    public static String safeNext(String next) {
        if (next == null || !isAdmin(next) || next.startsWith("//") || next.contains("\\")
                || next.startsWith(SIGN_IN)) {
            return ROOT;
        }
        return next;
    }

    public static URI uri(String path) {
        return URI.create(path);
    }
}
