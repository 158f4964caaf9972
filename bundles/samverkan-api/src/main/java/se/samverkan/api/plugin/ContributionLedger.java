package se.samverkan.api.plugin;

import java.util.Map;

/**
 * What each plugin last applied, record by record, so that a newer version of a plugin updates its records in
 * place without overwriting edits made through the API, and so that an uninstalled plugin's records can be kept
 * but made inactive. Records are named by kind (as {@code EntityService.kind()}) and id.
 */
public interface ContributionLedger {

    /**
     * What the plugin applied to one record.
     *
     * @param contributed fingerprint of the record as the plugin contributed it
     * @param stored      fingerprint of the record as stored right after the plugin wrote (or accepted) it;
     *                    a stored record with another fingerprint has been edited since
     * @param owner       the plugin created the record; a plugin that found it already there (made through the
     *                    API or by another plugin) may not change it silently, and its going does not make the
     *                    record inactive
     */
    record Applied(String contributed, String stored, boolean owner) {
    }

    /** kind → id → what this plugin last applied. */
    Map<String, Map<String, Applied>> applied(String plugin);

    void record(String plugin, String kind, String id, Applied applied);

    /**
     * The plugin's record was rewritten by another writer that had seen it unedited (e.g. a second plugin adding
     * its municipalities to a shared organisation): every plugin whose stored fingerprint was {@code before}
     * takes {@code after}, so that the change does not look like an API edit to them.
     */
    void restamp(String kind, String id, String before, String after);

    /**
     * Marks all the plugin's records active or inactive. A record a plugin created is inactive while every plugin
     * that contributes it is inactive: it is then hidden from lists and search and refused for writes, but kept.
     */
    void setActive(String plugin, boolean active);

    /** True if the record was contributed only by plugins that are now inactive. */
    boolean inactive(String kind, String id);
}
