package io.chorus.app;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestQuery;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.chorus.common.paging.PageRequest;
import io.chorus.common.problem.ProblemException;
import io.chorus.content.ContentViews.Feed;
import io.chorus.content.ContentViews.FeedItem;
import io.chorus.content.FeedService;
import io.chorus.content.Network;
import io.chorus.identity.Role;
import io.chorus.web.Formats;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * The app's home: the member's feed, exactly what {@code GET /api/v1/feed} answers, newest first, 20 at a time, with
 * one share button per network on each item; filtered by topic and language. "Load more" is a link to the next page,
 * which the page's script fetches in place ({@value #FRAGMENT} header: just the items).
 */
@Path(AppPaths.ROOT)
@RolesAllowed({ Role.AMBASSADOR_ID, Role.ADMIN_ID })
@Produces(MediaType.TEXT_HTML)
public class FeedPage {

    static final String FRAGMENT = "X-Chorus-Fragment";
    static final int PAGE = 20;

    /** What the filter offers and what it holds. */
    public record Filter(String topic, String language, List<String> topics, List<String> languages) {

        public boolean active() {
            return topic != null || language != null;
        }

        /** The query that keeps the filter on the next page. */
        public String query() {
            return (topic == null ? "" : "&topic=" + URLEncoder.encode(topic, StandardCharsets.UTF_8))
                    + (language == null ? "" : "&language=" + URLEncoder.encode(language, StandardCharsets.UTF_8));
        }
    }

    /** A share button's network: its id and its name in the page's language, worked out once per page. */
    public record Choice(String id, String label) {

        static List<Choice> of(List<Network> networks, Locale locale) {
            return networks.stream().map(n -> new Choice(n.id(), FeedPage.label(n, locale))).toList();
        }
    }

    /**
     * The share form's texts in the page's language, and its buttons (the same for every item: one per network, named
     * by it), rendered once per page rather than once per item: a page of 20 items had 120 buttons to evaluate.
     */
    public record Words(String ownWords, String yourMessage, String hint, String shareOn, String buttons) {

        static Words of(List<Choice> networks, Locale locale) {
            AppMessages messages = MessageBundles.get(AppMessages.class, Localized.Literal.of(locale.toLanguageTag()));
            StringBuilder buttons = new StringBuilder();
            for (Choice network : networks) {
                // Ids and names of networks: letters only, nothing to escape.
                buttons.append("<button type=\"submit\" name=\"network\" value=\"").append(network.id())
                        .append("\" class=\"network network-").append(network.id()).append("\">")
                        .append(network.label()).append("</button>");
            }
            return new Words(messages.own_words(), messages.your_message(), messages.own_words_hint(),
                    messages.share_on(), buttons.toString());
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance show(AppSession session, Filter filter, Feed feed, List<String> rendered,
                String filterForm);

        static native TemplateInstance filter(Filter filter, Locale locale);

        static native TemplateInstance items(AppSession session, Filter filter, Feed feed, List<String> rendered);

        static native TemplateInstance item(FeedItem item, List<Choice> networks, Words words, String csrf);
    }

    /**
     * An item as rendered for a language, a time zone and the networks allowed. The key is the item's row version (the
     * content row's {@code xmin}, which every change of the row changes: see {@code FeedItems}) and whether the member
     * shared it, so a rendering is never served for anything that changed. It was the item record itself: hashing and
     * comparing every field of 20 items cost more than rendering the rest of the page.
     */
    private record Rendering(UUID id, long version, String voice, boolean sharedByMe, Locale locale, ZoneId zone,
            List<Network> networks) {
    }

    /**
     * The filter's form as rendered for what it offers and holds, in a language: its 50 topics' options were most of
     * what rendering the page cost once its items were kept. Members of the same groups share the same offers.
     */
    private record FilterForm(Filter filter, Locale locale) {
    }

    private final Cache<FilterForm, String> filterForms = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterAccess(Duration.ofMinutes(10)).build();

    /** Where the member's CSRF token goes in a rendering kept for everyone. */
    private static final String CSRF_MARK = "\u0000csrf\u0000";
    /**
     * Items rendered, kept: rendering 20 items with their share forms took longer than everything else the page does
     * together (2 ms of 4, measured on the feed benchmark), and most members see the same items.
     */
    private final Cache<Rendering, String> renderings = Caffeine.newBuilder().maximumWeight(32L << 20)
            .<Rendering, String> weigher((key, html) -> 2 * html.length() + 512).build();

