package se.samverkan.mail.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;

import javax.mail.Message;
import javax.mail.MessagingException;
import javax.mail.Session;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeBodyPart;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;

import se.samverkan.api.mail.OutgoingMail;

/**
 * Builds the MIME message of an {@link OutgoingMail}: multipart/alternative with a text/plain and a text/html
 * part, both UTF-8; Message-ID {@code <idempotencyKey@samverkan>}; Content-Language; List-Unsubscribe and
 * List-Unsubscribe-Post (RFC 8058 one-click) when the mail has an unsubscribe URL.
 * <p>
 * The message is built once and handed on as its finished bytes (a {@link Prepared} message), so that nothing
 * downstream rewrites it: not the Message-ID (which JavaMail would otherwise replace with a random one on
 * {@code saveChanges()}), and no content handler lookup is needed at send time, which in OSGi depends on the
 * thread's context class loader.
 */
final class MailMessages {

    private static final String UTF_8 = StandardCharsets.UTF_8.name();
    private static final Session SESSION = Session.getInstance(new Properties());

    private MailMessages() {
    }

    /** A message parsed from its finished bytes, sent exactly as it is. */
    static final class Prepared extends MimeMessage {
        Prepared(InputStream in) throws MessagingException {
            super(SESSION, in);
        }

        @Override
        protected void updateHeaders() {
            // Finished already: keep every header, the Message-ID above all.
        }
    }

    static Prepared build(OutgoingMail mail, String from) throws MessagingException {
        return JavaMail.withContentHandlers(() -> write(mail, from));
    }

    private static Prepared write(OutgoingMail mail, String from) throws MessagingException {
        try {
            MimeMessage message = new MimeMessage(SESSION) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", mail.messageId());
                }
            };
            message.setFrom(new InternetAddress(from, true));
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(mail.to(), true));
            message.setSubject(mail.subject(), UTF_8);
            message.setSentDate(new Date());
            MimeBodyPart text = new MimeBodyPart();
            text.setText(mail.text(), UTF_8, "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(mail.html(), UTF_8, "html");
            MimeMultipart alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(text);
            alternative.addBodyPart(html);
            message.setContent(alternative);
            if (mail.language() != null && !mail.language().isBlank()) {
                message.setHeader("Content-Language", mail.language().strip());
            }
            if (mail.unsubscribeUrl() != null && !mail.unsubscribeUrl().isBlank()) {
                message.setHeader("List-Unsubscribe", "<" + mail.unsubscribeUrl().strip() + ">");
                message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
            message.saveChanges();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            message.writeTo(bytes);
            return new Prepared(new ByteArrayInputStream(bytes.toByteArray()));
        } catch (IOException e) {
            throw new MessagingException("cannot write the message " + mail.idempotencyKey(), e);
        }
    }
}
