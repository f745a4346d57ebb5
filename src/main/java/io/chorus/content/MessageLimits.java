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

    /** One message for one network, reported as the given field. */
    public static void check(String field, Network network, String message) {
        int length = length(network, message);
        if (length > network.maxLength()) {
            throw ProblemException.invalid(field, "is " + length + " characters" + counted(network) + "; "
                    + network.id() + " allows " + network.maxLength());
        }
    }

    private static String counted(Network network) {
        return network == Network.X ? " (links count 23 each, plus 24 for the tracked link)" : "";
    }

    public static void check(Map<String, String> messages) {
        List<Field> fields = new ArrayList<>();
        messages.forEach((id, message) -> fields.add(new Field("suggestedMessages." + id, Network.of(id), message)));
        check(fields);
    }

    /** A message to check, the field that reports it, and its network. */
    public record Field(String name, Network network, String message) {
    }

    /** Every message at once: one violation per message too long. */
    public static void check(List<Field> fields) {
        List<Problem.Violation> violations = new ArrayList<>();
        for (Field field : fields) {
            int length = length(field.network(), field.message());
            if (length > field.network().maxLength()) {
                violations.add(
                        new Problem.Violation(field.name(), "is " + length + " characters" + counted(field.network())
                                + "; " + field.network().id() + " allows " + field.network().maxLength()));
            }
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(400, "validation", "Invalid request", "A suggested message is too long.",
                    violations, Map.of());
        }
    }
}
