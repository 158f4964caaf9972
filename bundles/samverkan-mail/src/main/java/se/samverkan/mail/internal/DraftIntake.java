package se.samverkan.mail.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import javax.mail.Address;
import javax.mail.BodyPart;
import javax.mail.Message;
import javax.mail.MessagingException;
import javax.mail.Multipart;
import javax.mail.Part;
import javax.mail.Session;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;

import se.samverkan.api.draft.Draft;
import se.samverkan.api.draft.DraftService;
import se.samverkan.api.model.Activity;
import se.samverkan.api.model.ActivityCategory;
import se.samverkan.api.model.FocusArea;
import se.samverkan.api.model.Organisation;
import se.samverkan.api.service.OrganisationService;
import se.samverkan.api.util.Sha256;
import se.samverkan.calendar.FeedException;
import se.samverkan.calendar.FeedMapping;
import se.samverkan.calendar.ICalendarImport;
import se.samverkan.calendar.ImportedEvent;
import se.samverkan.calendar.ParsedFeed;
import se.samverkan.calendar.RejectedEvent;

/**
 * Turns a partner's mail into draft activities for the coordinator of the municipality: each event of an
 * attached {@code .ics} (read by the platform's calendar import), or else the mail itself (subject as title, text
 * as description). The sender must be a known one ({@code senders} of the inbound configuration), which names the
 * organisation and, where it works in several, the municipality. A mail that cannot become a draft is not lost:
 * the caller quarantines it with the reason.
 */
final class DraftIntake {

    static final String SOURCE = "mail:inbound";
    private static final String FEED_ID = "mail";
    private static final int HORIZON_DAYS = 365;
    private static final int MAX_TEXT = 4000;
    /** The length of the key columns of drafts and the quarantine. */
    private static final int MAX_KEY = 1000;

    /** What became of a mail: drafts, events that were refused, or why nothing could be made of it. */
    record Outcome(List<Draft> drafts, List<RejectedEvent> rejected, String problem) {
    }

    private record Sender(String organisationId, String municipalityCode) {
    }

    private final Map<String, Sender> senders = new HashMap<>();
    private final DraftService drafts;
    private final OrganisationService organisations;

