package se.samverkan.itests;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import javax.activation.DataHandler;
import javax.mail.Flags;
import javax.mail.Message;
import javax.mail.Session;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeBodyPart;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;
import javax.mail.util.ByteArrayDataSource;

import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A real mail server on a loopback port (GreenMail): SMTP that takes whatever the platform sends, or IMAP with
 * mailboxes the platform reads. Inside the Pax Exam container (the base installs GreenMail's bundle) and beside a
 * {@link KarafProcess} alike.
 */
final class MailServer implements AutoCloseable {

    private final GreenMail greenMail;

    private MailServer(int port, String protocol) {
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", protocol));
        greenMail.start();
    }

    /** SMTP on the port, taking mail for any address. */
    static MailServer smtp(int port) {
        return new MailServer(port, ServerSetup.PROTOCOL_SMTP);
    }

    /** IMAP on the port; {@link #mailbox} adds the mailboxes. */
    static MailServer imap(int port) {
        return new MailServer(port, ServerSetup.PROTOCOL_IMAP);
    }

    /** Every message taken so far, as its raw text: headers and body as they were sent. */
    List<String> messages() {
        return Arrays.stream(greenMail.getReceivedMessages()).map(GreenMailUtil::getWholeMessage).toList();
    }

    /** A mailbox with its address and login, for {@link GreenMailUser#deliver(MimeMessage)}. */
    GreenMailUser mailbox(String email, String login, String password) {
        return greenMail.setUser(email, login, password);
    }

    /** Whether the mailbox's message with this Message-ID has been marked seen by its reader. */
    boolean seen(GreenMailUser mailbox, String messageId) throws Exception {
        for (StoredMessage m : greenMail.getManagers().getImapHostManager().getInbox(mailbox).getMessages()) {
            if (messageId.equals(m.getMimeMessage().getMessageID())) {
                return m.isSet(Flags.Flag.SEEN);
            }
        }
        throw new AssertionError(messageId + " is not in the mailbox");
    }

    /**
     * A mail as a partner's client writes it, to deliver into a mailbox: a plain text, or the text with an
     * {@code .ics} attachment when a calendar is given.
     */
    static MimeMessage message(String from, String to, String messageId, String subject, String text, String calendar)
            throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
        m.setFrom(new InternetAddress(from));
        m.setRecipients(Message.RecipientType.TO, to);
        m.setSubject(subject, "UTF-8");
        if (calendar == null) {
            m.setText(text, "UTF-8");
        } else {
            MimeBodyPart body = new MimeBodyPart();
            body.setText(text, "UTF-8");
            MimeBodyPart ics = new MimeBodyPart();
            // As bytes: the test class path has no content handler for text/calendar strings.
            ics.setDataHandler(new DataHandler(new ByteArrayDataSource(calendar.getBytes(StandardCharsets.UTF_8),
                    "text/calendar; charset=UTF-8")));
            ics.setFileName("kalender.ics");
            MimeMultipart mixed = new MimeMultipart("mixed");
            mixed.addBodyPart(body);
            mixed.addBodyPart(ics);
            m.setContent(mixed);
        }
        m.saveChanges();
        m.setHeader("Message-ID", messageId);
        return m;
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
