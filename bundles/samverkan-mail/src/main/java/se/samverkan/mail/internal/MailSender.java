package se.samverkan.mail.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import se.samverkan.mail.internal.MailOutbox.Claimed;

/**
 * Sends the outgoing mail queue: its own Camel route ({@code mail-outbox}) in the platform's CamelContext. A
 * timer claims the due messages (QUEUED → SENDING, so no other sender takes them) and hands each to camel-mail;
 * the SMTP server's acceptance marks it SENT, a failure queues it again after a doubling delay, and after
 * {@code maxAttempts} it is DEAD until an administrator replays it. A message is marked SENT only after the SMTP
 * server accepted it, and it is sent again only if it was not marked (see the queue's at-least-once window,
 * made harmless by the fixed Message-ID).
 */
@Component(service = RoutesBuilder.class, configurationPid = MailSender.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = MailConfig.class)
public class MailSender extends RouteBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(MailSender.class);

    static final String PID = "se.samverkan.mail";
    static final String ROUTE_ID = "mail-outbox";
    static final String FORGET_ROUTE_ID = "mail-forget";
    /** How often sent mail's text is looked for to clear, at most. */
    private static final Duration FORGET_PERIOD = Duration.ofHours(1);

    private static final String CLAIMED = "samverkanMail";
    private static final String SENT = "samverkanMailSent";

    private final MailSettings settings;
    private final MailOutbox outbox;
    private final Clock clock;

    @Activate
    public MailSender(MailConfig config, @Reference MailOutbox outbox) {
        this(MailSettings.of(config), outbox, Clock.systemUTC());
    }

    MailSender(MailSettings settings, MailOutbox outbox, Clock clock) {
        this.settings = settings;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public void configure() {
        from("timer:samverkan-mail?delay=" + settings.poll().toMillis() + "&period=" + settings.poll().toMillis())
                .routeId(ROUTE_ID)
                .process(e -> e.getMessage().setBody(outbox.claimDue(settings.batchSize(), clock.instant())))
                .split(body())
                    .process(this::prepare)
                    .doTry()
                        .to(settings.endpointUri())
                        .setProperty(SENT, constant(true))
                    .doCatch(Exception.class)
                        .process(this::failed)
                    .end()
                    .filter(exchangeProperty(SENT))
                        .process(e -> outbox.markSent(e.getProperty(CLAIMED, Claimed.class).id(), clock.instant()))
                    .end()
                .end();
        // Sent mail's text (with its recipient's unsubscribe link) is kept only as long as configured, give or
        // take the period; kept for no time at all, it is cleared at every look at the queue.
        Duration period = settings.keepSent().isZero() ? settings.poll() : FORGET_PERIOD;
        from("timer:samverkan-mail-forget?delay=" + settings.poll().toMillis() + "&period=" + period.toMillis())
                .routeId(FORGET_ROUTE_ID)
                .process(e -> outbox.forget(clock.instant().minus(settings.keepSent())));
    }

    private void prepare(Exchange exchange) throws Exception {
        Claimed claimed = exchange.getMessage().getBody(Claimed.class);
        exchange.setProperty(CLAIMED, claimed);
        exchange.getMessage().setBody(MailMessages.build(claimed.mail(), settings.from()));
    }

    private void failed(Exchange exchange) {
        Claimed claimed = exchange.getProperty(CLAIMED, Claimed.class);
        Exception error = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String reason = describe(error);
        int failures = claimed.attempts() + 1;
        Instant next = failures >= settings.maxAttempts() ? null : clock.instant().plus(settings.delayAfter(failures));
        outbox.markFailed(claimed.id(), reason, next);
        if (next == null) {
            // The address stays out of the log (subscribers' addresses are personal data); the id finds it.
            LOG.error("Mail {} given up after {} attempts (DEAD, replayable): {}", claimed.id(), failures, reason);
        } else {
            LOG.warn("Mail {} not sent (attempt {} of {}), next at {}: {}", claimed.id(), failures,
                    settings.maxAttempts(), next, reason);
        }
    }

    /** The innermost cause's message, which names what went wrong (e.g. "Connection refused"). */
    static String describe(Throwable error) {
        if (error == null) {
            return "unknown error";
        }
        StringBuilder text = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            if (text.indexOf(m) < 0) {
                text.append(text.length() == 0 ? "" : ": ").append(m);
            }
        }
        return text.toString();
    }

    MailSettings settings() {
        return settings;
    }

    @Override
    public String toString() {
        return "mail sender via " + settings.safeUri();
    }
}
