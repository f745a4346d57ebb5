package io.chorus.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.chorus.common.Inputs;
import io.chorus.common.problem.ProblemException;
import io.chorus.content.ContentRequests.VariantRequest;

/**
 * An item's texts as checked together: its suggested messages, their alternatives and its variants' texts, each under
 * the field a violation names ({@code variants.fr.alternativeMessages.x[1]}).
 */
final class ContentTexts {

    /** The most languages an item may have besides its own. */
    static final int MAX_VARIANTS = 20;

    private ContentTexts() {
    }

    /** The variants keyed by canonical language tag; two keys naming the same language are a violation. */
    static Map<String, Voices.Variant> variants(Map<String, VariantRequest> requested) {
        Map<String, Voices.Variant> variants = new LinkedHashMap<>();
        if (requested == null) {
            return variants;
        }
        if (requested.size() > MAX_VARIANTS) {
            throw ProblemException.invalid("variants", "must have at most " + MAX_VARIANTS + " languages");
        }
        requested.forEach((tag, asked) -> {
            String language = Inputs.language("variants", tag);
            Voices.Variant variant = asked.toVariant();
            String field = "variants." + language + ".";
            if (variant.title() == null || variant.title().isEmpty() || variant.title().length() > 300) {
                throw ProblemException.invalid(field + "title", "must be 1 to 300 characters");
            }
            if (variant.body() != null && variant.body().length() > 20_000) {
                throw ProblemException.invalid(field + "body", "must be at most 20000 characters");
            }
            if (variants.put(language, variant) != null) {
                throw ProblemException.invalid("variants", "names " + language + " twice");
            }
        });
        return variants;
    }

    /**
     * Checks what no annotation can: no variant in the item's own language, no alternatives for a network without a
     * primary message, every message within its network's limit once the disclosure is appended.
     */
    static void check(Content content, String disclosure) {
        if (content.variants.containsKey(content.language)) {
            throw ProblemException.invalid("variants." + content.language, "is the item's own language");
        }
        List<MessageLimits.Field> fields = new ArrayList<>();
        collect("", content.suggestedMessages, content.alternativeMessages, fields);
        content.variants.forEach((language, variant) -> collect("variants." + language + ".",
                variant.suggestedMessages(), variant.alternativeMessages(), fields));
        MessageLimits.check(fields, disclosure);
    }

    private static void collect(String prefix, Map<String, String> primary, Map<String, List<String>> alternatives,
            List<MessageLimits.Field> fields) {
        primary.forEach((network, message) -> fields
                .add(new MessageLimits.Field(prefix + "suggestedMessages." + network, Network.of(network), message)));
        alternatives.forEach((network, messages) -> {
            if (!primary.containsKey(network)) {
                throw ProblemException.invalid(prefix + "alternativeMessages." + network,
                        "needs " + prefix + "suggestedMessages." + network + " first, the primary message");
            }
            if (messages.size() > ContentRequests.MAX_ALTERNATIVES) {
                throw ProblemException.invalid(prefix + "alternativeMessages." + network,
                        "must have at most " + ContentRequests.MAX_ALTERNATIVES + " messages");
            }
            for (int i = 0; i < messages.size(); i++) {
                if (messages.get(i).isBlank()) {
                    throw ProblemException.invalid(prefix + "alternativeMessages." + network + "[" + i + "]",
                            "must not be blank");
                }
                fields.add(new MessageLimits.Field(prefix + "alternativeMessages." + network + "[" + i + "]",
                        Network.of(network), messages.get(i)));
            }
        });
    }

    /** Every text the blocklist reads, by field: the messages, and for a submission its titles and bodies too. */
    static Map<String, String> screened(Content content, boolean submission) {
        Map<String, String> texts = new LinkedHashMap<>();
        if (submission) {
            texts.put("title", content.title);
            texts.put("body", content.body);
        }
        screened("", content.suggestedMessages, content.alternativeMessages, texts);
        content.variants.forEach((language, variant) -> {
            if (submission) {
                texts.put("variants." + language + ".title", variant.title());
                texts.put("variants." + language + ".body", variant.body());
            }
            screened("variants." + language + ".", variant.suggestedMessages(), variant.alternativeMessages(), texts);
        });
        return texts;
    }

    private static void screened(String prefix, Map<String, String> primary, Map<String, List<String>> alternatives,
            Map<String, String> texts) {
        primary.forEach((network, message) -> texts.put(prefix + "suggestedMessages." + network, message));
        alternatives.forEach((network, messages) -> {
            for (int i = 0; i < messages.size(); i++) {
                texts.put(prefix + "alternativeMessages." + network + "[" + i + "]", messages.get(i));
            }
        });
    }
}
