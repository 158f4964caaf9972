package se.samverkan.feeds.internal;

import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import se.samverkan.api.model.ActivityCategory;
import se.samverkan.api.model.FocusArea;
import se.samverkan.calendar.FeedMapping;

/**
 * One feed's factory configuration, {@code etc/se.samverkan.feeds.feed-NAME.cfg} (or, as before release 0.2,
 * {@code etc/se.samverkan.calendar.feed-NAME.cfg}):
 * <pre>
 * id              = sv-orebro-kurser                 (stable; the stored activities' ids derive from it)
 * url             = https://…/kurser.ics             (or: folder = ${karaf.data}/samverkan/feeds/sv-orebro)
 * pollSeconds     = 900
 * startDelaySeconds = 10                             (the first read, after the platform's plugins are in)
 * organisation    = sv-orebro-lan
 * municipality    = 1882
 * venue           = sv-askersund                      (optional)
 * languages       = sv, ar
 * textLanguage    = sv                                (of SUMMARY/DESCRIPTION without a LANGUAGE parameter)
 * category.Språk  = SWEDISH_LANGUAGE_PRACTICE         (one key per feed CATEGORIES value)
 * defaultCategory = OTHER
 * focusArea       = SOCIAL
 * horizonDays     = 180                               (how far ahead recurrences are expanded)
 * maxBytes        = 5000000                           (a larger feed is refused)
 * readTimeoutSeconds = 120                           (the whole read of a URL, body included, or it fails)
 * retries         = 5, retryDelaySeconds = 10         (doubling after each failed attempt)
 * </pre>
 */
record FeedSettings(String id, URI url, Path folder, long pollSeconds, long startDelaySeconds, long maxBytes,
                    long readTimeoutSeconds, int retries, long retryDelaySeconds, FeedMapping mapping) {

    private static final String CATEGORY = "category.";

    static FeedSettings of(Map<String, ?> properties) {
        Map<String, String> config = new TreeMap<>();
        properties.forEach((key, value) -> config.put(key, String.valueOf(value).strip()));
        String id = require(config, "id");
        if (!id.matches("[a-z0-9][a-z0-9-]{0,39}")) {
            throw new IllegalArgumentException("id '" + id + "' must be lower-case letters, digits and hyphens, at most 40");
        }
        String url = config.get("url");
        String folder = config.get("folder");
        if ((url == null) == (folder == null)) {
            throw new IllegalArgumentException("feed " + id + " needs exactly one of url and folder");
        }
        URI uri = url == null ? null : URI.create(url);
        if (uri != null && !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new IllegalArgumentException("feed " + id + ": url must be http or https, not " + url);
        }
        Map<String, ActivityCategory> categories = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        config.forEach((key, value) -> {
            if (key.startsWith(CATEGORY)) {
                categories.put(key.substring(CATEGORY.length()), category(value));
            }
        });
        FeedMapping mapping = new FeedMapping(id, require(config, "organisation"), require(config, "municipality"),
                config.get("venue"), set(config.getOrDefault("languages", "sv")),
                config.getOrDefault("textLanguage", "sv"), categories,
                category(config.getOrDefault("defaultCategory", "OTHER")),
                FocusArea.valueOf(config.getOrDefault("focusArea", "SOCIAL").toUpperCase(Locale.ROOT)),
                Integer.parseInt(config.getOrDefault("horizonDays", "180")));
        return new FeedSettings(id, uri, folder == null ? null : Path.of(folder),
                Long.parseLong(config.getOrDefault("pollSeconds", "900")),
                Long.parseLong(config.getOrDefault("startDelaySeconds", "10")),
                Long.parseLong(config.getOrDefault("maxBytes", "5000000")),
                positive(config, "readTimeoutSeconds", "120"),
                Integer.parseInt(config.getOrDefault("retries", "5")),
                Long.parseLong(config.getOrDefault("retryDelaySeconds", "10")), mapping);
    }

    /** Where the feed is read from, for the console. */
    String source() {
        return url != null ? url.toString() : folder.toString();
    }

    private static String require(Map<String, String> config, String key) {
        String value = config.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a calendar feed needs '" + key + "'");
        }
        return value;
    }

    private static long positive(Map<String, String> config, String key, String otherwise) {
        long value = Long.parseLong(config.getOrDefault(key, otherwise));
        if (value < 1) {
            throw new IllegalArgumentException(key + " must be at least 1, not " + value);
        }
        return value;
    }

    private static ActivityCategory category(String value) {
        try {
            return ActivityCategory.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + value + "' is none of " + Arrays.toString(ActivityCategory.values()), e);
        }
    }

    private static Set<String> set(String list) {
        Set<String> values = new LinkedHashSet<>();
        for (String v : list.split(",")) {
            if (!v.isBlank()) {
                values.add(v.strip());
            }
        }
        return values;
    }
}
