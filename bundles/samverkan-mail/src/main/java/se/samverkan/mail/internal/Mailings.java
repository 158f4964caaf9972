package se.samverkan.mail.internal;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import se.samverkan.api.mail.OutgoingMail;
import se.samverkan.api.model.Activity;
import se.samverkan.api.model.Municipality;
import se.samverkan.api.model.Occurrence;
import se.samverkan.api.model.OccurrenceStatus;
import se.samverkan.api.service.MunicipalityService;
import se.samverkan.api.subscription.Subscription;
import se.samverkan.api.subscription.SubscriptionFilter;
import se.samverkan.api.util.Sha256;
import se.samverkan.mail.internal.SubscriptionStore.Purpose;

/**
 * Builds the subscribers' mails and pages from the templates, in the subscriber's language (Swedish, English or
 * Arabic, Arabic right to left). Each mail carries its own unsubscribe token, kept only as a hash: the link works
 * for as long as the subscription exists, from any mail it was in.
 */
final class Mailings {

    /** The languages subscribers can get their mails in. */
    static final Set<String> LANGUAGES = Set.of("sv", "en", "ar");
    private static final int DESCRIPTION_LENGTH = 240;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String publicUrl;
    private final Duration confirmValidity;
    private final SubscriptionStore store;
    private final Function<String, String> municipalityName;
    private final Map<String, Template> templates = new HashMap<>();
    private final Map<String, Map<String, String>> texts = new HashMap<>();

    /**
     * @param publicUrl        the API's address as subscribers reach it, e.g. {@code https://samverkan.example.se/api/v1}
     * @param municipalityName a municipality's name by its code (the code itself if unknown)
     */
    Mailings(String publicUrl, Duration confirmValidity, SubscriptionStore store,
             Function<String, String> municipalityName) {
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.confirmValidity = confirmValidity;
        this.store = store;
        this.municipalityName = municipalityName;
        for (String name : List.of("layout.html", "page.html", "confirm.html", "confirm.txt", "notice.html",
                "notice.txt", "digest.html", "digest.txt")) {
            templates.put(name, Template.load(name));
        }
        LANGUAGES.forEach(l -> texts.put(l, Template.texts(l)));
    }

    /** As configured, with municipalities named as stored. */
    static Mailings of(SubscriptionConfig config, SubscriptionStore store, MunicipalityService municipalities) {
        return new Mailings(config.publicUrl(), Duration.ofHours(config.confirmHours()), store,
                code -> municipalities.find(code).map(Municipality::name).orElse(code));
    }

    /** The key families of a subscription's mails (see {@link se.samverkan.api.mail.MailQueue#withdraw}). */
    static String[] stems(long subscription) {
        return Stream.of("confirm", "notice", "digest").map(kind -> stem(kind, subscription)).toArray(String[]::new);
    }

    /** A mail's idempotency key starts with its kind and subscription: {@code notice-12-345}, {@code digest-12-2026-W48}. */
    private static String stem(String kind, long subscription) {
        return kind + "-" + subscription;
    }

    Duration confirmValidity() {
        return confirmValidity;
    }

    /** The mail asking the address's owner to confirm; its link holds a new confirmation token. */
    OutgoingMail confirmation(Subscription s, Instant now) {
        String token = token();
        store.addToken(s.id(), Sha256.hex(token), Purpose.CONFIRM, now.plus(confirmValidity));
        Map<String, Object> model = model(s);
        model.put("confirmUrl", confirmAction(token));
        model.put("hours", confirmValidity.toHours());
        return mail(stem("confirm", s.id()), s, "confirm", model);
    }

    /**
     * One notice of the changes to one activity found together (occurrences moved or cancelled, another venue): a
     * course whose every occurrence is cancelled is one mail, not one per occurrence. Keyed by the first change.
     */
    OutgoingMail notice(Subscription s, Activity a, List<ActivityChange> changes) {
        Map<String, Object> model = model(s);
        model.put("title", title(a, s.language()));
        List<Map<String, Object>> items = new ArrayList<>();
        for (ActivityChange change : changes) {
            Map<String, Object> item = new HashMap<>();
            item.put("previous", change.previousStart() == null ? "" : when(change.previousStart(), s.language()));
            item.put("when", change.start() == null ? "" : when(change.start(), s.language()));
            item.put("previousVenue", change.previousVenueId() == null ? "" : change.previousVenueId());
            item.put("cancelled", change.kind() == ActivityChange.Kind.CANCELLED);
            item.put("moved", change.kind() == ActivityChange.Kind.MOVED && change.occurrenceId() != null);
            item.put("venue", change.kind() == ActivityChange.Kind.MOVED && change.occurrenceId() == null);
            items.add(item);
        }
        model.put("changes", items);
        return mail(stem("notice", s.id()) + "-" + changes.get(0).id(), s, "notice", model);
    }

