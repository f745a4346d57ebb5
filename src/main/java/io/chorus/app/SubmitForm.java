package io.chorus.app;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import io.chorus.common.Inputs;
import io.chorus.common.problem.Problem;
import io.chorus.common.problem.ProblemException;
import io.chorus.content.ContentRequests.CreateContent;
import io.chorus.content.ContentRequests.SuggestedMessages;
import io.chorus.content.LinkPreviewService.LinkPreview;
import io.chorus.content.MessageLimits;
import io.chorus.content.Network;

/**
 * The suggest form as typed, so that a refused form comes back as it was sent; the request it makes of the content
 * service (its message suggested for every network, the link preview's description and image when there is one); and
 * what is wrong with it, field by field. The rules are the API's own (the request's constraints, the URL check, each
 * network's limit, the blocklist): this only says which field broke which, for the page to put in words.
 */
public record SubmitForm(String url, String title, String message) {

    /** What can be wrong with a field. */
    public enum Trouble {
        MISSING, TOO_LONG, NOT_A_LINK, TOO_LONG_FOR_NETWORK, BLOCKED
    }

    /**
     * What is wrong with one field, and what the words quote: the limit, or the network with the message's length as it
     * counts it, or the forbidden phrase.
     */
    public record FieldError(Trouble trouble, int max, Network network, int length, String phrase) {

        static FieldError of(Trouble trouble) {
            return new FieldError(trouble, 0, null, 0, "");
        }
    }

    /** The form's errors by field ({@code url}, {@code title}, {@code message}); {@code form} for any other. */
    public static final class Errors {
        private final Map<String, FieldError> fields = new LinkedHashMap<>();

        public static Errors none() {
            return new Errors();
        }

        Errors add(String field, FieldError error) {
            fields.putIfAbsent(field, error);
            return this;
        }

        public boolean any() {
            return !fields.isEmpty();
        }

        public boolean has(String field) {
            return fields.containsKey(field);
        }

        public FieldError get(String field) {
            return fields.get(field);
        }

        /** Whether only what the link preview added was refused (the member wrote none of it). */
        boolean onlyPreview() {
            return any() && fields.keySet().stream().allMatch("preview"::equals);
        }
    }

    public static SubmitForm blank() {
        return new SubmitForm("", "", "");
    }

    public static SubmitForm of(String url, String title, String message) {
        return new SubmitForm(orEmpty(url), orEmpty(title), orEmpty(message));
    }

    /** A submission in the member's language; with the page's description and image when the preview found them. */
    CreateContent request(String language, LinkPreview preview) {
        String body = preview == null ? null : preview.description();
        String image = preview == null ? null : webUrl(preview.imageUrl()).orElse(null);
        return new CreateContent(title, url, body, image, language, null, null, suggested(), null, null, null, null,
                null);
    }

    /**
     * What is wrong before anything is fetched or stored: the request's constraints, the link, the message's length.
     */
    Errors check(Validator validator, String language) {
        Errors errors = new Errors();
        CreateContent request = request(language, null);
        for (ConstraintViolation<CreateContent> violation : validator.validate(request)) {
            String field = violation.getPropertyPath().iterator().next().getName();
            if (field.equals("title") || field.equals("url")) {
                Object max = violation.getConstraintDescriptor().getAttributes().get("max");
                String value = field.equals("title") ? title : url;
                errors.add(field, value.isBlank() ? FieldError.of(Trouble.MISSING)
                        : new FieldError(Trouble.TOO_LONG, max instanceof Integer m ? m : 0, null, 0, ""));
            }
            // The message's constraint is looser than every network's limit, checked below.
        }
        if (!errors.has("url")) {
            try {
                Inputs.webUrl("url", url);
            } catch (ProblemException e) {
                errors.add("url", FieldError.of(Trouble.NOT_A_LINK));
            }
        }
        try {
            MessageLimits.check(request.suggestedMessages().toMap());
        } catch (ProblemException e) {
            errors.add("message", tooLong(e.toProblem(null).violations()));
        }
        return errors;
    }

    /** The fields the content service refused, and why. */
    Errors refusal(ProblemException e) {
        Errors errors = new Errors();
        List<Problem.Violation> violations = e.toProblem(null).violations();
        if (violations == null || violations.isEmpty()) {
            return errors.add("form", FieldError.of(Trouble.BLOCKED));
        }
        for (Problem.Violation violation : violations) {
            String field = field(violation.field());
            if ("blocklisted".equals(e.slug())) {
                errors.add(field, new FieldError(Trouble.BLOCKED, 0, null, 0, phrase(violation.message())));
            } else if (field.equals("message")) {
                errors.add(field, tooLong(violations));
            } else if (field.equals("url")) {
                errors.add(field, FieldError.of(Trouble.NOT_A_LINK));
            } else {
                errors.add(field, FieldError.of(Trouble.MISSING));
            }
        }
        return errors;
    }

    /** The form's field a request field comes from; {@code preview} for what the link preview filled in. */
    private static String field(String requestField) {
        if (requestField.startsWith("suggestedMessages")) {
            return "message";
        }
        return switch (requestField) {
            case "title", "url" -> requestField;
            case "body", "imageUrl" -> "preview";
            default -> "form";
        };
    }

    /** The strictest network the message is too long for, with its length as that network counts it. */
    private FieldError tooLong(List<Problem.Violation> violations) {
        String text = message.strip();
        Network strictest = violations.stream().filter(v -> v.field().startsWith("suggestedMessages."))
                .map(v -> Network.of(v.field().substring("suggestedMessages.".length())))
                .min(Comparator.comparingInt(Network::maxLength)).orElse(Network.X);
        return new FieldError(Trouble.TOO_LONG_FOR_NETWORK, strictest.maxLength(), strictest,
                MessageLimits.length(strictest, text), "");
    }

    /** The match a blocklist violation quotes: {@code contains "…"}. */
    private static String phrase(String violation) {
        int first = violation.indexOf('"');
        int last = violation.lastIndexOf('"');
        return first >= 0 && last > first ? violation.substring(first + 1, last) : violation;
    }

    /** The message suggested for every network (a blank one suggests none). */
    private SuggestedMessages suggested() {
        return new SuggestedMessages(message, message, message, message, message, message);
    }

    /** How many characters a message may have on X, where each link counts as 23 and the tracked link is added. */
    static int roomOnX() {
        return Network.X.maxLength() - MessageLimits.length(Network.X, "");
    }

    private static Optional<String> webUrl(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Inputs.webUrl("imageUrl", value));
        } catch (ProblemException e) {
            return Optional.empty(); // an image address the content could not hold: the submission goes without
        }
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
