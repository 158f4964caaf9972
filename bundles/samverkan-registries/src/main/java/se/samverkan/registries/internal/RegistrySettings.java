package se.samverkan.registries.internal;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import se.samverkan.routes.ImportJob;

/**
 * What every registry's configuration has besides its own keys:
 * <pre>
 * id                = ideella-foreningar   (for organisation registers; fixed for the others)
 * url               = https://…            (or, for organisation registers: folder = ${karaf.etc}/…)
 * pollSeconds       = 86400                (0: on demand only)
 * startDelaySeconds = 30                   (the first run, after the platform is up)
 * retries           = 5, retryDelaySeconds = 30   (doubling after each failed attempt)
 * timeoutSeconds    = 60                   (per HTTP request)
 * maxBytes          = 100000000            (a larger source is refused)
 * </pre>
 */
record RegistrySettings(String id, URI url, Path folder, long pollSeconds, long startDelaySeconds, int retries,
                        long retryDelaySeconds, long timeoutSeconds, long maxBytes, Map<String, String> all) {

    static RegistrySettings of(String fixedId, Map<String, ?> properties, long defaultPollSeconds) {
        Map<String, String> config = new TreeMap<>();
        properties.forEach((key, value) -> {
            String text = String.valueOf(value).strip();
            if (!text.isEmpty()) {
                config.put(key, text);
            }
        });
        String id = fixedId != null ? fixedId : config.get("id");
        if (id == null || !id.matches("[a-z0-9][a-z0-9-]{0,39}")) {
            throw new IllegalArgumentException("registry id '" + id + "' must be lower-case letters, digits and hyphens, "
                    + "at most 40");
        }
        URI url = config.containsKey("url") ? URI.create(config.get("url")) : null;
        if (url != null && !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
            throw new IllegalArgumentException("registry " + id + ": url must be http or https, not " + url);
        }
        Path folder = config.containsKey("folder") ? Path.of(config.get("folder")) : null;
        return new RegistrySettings(id, url, folder, number(config, "pollSeconds", defaultPollSeconds),
                number(config, "startDelaySeconds", 30), (int) number(config, "retries", 5),
                number(config, "retryDelaySeconds", 30), number(config, "timeoutSeconds", 60),
                number(config, "maxBytes", 100_000_000), Map.copyOf(config));
    }

    String get(String key, String fallback) {
        return all.getOrDefault(key, fallback);
    }

    /** For the console, e.g. "every 24 h" or "on demand only". */
    String schedule() {
        return ImportJob.every(pollSeconds);
    }

    private static long number(Map<String, String> config, String key, long fallback) {
        String value = config.get(key);
        try {
            return value == null ? fallback : Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, not '" + value + "'", e);
        }
    }
}
