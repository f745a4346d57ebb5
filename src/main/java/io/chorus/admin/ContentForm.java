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

import io.chorus.content.ContentRequests.CreateContent;
import io.chorus.content.ContentRequests.SuggestedMessages;
import io.chorus.content.ContentRequests.UpdateContent;
import io.chorus.content.ContentViews.ContentView;
import io.chorus.content.Network;
import io.chorus.web.Formats;
import io.chorus.web.Formats.InvalidField;

/**
 * The content editor's fields as typed, so that a refused form comes back as it was sent; and their translation into
 * the content service's requests.
 */
public record ContentForm(String title, String url, String body, String imageUrl, String language, String topics,
        Set<String> groupIds, Map<String, String> messages, String publishAt, String expiresAt, String disclosure) {

    /** The languages the editor offers. */
    public static final List<String> LANGUAGES = List.of("en", "fr", "de", "es", "it", "nl", "pt");

    /** One suggested-message field: its network, the network's limit and what was typed. */
    public record MessageField(String network, int limit, String value) {
        /** The field a refusal names for this message. */
        public String errorKey() {
            return "suggestedMessages." + network;
        }
    }

    public static ContentForm blank(String language) {
        return new ContentForm("", "", "", "", LANGUAGES.contains(language) ? language : "en", "", Set.of(), Map.of(),
                "", "", "");
    }

    public static ContentForm of(ContentView content, ZoneId zone) {
        Set<String> groups = new LinkedHashSet<>();
        content.targetGroupIds().forEach(id -> groups.add(id.toString()));
        return new ContentForm(content.title(), content.url(), orEmpty(content.body()), orEmpty(content.imageUrl()),
                content.language(), String.join(", ", content.topics()), groups, content.suggestedMessages(),
                Formats.input(content.publishAt(), zone), Formats.input(content.expiresAt(), zone),
                orEmpty(content.disclosure()));
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
                Formats.parseInput("expiresAt", expiresAt, zone).orElse(null), disclosure);
    }

    /** Every field as typed; the schedule only when it changed, so that saving alone never reschedules. */
    public UpdateContent toUpdate(ContentView current, ZoneId zone) throws InvalidField {
        Optional<Instant> publish = Formats.parseInput("publishAt", publishAt, zone);
        Optional<Instant> expires = Formats.parseInput("expiresAt", expiresAt, zone);
        return new UpdateContent(title, url, Optional.of(body), Optional.of(imageUrl), language, topicList(), groups(),
                suggested(), changed(publish, current.publishAt(), zone), changed(expires, current.expiresAt(), zone),
                Optional.of(disclosure));
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

    private SuggestedMessages suggested() {
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