    private final AppPages pages;
    private final FeedService feeds;
    private final FeedFilters filters;

    @Inject
    public FeedPage(AppPages pages, FeedService feeds, FeedFilters filters) {
        this.pages = pages;
        this.feeds = feeds;
        this.filters = filters;
    }

    /** Without a transaction: every read of the page is one plain statement (the session, the page's items). */
    @GET
    public Response show(@RestQuery String topic, @RestQuery String language, @RestQuery String cursor,
            @HeaderParam(FRAGMENT) String fragment) {
        AppSession session = pages.session();
        Optional<String> topicAsked = chosen(topic);
        Optional<String> languageAsked = chosen(language);
        FeedService.Items page;
        try {
            page = feeds.items(session.memberId(), topicAsked, languageAsked,
                    PageRequest.of(String.valueOf(PAGE), cursor, 2));
        } catch (ProblemException e) {
            // A cursor that is not one of ours: the first page.
            return Response.seeOther(URI.create(AppPaths.ROOT)).build();
        }
        Feed feed = page.feed();
        List<String> rendered = rendered(page, session);
        if ("items".equals(fragment)) {
            Filter filter = new Filter(topicAsked.orElse(null), languageAsked.orElse(null), List.of(), List.of());
            return pages.page(Templates.items(session, filter, feed, rendered));
        }
        return pages.gated(() -> {
            FeedService.Choices options = filters.of(session.memberId());
            Filter filter = new Filter(topicAsked.orElse(null), languageAsked.orElse(null), options.topics(),
                    options.languages());
            String form = filterForms.get(new FilterForm(filter, session.locale()),
                    key -> Templates.filter(key.filter(), key.locale()).setLocale(key.locale()).render());
            return Templates.show(session, filter, feed, rendered, form);
        });
    }

    /** Each item's HTML, from those kept or rendered now, with this member's CSRF token. */
    private List<String> rendered(FeedService.Items page, AppSession session) {
        List<Network> allowed = session.networks();
        List<Choice> networks = null;
        Words words = null;
        List<String> items = new ArrayList<>(page.feed().items().size());
        for (FeedItem item : page.feed().items()) {
            Rendering key = new Rendering(item.id(), page.versions().get(item.id()), page.voices().get(item.id()),
                    item.sharedByMe(), session.locale(), session.zone(), allowed);
            String html = renderings.getIfPresent(key);
            if (html == null) {
                if (networks == null) {
                    networks = Choice.of(allowed, session.locale());
                    words = Words.of(networks, session.locale());
                }
                html = Templates.item(item, networks, words, CSRF_MARK).setLocale(session.locale())
                        .setAttribute(Formats.ZONE, session.zone()).render();
                renderings.put(key, html);
            }
            items.add(html.replace(CSRF_MARK, session.csrf()));
        }
        return items;
    }

    private static Optional<String> chosen(String value) {
        return value == null || value.isBlank() || value.length() > 50 ? Optional.empty() : Optional.of(value.strip());
    }

    /** A network's name as the page shows it. */
    @TemplateExtension
    static String label(Network network, Locale locale) {
        return switch (network) {
            case LINKEDIN -> "LinkedIn";
            case X -> "X";
            case FACEBOOK -> "Facebook";
            case XING -> "XING";
            case WHATSAPP -> "WhatsApp";
            case EMAIL -> Locale.FRENCH.getLanguage().equals(locale.getLanguage()) ? "E-mail" : "Email";
        };
    }

    /** A content language's name in the page's language ("fr" is "French", or "français"). */
    @TemplateExtension
    static String languageName(String tag, Locale locale) {
        String name = Locale.forLanguageTag(tag).getDisplayName(locale);
        return name.isEmpty() ? tag : name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }

    /** What the item's page shows of its link: the site it leads to. */
    @TemplateExtension
    static String host(FeedItem item) {
        try {
            String host = URI.create(item.url()).getHost();
            return host == null ? item.url() : host.startsWith("www.") ? host.substring(4) : host;
        } catch (IllegalArgumentException e) {
            return item.url();
        }
    }

}
