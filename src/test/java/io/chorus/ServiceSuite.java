package io.chorus;

import org.junit.platform.suite.api.ExcludeClassNamePatterns;
import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/** Every test that is not in the {@link BrowserAndMailSuite}: the API, the jobs, the analytics, the contract. */
@Suite
@SelectPackages("io.chorus")
@IncludeClassNamePatterns(".*Test")
@ExcludeClassNamePatterns(BrowserAndMailSuite.CLASSES)
public class ServiceSuite {
}
