package io.chorus.mail;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

import io.chorus.common.Pages;
import io.chorus.mail.OutgoingMail.Rendered;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Renders mails from Qute templates, HTML and plain text, in the member's language: the invitation, and the letters —
 * digests, broadcasts and campaign announcements, which are lists of items with one-click share buttons. The HTML is
 * what mail clients render well: tables, inline styles, no script, images with alt text.
 */
public final class Letters {

    /** A letter's item: the post, its suggested message and one signed one-click share link per network. */
    public record Item(String title, String url, String imageUrl, String message, List<Button> buttons) {
    }

    /** A one-click share button: its network, its words in the member's language, its signed link. */
    public record Button(String network, String label, String url) {
    }

    /**
     * An item as a letter shows it, HTML and text. Made once per item, language and message with a mark where each
     * network's share link goes ({@link #mark}), and then, for each member, with their links ({@link #withLinks}): the
     * items were most of what making a digest cost, and a digest's members mostly see the same ones.
     */
    public record Block(String title, String html, String text) {

        /** Where the share link of the {@code n}th network goes (NUL is in no text PostgreSQL holds). */
        static String mark(int n) {
            return "\u0000" + (char) ('0' + n) + "\u0000";
        }

        public Block withLinks(List<String> links) {
            return new Block(title, fill(html, links), fill(text, links));
        }

        private static String fill(String made, List<String> links) {
            StringBuilder out = new StringBuilder(made.length() + 2 * links.size() * 128);
            int from = 0;
            for (int at = made.indexOf('\u0000'); at >= 0; at = made.indexOf('\u0000', from)) {
                out.append(made, from, at).append(links.get(made.charAt(at + 1) - '0'));
                from = at + 3;
            }
            return out.append(made, from, made.length()).toString();
        }
    }

    /** The member's points and rank this month. */
    public record Standing(long points, long rank) {
    }

    /** A campaign ending soon, with its end date in the member's language. */
    public record Ending(String name, String endsOn) {
    }

    /**
     * A letter: {@code kind} is digest, broadcast or campaign_start; {@code reason} says why the member gets it (their
     * digest frequency, or "programme").
     */
    public record Letter(String kind, String organization, String name, String note, String campaign,
            String campaignEndsOn, List<Block> items, Standing standing, List<Ending> ending, String reason,
            String unsubscribeUrl) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance invitation(boolean reminder, String organization, String name, String email,
                String acceptUrl, String validUntil);

        static native TemplateInstance invitation_text(boolean reminder, String organization, String name, String email,
                String acceptUrl, String validUntil);

        static native TemplateInstance letter(Letter letter);

        static native TemplateInstance letter_text(Letter letter);

        static native TemplateInstance item(Item item);

        static native TemplateInstance item_text(Item item);

        static native TemplateInstance webhook_disabled(String organization, String name, String url, String reason,
                String webhookId, String page);

        static native TemplateInstance webhook_disabled_text(String organization, String name, String url,
                String reason, String webhookId, String page);

        static native TemplateInstance subject(String kind, int count, String organization, String title);
    }

    private Letters() {
    }

    public static Locale locale(String language) {
        return Pages.localeOf(language);
    }

    /** A date as the member reads it ("17 May 2028", "17 mai 2028") in the organization's zone. */
    public static String date(Instant instant, ZoneId zone, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(instant.atZone(zone));
    }

    /** The invitation (or a reminder); the accept link is the outbox's sealed secret. */
    public static Rendered invitation(boolean reminder, String organization, String name, String email,
            String validUntil, Locale locale) {
        String subject = render(Templates.subject(reminder ? "reminder" : "invitation", 0, organization, ""), locale);
        return new Rendered(subject,
                render(Templates.invitation_text(reminder, organization, name, email, Outbox.SECRET, validUntil),
                        locale),
                html(Templates.invitation(reminder, organization, name, email, Outbox.SECRET, validUntil), locale));
    }

    /** The notice to an admin that the service turned one of the organization's webhook endpoints off. */
    public static Rendered webhookDisabled(String organization, String name, String url, String reason,
            String webhookId, String page, Locale locale) {
        String subject = render(Templates.subject(MailKind.WEBHOOK_DISABLED.id(), 0, organization, ""), locale);
        return new Rendered(subject,
                render(Templates.webhook_disabled_text(organization, name, url, reason, webhookId, page), locale),
                html(Templates.webhook_disabled(organization, name, url, reason, webhookId, page), locale));
    }

    /** An item's block, its buttons' links being {@link Block#mark}s. */
    public static Block block(Item item, Locale locale) {
        return new Block(item.title(), Templates.item(item).setLocale(locale).render(),
                Templates.item_text(item).setLocale(locale).render());
    }

    public static Rendered letter(Letter letter, Locale locale) {
        String title = letter.items().isEmpty() ? "" : letter.items().get(0).title();
        String subject = render(Templates.subject(letter.kind(), letter.items().size(), letter.organization(),
                letter.campaign() != null ? letter.campaign() : title), locale);
        return new Rendered(subject, render(Templates.letter_text(letter), locale),
                html(Templates.letter(letter), locale));
    }

    private static String render(TemplateInstance template, Locale locale) {
        return template.setLocale(locale).render().strip();
    }

    private static String html(TemplateInstance template, Locale locale) {
        return sevenBit(render(template, locale));
    }

    /** The longest line of an HTML body; SMTP allows 998, and the outbox's secret is put in later. */
    static final int LINE = 900;

    /**
     * The HTML in lines of 7-bit characters, at most {@value #LINE} long: each character beyond ASCII as a numeric
     * character reference, line breaks as spaces (the same white space to HTML; the letters have no preformatted text),
     * a line broken at its last space when it grows too long. Such a body goes out as it is ("7bit"); any other is
     * quoted-printable encoded by the mail client, every "=" of every attribute, on the event loop: in a digest of
     * 10,000 mails that was most of what sending cost, and it took that time from the redirects.
     */
    static String sevenBit(String html) {
        StringBuilder out = new StringBuilder(html.length() + html.length() / 16);
        int lineStart = 0;
        int lastSpace = -1;
        int length = html.length();
        for (int i = 0; i < length;) {
            char first = html.charAt(i);
            if (first > ' ' && first < 0x80) {
                // Most of a letter: a run of visible ASCII, copied whole (no space in it to break at).
                int end = i + 1;
                while (end < length && html.charAt(end) > ' ' && html.charAt(end) < 0x80) {
                    end++;
                }
                out.append(html, i, end);
                i = end;
            } else {
                int c = html.codePointAt(i);
                i += Character.charCount(c);
                if (c == '\r') {
                    continue;
                }
                if (c == '\n' || c == '\t') {
                    c = ' ';
                }
                if (c == ' ') {
                    lastSpace = out.length();
                }
                if (c < 0x80) {
                    out.append((char) c);
                } else {
                    out.append("&#").append(c).append(';');
                }
            }
            if (out.length() - lineStart > LINE && lastSpace > lineStart) {
                out.setCharAt(lastSpace, '\n');
                lineStart = lastSpace + 1;
            }
        }
        return out.toString();
    }
}
