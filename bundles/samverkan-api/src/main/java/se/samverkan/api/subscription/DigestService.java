package se.samverkan.api.subscription;

import se.samverkan.api.security.Caller;

/** The weekly digest of new activities, run by its schedule or on demand. */
public interface DigestService {

    /** What one run did. */
    record DigestRun(String week, int subscriptions, int queued, int withoutNews) {
    }

    /**
     * Queues this week's digest now, as its schedule would, for every confirmed subscription with new activities since
     * its last one: an administrator's to ask for, and audited under the caller's name.
     *
     * @throws se.samverkan.api.service.AccessDeniedException if the caller is not an administrator
     */
    DigestRun sendNow(Caller caller);
}
