package io.chorus.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.chorus.common.problem.Problem;
import io.chorus.common.problem.ProblemException;

/**
 * Each network's message limit, counted the way the network counts: characters as code points, and on X every link as
 * 23 characters — including the tracked link X appends when shared.
 */
public final class MessageLimits {

    private static final Pattern LINK = Pattern.compile("https?://\\S+", Pattern.CASE_INSENSITIVE);

    private MessageLimits() {
    }

    public static int length(Network network, String message) {
        if (network != Network.X) {
            return message.codePointCount(0, message.length());
        }
        Matcher links = LINK.matcher(message);
        int length = 0;
        int last = 0;
        while (links.find()) {
            length += message.codePointCount(last, links.start()) + Network.X_LINK_LENGTH;
            last = links.end();
        }
        length += message.codePointCount(last, message.length());
        return length + 1 + Network.X_LINK_LENGTH; // " " + the tracked link the share adds
    }

    /**
     * A message as it is shared with a disclosure line: with it appended, unless the message already carries it word
     * for word (or there is none).
     */
    public static String withDisclosure(String message, String disclosure) {
        if (disclosure == null || disclosure.isBlank() || message.contains(disclosure)) {
            return message;
        }
        return message + "\n\n" + disclosure;
    }

    /**
     * One message for one network, reported as the given field; a disclosure the message carries is named in the
     * answer, so that whoever reads it knows what made it too long.
     */
    public static void check(String field, Network network, String message, String disclosure) {
        String tooLong = tooLong(network, message, disclosure);
        if (tooLong != null) {
            throw ProblemException.invalid(field, tooLong);
        }
    }

    /** What is wrong with a message's length on a network, or null when it fits. */
    private static String tooLong(Network network, String message, String disclosure) {
        int length = length(network, message);
        if (length <= network.maxLength()) {
            return null;
        }
        boolean disclosed = disclosure != null && !disclosure.isBlank() && message.contains(disclosure);
        String included = disclosed
                ? ", the disclosure of " + disclosure.codePointCount(0, disclosure.length()) + " characters included"
                : "";
        return "is " + length + " characters" + included + counted(network) + "; " + network.id() + " allows "
                + network.maxLength();
    }

    private static String counted(Network network) {
        return network == Network.X ? " (links count 23 each, plus 24 for the tracked link)" : "";
    }

    public static void check(Map<String, String> messages) {
        check(messages, null);
    }

    /** Suggested messages by network id, each counted as it is shared: with the disclosure line appended. */
    public static void check(Map<String, String> messages, String disclosure) {
        List<Field> fields = new ArrayList<>();
        messages.forEach((id, message) -> fields.add(new Field("suggestedMessages." + id, Network.of(id), message)));
        check(fields, disclosure);
    }

    /** A message to check, the field that reports it, and its network. */
    public record Field(String name, Network network, String message) {
    }

    /** Every message at once: one violation per message too long. */
    public static void check(List<Field> fields) {
        check(fields, null);
    }

    /** Every message at once, each counted as it is shared (with the disclosure): one violation per one too long. */
    public static void check(List<Field> fields, String disclosure) {
        List<Problem.Violation> violations = new ArrayList<>();
        for (Field field : fields) {
            String tooLong = tooLong(field.network(), withDisclosure(field.message(), disclosure), disclosure);
            if (tooLong != null) {
                violations.add(new Problem.Violation(field.name(), tooLong));
            }
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(400, "validation", "Invalid request", "A suggested message is too long.",
                    violations, Map.of());
        }
    }
}
