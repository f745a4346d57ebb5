package io.chorus;

import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * The tests that drive Chromium, and the mail tests (which share their test profile with the broadcasts page's), run by
 * one of surefire's two JVMs while {@link ServiceSuite} runs in the other: the two take about as long, and the
 * machine's two cores are both busy. One suite per JVM keeps Quarkus to one start per test profile: when surefire
 * forks, it runs every class it is given in a launcher session of its own, and Quarkus stops at the end of each session
 * (quarkusio/quarkus#43979).
 */
@Suite
@SelectPackages("io.chorus")
@IncludeClassNamePatterns(BrowserAndMailSuite.CLASSES)
public class BrowserAndMailSuite {

    static final String CLASSES = ".*(UiTest|BrowserTest)|io\\.chorus\\.mail\\..*Test";
}
