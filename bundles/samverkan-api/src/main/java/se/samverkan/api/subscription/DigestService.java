package se.samverkan.api.subscription;

/** The weekly digest of new activities, run by its schedule or on demand. */
public interface DigestService {

    /** What one run did. */
    record DigestRun(String week, int subscriptions, int queued, int withoutNews) {
    }

    /** Queues this week's digest for every confirmed subscription with new activities since its last one. */
    DigestRun sendNow();
}