    /** The weekly digest of {@code activities}, new since the subscription's last one. */
    OutgoingMail digest(Subscription s, String week, List<Activity> activities) {
        Map<String, Object> model = model(s);
        model.put("count", activities.size());
        model.put("weekNumber", week.substring(week.indexOf('W') + 1));
        List<Map<String, Object>> items = new ArrayList<>();
        for (Activity a : activities) {
            Map<String, Object> item = new HashMap<>();
            item.put("itemTitle", title(a, s.language()));
            item.put("municipality", municipalityName.apply(a.municipalityCode()));
            String next = nextOccurrence(a);
            item.put("hasWhen", next != null);
            item.put("when", next == null ? "" : when(OffsetDateTime.parse(next), s.language()));
            item.put("description", shorten(text(a.description(), s.language())));
            items.add(item);
        }
        model.put("items", items);
        return mail(stem("digest", s.id()) + "-" + week, s, "digest", model);
    }

    /**
     * A page for the subscriber.
     *
     * @param key    which one: {@code confirm}, {@code confirmed}, {@code unsubscribe}, {@code unsubscribed},
     *               {@code invalid}
     * @param action where the page's button ({@code confirm} or {@code unsubscribe}) posts to, or null for a page
     *               without a button
     */
    String page(String language, String key, String email, String action) {
        String lang = LANGUAGES.contains(language) ? language : "sv";
        Map<String, String> t = texts.get(lang);
        Map<String, Object> model = new HashMap<>();
        model.put("email", email == null ? "" : email);
        model.put("heading", templateText(t, "page." + key + ".heading", model));
        model.put("message", templateText(t, "page." + key + ".message", model));
        model.put("form", action != null);
        model.put("action", action == null ? "" : action);
        model.put("button", action == null ? "" : t.get(key + ".button"));
        return layout(lang, (String) model.get("heading"), templates.get("page.html").render(model, t), false, model);
    }

    /** Where a confirmation token is used: the link in the mail, and the form of the page behind it. */
    String confirmAction(String token) {
        return publicUrl + "/subscriptions/confirm?token=" + token;
    }

    /** Where a mail's unsubscribe token is used, for the form of the page behind the link. */
    String unsubscribeAction(String token) {
        return publicUrl + "/subscriptions/unsubscribe?token=" + token;
    }

    static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private OutgoingMail mail(String key, Subscription s, String kind, Map<String, Object> model) {
        String token = token();
        store.addToken(s.id(), Sha256.hex(token), Purpose.UNSUBSCRIBE, null);
        String unsubscribeUrl = unsubscribeAction(token);
        model.put("unsubscribeUrl", unsubscribeUrl);
        Map<String, String> t = texts.get(s.language());
        String subject = templateText(t, kind + ".subject", model);
        String text = templates.get(kind + ".txt").render(model, t);
        String html = layout(s.language(), subject, templates.get(kind + ".html").render(model, t), true, model);
        return new OutgoingMail(key, s.email(), subject, text, html, unsubscribeUrl, s.language());
    }

    private String layout(String language, String title, String content, boolean mail, Map<String, Object> model) {
        Map<String, Object> page = new HashMap<>(model);
        page.put("lang", language);
        page.put("dir", "ar".equals(language) ? "rtl" : "ltr");
        page.put("title", title);
        page.put("content", content);
        page.put("mail", mail);
        return templates.get("layout.html").render(page, texts.get(language));
    }

    private Map<String, Object> model(Subscription s) {
        Map<String, Object> model = new HashMap<>();
        model.put("email", s.email());
        model.put("filterText", describe(s.filter(), texts.get(s.language())));
        return model;
    }

    private String describe(SubscriptionFilter f, Map<String, String> t) {
        List<String> parts = new ArrayList<>();
        add(parts, t, "filter.municipalities", f.municipalityCodes().stream().map(municipalityName).sorted().toList());
        add(parts, t, "filter.languages", f.languages().stream().sorted().toList());
        add(parts, t, "filter.categories", f.categories().stream()
                .map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', ' ')).sorted().toList());
        return parts.isEmpty() ? t.get("filter.any") : String.join("; ", parts);
    }

    private static void add(List<String> parts, Map<String, String> t, String key, Collection<String> values) {
        if (!values.isEmpty()) {
            parts.add(templateText(t, key, Map.of("values", String.join(", ", values))));
        }
    }

    private static String templateText(Map<String, String> t, String key, Map<String, ?> model) {
        return Template.inline(t.get(key)).render(model, t);
    }

    /** The title in the subscriber's language where the activity has one, else the Swedish one. */
    static String title(Activity a, String language) {
        return text(a.title(), language);
    }

    private static String text(Map<String, String> texts, String language) {
        if (texts == null) {
            return "";
        }
        String t = texts.get(language);
        return t == null || t.isBlank() ? texts.getOrDefault("sv", "") : t;
    }

    private static String nextOccurrence(Activity a) {
        OffsetDateTime now = OffsetDateTime.now();
        return a.occurrences() == null ? null : a.occurrences().stream()
                .filter(o -> o.status() != OccurrenceStatus.CANCELLED && o.start().isAfter(now))
                .map(Occurrence::start).min(OffsetDateTime::compareTo).map(OffsetDateTime::toString).orElse(null);
    }

    private static String when(OffsetDateTime time, String language) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(Locale.forLanguageTag(language)).format(time.atZoneSameInstant(Activity.ZONE));
    }

    private static String shorten(String text) {
        String t = text.strip().replaceAll("\\s+", " ");
        return t.length() <= DESCRIPTION_LENGTH ? t : t.substring(0, DESCRIPTION_LENGTH - 1) + "…";
    }
}
