package se.samverkan.api.quarantine;

/**
 * Takes quarantined items of its sources again, after a fix (of a mapping, a configuration, the data). Each
 * import that quarantines registers one as an OSGi service; the console and REST find it by the item's source.
 */
public interface Replayer {

    /** True for the sources this replayer owns, e.g. every {@code feed:…}. */
    boolean accepts(String source);

    /**
     * Tries the item again.
     *
     * @return null if it was taken now; otherwise why it still cannot be (the item stays waiting)
     */
    String replay(Quarantined item);
}
