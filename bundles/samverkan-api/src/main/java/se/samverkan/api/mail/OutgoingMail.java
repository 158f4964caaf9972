package se.samverkan.api.mail;

import java.util.regex.Pattern;

/**
 * One message to send, as a caller hands it to the {@link MailQueue}.
 *
 * @param idempotencyKey the caller's stable key of this message (e.g. {@code digest-2026-11-24-user42}): the same
 *                       key queued twice is one message, and it becomes the Message-ID
 *                       {@code <idempotencyKey@samverkan>}, so a receiver can drop a duplicate delivery. Letters,
 *                       digits and {@code . _ + = -}, at most 200, starting with a letter or digit.
 * @param to             the recipient's address
 * @param text           the plain-text part
 * @param html           the HTML part (carrying {@code dir="rtl"} itself where the language needs it)
 * @param unsubscribeUrl where the recipient unsubscribes (List-Unsubscribe), or null
 * @param language       the content's language tag (Content-Language), e.g. {@code sv}, or null
 */
public record OutgoingMail(String idempotencyKey, String to, String subject, String text, String html,
                           String unsubscribeUrl, String language) {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+=-]{0,199}");

    public OutgoingMail {
        if (idempotencyKey == null || !KEY.matcher(idempotencyKey).matches() || idempotencyKey.contains("..")
                || idempotencyKey.endsWith(".")) {
            throw new IllegalArgumentException("idempotency key '" + idempotencyKey
                    + "' must be letters, digits and . _ + = - (at most 200, no '..')");
        }
        if (to == null || to.isBlank() || !to.contains("@")) {
            throw new IllegalArgumentException("'" + to + "' is no e-mail address");
        }
        if (subject == null || text == null || html == null) {
            throw new IllegalArgumentException("a message needs a subject, a text part and an HTML part");
        }
    }

    /** The Message-ID header value this message is sent with. */
    public String messageId() {
        return "<" + idempotencyKey + "@samverkan>";
    }
}
