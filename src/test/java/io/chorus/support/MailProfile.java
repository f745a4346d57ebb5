package io.chorus.support;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Mail tests: a real SMTP server in the JVM ({@link SmtpServer}), mail jobs every second, quick retries, and old mails
 * deleted two at a time (so that a few make several batches). Every mail test class uses this one profile, so that the
 * service starts once for them all.
 */
public class MailProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("chorus.mail.digest.check-interval", "PT1S", "chorus.mail.sender.interval", "PT0.2S",
                "chorus.mail.sender.first-retry-after", "PT0.5S", "chorus.mail.sender.max-retry-after", "PT1S",
                "chorus.mail.sender.max-attempts", "30", "chorus.mail.per-organization-per-minute", "100000",
                "chorus.mail.delete-batch-size", "2");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(SmtpServer.class));
    }
}
