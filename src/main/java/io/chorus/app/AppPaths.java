package io.chorus.app;

/** Where the app lives ({@link io.chorus.web.Surface#APP}), as constants for the pages' annotations. */
public final class AppPaths {

    public static final String ROOT = "/app";
    public static final String SIGN_IN = ROOT + "/login";

    private AppPaths() {
    }
}
