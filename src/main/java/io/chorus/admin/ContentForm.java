package io.chorus.admin;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.chorus.content.ContentRequests;
import io.chorus.content.ContentRequests.AlternativeMessages;
import io.chorus.content.ContentRequests.CreateContent;
import io.chorus.content.ContentRequests.SuggestedMessages;
import io.chorus.content.ContentRequests.UpdateContent;
import io.chorus.content.ContentRequests.VariantRequest;
import io.chorus.content.ContentViews.ContentView;
import io.chorus.content.Network;
import io.chorus.content.Voices;
import io.chorus.web.Formats;
import io.chorus.web.Formats.InvalidField;

/**
 * The content editor's fields as typed, so that a refused form comes back as it was sent; and their translation into
 * the content service's requests.
 */
public record ContentForm(String title, String url, String body, String imageUrl, String language, String topics,
        Set<String> groupIds, Map<String, String> messages, String publishAt, String expiresAt,
        Map<String, List<String>> alternatives, List<VariantField> variants, String disclosure) {

    /** The languages the editor offers. */
    public static final List<String> LANGUAGES = List.of("en", "fr", "de", "es", "it", "nl", "pt");

    /** One suggested-message field: its network, the network's limit and what was typed. */
    public record MessageField(String network, int limit, String value) {
        /** The field a refusal names for this message. */
        public String errorKey() {
            return "suggestedMessages." + network;
        }
    }

    /**
     * A translation as typed: its language, title, body, one message per network and the network's other messages, one
     * per line.
     */
    public record VariantField(String language, String title, String body, Map<String, String> messages,
            Map<String, String> alternatives) {

        public List<MessageField> messageFields() {
            return Arrays.stream(Network.values())
                    .map(n -> new MessageField(n.id(), n.maxLength(), orEmpty(messages.get(n.id())))).toList();
        }

        public int maxAlternatives() {
            return ContentRequests.MAX_ALTERNATIVES;
        }

        /** The network's other messages as typed, one per line. */
        public String alternativesOf(String network) {
            return orEmpty(alternatives.get(network));
        }

        /** Whether a refusal names a field of this translation. */
        public boolean refusedIn(Set<String> errors) {
            return errors.stream().anyMatch(e -> e.startsWith("variants." + language + ".") || e.equals("variants")
                    || e.equals("variants." + language));
        }

        /** Whether a refusal names the network's message ({@code suggestedMessages}) or other messages. */
        public boolean refusedIn(Set<String> errors, String field, String network) {
            String key = "variants." + language + "." + field + "." + network;
            return errors.stream().anyMatch(e -> e.equals(key) || e.startsWith(key + "["));
        }

        /** The other messages typed for each network: one per line, blank lines dropped. */
        AlternativeMessages alternativeMessages() {
            Map<String, List<String>> lines = new LinkedHashMap<>();
            alternatives.forEach((network, text) -> lines.put(network,
                    text == null ? List.of() : text.lines().filter(line -> !line.isBlank()).toList()));
            return new AlternativeMessages(lines.get("linkedin"), lines.get("x"), lines.get("facebook"),
                    lines.get("xing"), lines.get("whatsapp"), lines.get("email"));
        }
    }

    public static ContentForm blank(String language) {
        return new ContentForm("", "", "", "", LANGUAGES.contains(language) ? language : "en", "", Set.of(), Map.of(),
                "", "", Map.of(), List.of(), "");
    }

    public static ContentForm of(ContentView content, ZoneId zone) {
        Set<String> groups = new LinkedHashSet<>();
        content.targetGroupIds().forEach(id -> groups.add(id.toString()));
        return new ContentForm(content.title(), content.url(), orEmpty(content.body()), orEmpty(content.imageUrl()),
                content.language(), String.join(", ", content.topics()), groups, content.suggestedMessages(),
                Formats.input(content.publishAt(), zone), Formats.input(content.expiresAt(), zone),
                content.alternativeMessages(), variantFields(content.variants()), orEmpty(content.disclosure()));
    }

    private static List<VariantField> variantFields(Map<String, Voices.Variant> variants) {
        List<VariantField> fields = new ArrayList<>();
        variants.forEach((language, v) -> {
            Map<String, String> alternatives = new LinkedHashMap<>();
            v.alternativeMessages().forEach((network, list) -> alternatives.put(network, String.join("\n", list)));
            fields.add(new VariantField(language, v.title(), orEmpty(v.body()),
                    new LinkedHashMap<>(v.suggestedMessages()), alternatives));
        });
        return fields;
    }

    /** A network's alternative messages, then an empty field for one more (while there is room). */
    public List<String> alternativesOf(String network) {
        List<String> fields = new ArrayList<>(alternatives.getOrDefault(network, List.of()));
        if (fields.size() < ContentRequests.MAX_ALTERNATIVES) {
            fields.add("");
        }
        return fields;
    }

    /** Whether the network has alternative messages (its fields are then shown open). */
    public boolean hasAlternatives(String network) {
        return !alternatives.getOrDefault(network, List.of()).isEmpty();
    }

    /** Whether a refusal names this alternative message of the network, or the network's alternatives. */
    public boolean alternativeRefused(String network, int index, Set<String> errors) {
        return errors.contains("alternativeMessages." + network)
                || errors.contains("alternativeMessages." + network + "[" + index + "]");
    }

    /** The translations, then an empty row for one more. */
    public List<VariantField> variantRows() {
        List<VariantField> rows = new ArrayList<>(variants);
        rows.add(new VariantField("", "", "", Map.of(), Map.of()));
        return rows;
    }

    public List<MessageField> messageFields() {
        return Arrays.stream(Network.values())
                .map(n -> new MessageField(n.id(), n.maxLength(), orEmpty(messages.get(n.id())))).toList();
    }

    public boolean targets(Object groupId) {
        return groupIds.contains(String.valueOf(groupId));
    }

    /** The schedule typed in the organization's time zone. */
    public CreateContent toCreate(ZoneId zone) throws InvalidField {
        return new CreateContent(title, url, body, imageUrl, language, topicList(), groups(), suggested(),
                Formats.parseInput("publishAt", publishAt, zone).orElse(null),
                Formats.parseInput("expiresAt", expiresAt, zone).orElse(null), alternativeMessages(), variantRequests(),
                disclosure);
    }

    /** Every field as typed; the schedule only when it changed, so that saving alone never reschedules. */
    public UpdateContent toUpdate(ContentView current, ZoneId zone) throws InvalidField {
        Optional<Instant> publish = Formats.parseInput("publishAt", publishAt, zone);
        Optional<Instant> expires = Formats.parseInput("expiresAt", expiresAt, zone);
        return new UpdateContent(title, url, Optional.of(body), Optional.of(imageUrl), language, topicList(), groups(),
                suggested(), changed(publish, current.publishAt(), zone), changed(expires, current.expiresAt(), zone),
                alternativeMessages(), variantRequests(), Optional.of(disclosure));
    }

    private static Optional<Instant> changed(Optional<Instant> typed, Instant current, ZoneId zone) {
        Optional<Instant> before = Optional.ofNullable(current).map(i -> Formats.input(i, zone))
                .map(v -> Formats.inputValue(v, zone));
        return typed.equals(before) ? null : typed;
    }

    private List<String> topicList() {
        List<String> list = new ArrayList<>();
        for (String topic : topics.split(",")) {
            if (!topic.isBlank()) {
                list.add(topic.strip());
            }
        }
        return list;
    }

    private List<UUID> groups() throws InvalidField {
        List<UUID> ids = new ArrayList<>();
        try {
            for (String id : groupIds) {
                ids.add(UUID.fromString(id));
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidField("targetGroupIds");
        }
        return ids;
    }

    private AlternativeMessages alternativeMessages() {
        return new AlternativeMessages(alternatives.get("linkedin"), alternatives.get("x"),
                alternatives.get("facebook"), alternatives.get("xing"), alternatives.get("whatsapp"),
                alternatives.get("email"));
    }

    /** The translations typed, with their messages and other messages. */
    private Map<String, VariantRequest> variantRequests() throws InvalidField {
        Map<String, VariantRequest> requests = new LinkedHashMap<>();
        for (VariantField v : variants) {
            VariantRequest request = new VariantRequest(v.title(), v.body(), suggested(v.messages()),
                    v.alternativeMessages());
            if (requests.put(v.language(), request) != null) {
                throw new InvalidField("variants");
            }
        }
        return requests;
    }

    private SuggestedMessages suggested() {
        return suggested(messages);
    }

    private static SuggestedMessages suggested(Map<String, String> messages) {
        return new SuggestedMessages(messages.get("linkedin"), messages.get("x"), messages.get("facebook"),
                messages.get("xing"), messages.get("whatsapp"), messages.get("email"));
    }

    /** The suggested messages of a form, keyed by network id. */
    public static Map<String, String> messages(String linkedin, String x, String facebook, String xing, String whatsapp,
            String email) {
        Map<String, String> messages = new LinkedHashMap<>();
        messages.put("linkedin", orEmpty(linkedin));
        messages.put("x", orEmpty(x));
        messages.put("facebook", orEmpty(facebook));
        messages.put("xing", orEmpty(xing));
        messages.put("whatsapp", orEmpty(whatsapp));
        messages.put("email", orEmpty(email));
        return messages;
    }

    static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
