package io.chorus.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a member is shown of an item: the variant of their language, else the item's own texts; and on each network one
 * of its suggested messages, in rotation. The network's messages are the primary one ({@code suggestedMessages}) then
 * its alternatives; a member is offered message {@code (seat + salt) mod n}, where the seat is the member's number
 * (consecutive members, different messages) and the salt the item's (so that the same member is not always offered the
 * first). The same member is offered the same message of the same item every time, with no write on any read.
 */
public final class Voices {

    private Voices() {
    }

    /** A translation of an item: its title, body and suggested messages in one language. */
    public record Variant(String title, String body, Map<String, String> suggestedMessages,
            Map<String, List<String>> alternativeMessages) {

        public Variant {
            suggestedMessages = suggestedMessages == null ? Map.of() : suggestedMessages;
            alternativeMessages = alternativeMessages == null ? Map.of() : alternativeMessages;
        }
    }

    /** The message offered on a network and which of its suggested messages it is; null: none, the title is. */
    public record Offer(String text, Integer index) {
    }

    /** What a member is shown of an item, with the message each network offers them. */
    public record Shown(String language, String title, String body, Map<String, Offer> offers) {

        /** The offered message of the network, else the title (an item with no message for it). */
        public Offer offer(Network network) {
            return offers.getOrDefault(network.id(), new Offer(title, null));
        }

        /** The offered messages, by network in the networks' order: the feed's {@code suggestedMessages}. */
        public Map<String, String> messages() {
            Map<String, String> messages = new LinkedHashMap<>();
            offers.forEach((network, offer) -> messages.put(network, offer.text()));
            return messages;
        }
    }

    /** The texts of an item in its own language, with its variants. */
    public record Texts(UUID contentId, String language, String title, String body, Map<String, String> suggested,
            Map<String, List<String>> alternatives, Map<String, Variant> variants) {

        /** Whether members may be shown anything but the item's own texts and primary messages. */
        public boolean voiced() {
            return !variants.isEmpty() || alternatives.values().stream().anyMatch(list -> !list.isEmpty());
        }

        public Shown shownTo(String memberLanguage, long seat) {
            Variant variant = memberLanguage == null || memberLanguage.equals(language) ? null
                    : variants.get(memberLanguage);
            if (variant == null) {
                return new Shown(language, title, body, offers(suggested, alternatives, seat));
            }
            return new Shown(memberLanguage, variant.title(), variant.body(),
                    offers(variant.suggestedMessages(), variant.alternativeMessages(), seat));
        }

        private Map<String, Offer> offers(Map<String, String> primary, Map<String, List<String>> more, long seat) {
            Map<String, Offer> offers = new LinkedHashMap<>();
            long salt = contentId.getLeastSignificantBits() & 0xffff;
            primary.forEach((network, message) -> {
                List<String> all = messages(message, more.get(network));
                int index = (int) Math.floorMod(seat + salt, (long) all.size());
                offers.put(network, new Offer(all.get(index), index));
            });
            return offers;
        }
    }

    /** A network's suggested messages in order: the primary one, then its alternatives. */
    public static List<String> messages(String primary, List<String> alternatives) {
        List<String> all = new ArrayList<>();
        all.add(primary);
        if (alternatives != null) {
            all.addAll(alternatives);
        }
        return all;
    }
}
