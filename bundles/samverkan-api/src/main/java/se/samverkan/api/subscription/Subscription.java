package se.samverkan.api.subscription;

import java.time.Instant;

/**
 * Someone's consent to mail about new and changed activities (prenumeration). Nothing is mailed to it but its
 * confirmation request until it is {@link State#CONFIRMED}; consent is recorded with when and from where it was
 * asked for, given and withdrawn.
 *
 * @param language       the language of its mails: sv, en or ar
 * @param requestedFrom  where the request came from, e.g. {@code rest 192.0.2.7}
 * @param confirmedFrom  where the confirmation link was followed from, else null
 * @param lastDigestAt   until when new activities were in its last weekly digest, else null
 */
public record Subscription(long id, String email, String language, SubscriptionFilter filter, State state,
                           Instant requestedAt, String requestedFrom, Instant confirmedAt, String confirmedFrom,
                           Instant unsubscribedAt, String unsubscribedFrom, Instant lastDigestAt) {

    public enum State {
        /** Asked for; waiting for the address's owner to follow the confirmation link. */
        PENDING,
        /** Consent given: digests and notices are sent. */
        CONFIRMED,
        /** Consent withdrawn (or never given before the link expired); nothing is sent. */
        UNSUBSCRIBED
    }

    /** The address for lists and logs: {@code a***@example.se}. */
    public String maskedEmail() {
        int at = email.indexOf('@');
        return at <= 0 ? "***" : email.charAt(0) + "***" + email.substring(at);
    }
}
