package se.samverkan.api.registry;

import java.time.Instant;

/**
 * A configured registry as an administrator follows it.
 *
 * @param id          e.g. {@code municipalities}, {@code kolada}, or an organisation register's own id
 * @param kind        MUNICIPALITIES, ORGANISATIONS or KPIS
 * @param source      where it is read from (URL, folder, or the shipped list)
 * @param schedule    when it runs by itself, e.g. "every 24 h" or "on demand only"
 * @param lastRun     the latest run, or null if it never ran
 * @param lastSuccess when it last ran successfully, or null
 */
public record RegistryStatus(String id, String kind, String source, String schedule, RegistryRun lastRun,
                             Instant lastSuccess) {
}