    /** @param senders entries ADDRESS=ORGANISATION[:MUNICIPALITY], separated by commas */
    DraftIntake(String senders, DraftService drafts, OrganisationService organisations) {
        this.drafts = drafts;
        this.organisations = organisations;
        for (String entry : senders == null || senders.isBlank() ? new String[0] : senders.strip().split("\\s*,\\s*")) {
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("inbound mail: sender entry '" + entry
                        + "' is not ADDRESS=ORGANISATION[:MUNICIPALITY]");
            }
            String[] target = entry.substring(eq + 1).strip().split(":", 2);
            this.senders.put(entry.substring(0, eq).strip().toLowerCase(Locale.ROOT),
                    new Sender(target[0].strip(), target.length > 1 ? target[1].strip() : null));
        }
    }

    /** The key a mail is known by: its Message-ID, else (or if the header cannot be read) a hash of its text. */
    static String key(Message message) {
        try {
            String[] ids = message.getHeader("Message-ID");
            if (ids != null && ids.length > 0 && !ids[0].isBlank()) {
                return ids[0].strip();
            }
        } catch (MessagingException e) {
            // the hash below still names the mail
        }
        return Sha256.hex(raw(message));
    }

    /** A key as it is stored: a sender controls the Message-ID, so one too long for the columns is hashed. */
    static String fit(String key) {
        return key.length() <= MAX_KEY ? key : Sha256.hex(key);
    }

    Outcome take(Message message, LocalDate today) throws MessagingException, IOException {
        String from = sender(message);
        if (from == null) {
            return problem("the mail has no sender address");
        }
        Sender sender = senders.getOrDefault(from, senders.get(from.substring(from.indexOf('@'))));
        if (sender == null) {
            return problem("unknown sender " + from + ": add it to senders in etc/" + InboundConfig.PID + ".cfg");
        }
        Optional<Organisation> organisation = organisations.find(sender.organisationId());
        if (organisation.isEmpty()) {
            return problem("sender " + from + " is configured for organisation '" + sender.organisationId()
                    + "', which does not exist");
        }
        String municipality = sender.municipalityCode();
        Set<String> works = organisation.get().municipalityCodes();
        if (municipality == null && works.size() == 1) {
            municipality = works.iterator().next();
        }
        if (municipality == null) {
            return problem("organisation '" + sender.organisationId() + "' works in " + works.size()
                    + " municipalities; name one for sender " + from + " (ADDRESS=ORGANISATION:MUNICIPALITY)");
        }
        String key = key(message);
        String subject = message.getSubject() == null ? "" : message.getSubject().strip();
        Parts parts = new Parts();
        parts.collect(message);
        if (!parts.calendars.isEmpty()) {
            return fromCalendars(parts.calendars, key, from, subject, sender.organisationId(), municipality, today);
        }
        if (subject.isEmpty() || parts.text.toString().isBlank()) {
            return problem("the mail has neither an .ics attachment nor a subject and a text to make a draft of");
        }
        Activity activity = new Activity(FEED_ID + "-" + Sha256.hex(key).substring(0, 12), Map.of("sv", subject),
                Map.of("sv", cut(parts.text.toString().strip())), ActivityCategory.OTHER, FocusArea.SOCIAL, Set.of(),
                Set.of("sv"), municipality, List.of(sender.organisationId()), null, null, null, null, null, List.of());
        return new Outcome(List.of(drafts.add(fit("mail:" + key), from, subject, municipality, sender.organisationId(),
                activity)), List.of(), null);
    }

    private Outcome fromCalendars(List<byte[]> calendars, String key, String from, String subject,
                                  String organisationId, String municipality, LocalDate today) {
        FeedMapping mapping = new FeedMapping(FEED_ID, organisationId, municipality, null, Set.of("sv"), "sv",
                Map.of(), ActivityCategory.OTHER, FocusArea.SOCIAL, HORIZON_DAYS);
        List<Draft> made = new ArrayList<>();
        List<RejectedEvent> rejected = new ArrayList<>();
        for (byte[] calendar : calendars) {
            ParsedFeed feed;
            try {
                feed = ICalendarImport.parse(new ByteArrayInputStream(calendar), mapping, today);
            } catch (FeedException e) {
                return problem("the .ics attachment cannot be read: " + e.getMessage());
            }
            for (ImportedEvent event : feed.events()) {
                made.add(drafts.add(fit("mail:" + key + "#" + event.uid()), from, subject, municipality, organisationId,
                        event.activity()));
            }
            rejected.addAll(feed.rejected());
        }
        if (made.isEmpty() && rejected.isEmpty()) {
            return problem("the .ics attachment holds no event");
        }
        return new Outcome(made, rejected, null);
    }

    private static Outcome problem(String reason) {
        return new Outcome(List.of(), List.of(), reason);
    }

    private static String sender(Message message) throws MessagingException {
        Address[] from = message.getFrom();
        return from == null || from.length == 0 || !(from[0] instanceof InternetAddress a) || a.getAddress() == null
                ? null : a.getAddress().strip().toLowerCase(Locale.ROOT);
    }

    /** The mail as its text, for the quarantine (and a replay from it). */
    static String raw(Message message) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            message.writeTo(bytes);
            return bytes.toString(StandardCharsets.UTF_8);
        } catch (IOException | MessagingException e) {
            return "(the mail could not be written out: " + e.getMessage() + ")";
        }
    }

    /** A mail again from its quarantined text. */
    static MimeMessage parse(String raw) throws MessagingException {
        return new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
    }

    private static String cut(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
    }

    /** The calendar attachments and the first plain text of a mail. */
    private static final class Parts {
        final List<byte[]> calendars = new ArrayList<>();
        final StringBuilder text = new StringBuilder();

        void collect(Part part) throws MessagingException, IOException {
            String name = part.getFileName() == null ? "" : part.getFileName().toLowerCase(Locale.ROOT);
            if (part.isMimeType("text/calendar") || name.endsWith(".ics")) {
                try (InputStream in = part.getInputStream()) {
                    calendars.add(in.readAllBytes());
                }
            } else if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    collect(child);
                }
            } else if (part.isMimeType("text/plain") && text.length() == 0 && !Part.ATTACHMENT.equalsIgnoreCase(
                    part.getDisposition())) {
                text.append(part.getContent());
            }
        }
    }
}
