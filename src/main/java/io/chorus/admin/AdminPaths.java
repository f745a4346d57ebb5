package io.chorus.admin;

import java.net.URI;

/** Where the admin UI lives ({@link io.chorus.web.Surface#ADMIN}), as constants for the pages' annotations. */
public final class AdminPaths {

    public static final String ROOT = "/admin";
    public static final String SIGN_IN = ROOT + "/login";

    private AdminPaths() {
    }

    public static URI uri(String path) {
        return URI.create(path);
    }
}
