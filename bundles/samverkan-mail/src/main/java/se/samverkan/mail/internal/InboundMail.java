package se.samverkan.mail.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import javax.mail.Message;

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

import se.samverkan.api.draft.DraftService;
import se.samverkan.api.model.Activity;
import se.samverkan.api.quarantine.QuarantineService;
import se.samverkan.api.quarantine.Quarantined;
import se.samverkan.api.service.ConflictException;
import se.samverkan.api.service.OrganisationService;
import se.samverkan.calendar.RejectedEvent;
import se.samverkan.mail.internal.DraftIntake.Outcome;
import se.samverkan.routes.ImportJob;
import se.samverkan.routes.JobRun;
import se.samverkan.routes.JobRun.Counts;
import se.samverkan.routes.JobStatus;
import se.samverkan.routes.PolledRuns;

/**
 * Reads the partners' mailbox (route {@code mail-inbound}, camel-mail's IMAP consumer) and makes drafts of what
 * arrives. camel-mail marks a mail seen (or moves it) only after the exchange completed, that is after its drafts
 * were stored or it was quarantined. A mail whose handling fails for any reason is quarantined with that reason,
 * so that one bad mail cannot block the mailbox by being read again at every poll; only if the quarantine itself
 * cannot store it (the database is down) does the mail stay unseen and is read again at the next poll, after the
 * route's retries. The same mail read twice is one draft (keyed by its Message-ID). Quarantined mails (unknown
 * sender, nothing to make a draft of, a failure) are replayed from their text after a fix. It is the import job
 * {@code mail:inbound}: each poll that found mail is a run, and a run now reads the mailbox at once.
 */
@Component(service = {RoutesBuilder.class, ImportJob.class}, configurationPid = InboundConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = InboundConfig.class)
public class InboundMail extends RouteBuilder implements ImportJob {

    private static final Logger LOG = LoggerFactory.getLogger(InboundMail.class);
    static final String ROUTE_ID = "mail-inbound";
    static final String JOB_ID = "mail:inbound";

    private final InboundConfig config;
    private final DraftIntake intake;
    private final QuarantineService quarantine;
    private final Clock clock;
    private final PolledRuns runs = new PolledRuns();

    @Activate
    public InboundMail(InboundConfig config, @Reference DraftService drafts, @Reference OrganisationService organisations,
                       @Reference QuarantineService quarantine) {
        this(config, new DraftIntake(config.senders(), drafts, organisations), quarantine, Clock.systemUTC());
    }

    InboundMail(InboundConfig config, DraftIntake intake, QuarantineService quarantine, Clock clock) {
        this.config = config;
        this.intake = intake;
        this.quarantine = quarantine;
        this.clock = clock;
    }

    @Override
    public void configure() {
        if (config.host().isBlank()) {
            LOG.info("Inbound mail is off: no host in etc/{}.cfg", InboundConfig.PID);
            return;
        }
        onException(Exception.class).maximumRedeliveries(3).redeliveryDelay(1000).backOffMultiplier(2)
                .useExponentialBackOff().logExhausted(true).process(runs::failed);
        from(endpointUri()).routeId(ROUTE_ID).routePolicy(runs).process(this::take);
    }

    @Override
    public String id() {
        return JOB_ID;
    }

    @Override
    public String quarantineSource() {
        return DraftIntake.SOURCE;
    }

    /** The mailbox without its password. */
    @Override
    public JobStatus status() {
        return status(runs.lastRun());
    }

    private JobStatus status(JobRun lastRun) {
        boolean off = config.host().isBlank();
        return new JobStatus(JOB_ID, "mail", off ? "no mailbox (no host in etc/" + InboundConfig.PID + ".cfg)"
                : (config.ssl() ? "imaps://" : "imap://") + config.host().strip() + ":" + config.port() + "/"
                + config.folder(), off ? "off" : ImportJob.every(config.pollSeconds()), DraftIntake.SOURCE, lastRun,
                runs.lastSuccess());
    }

    /** Reads the mailbox now, through the route: each unseen mail is taken as the schedule would take it. */
    @Override
    public JobStatus run() {
        if (config.host().isBlank()) {
            throw new ConflictException("inbound mail is off: no host in etc/" + InboundConfig.PID + ".cfg");
        }
        return status(runs.pollNow());
    }

    String endpointUri() {
        StringBuilder uri = new StringBuilder(config.ssl() ? "imaps://" : "imap://").append(config.host().strip())
                .append(':').append(config.port()).append("?folderName=RAW(").append(config.folder()).append(')')
                .append("&unseen=true&mapMailMessage=false&delay=").append(config.pollSeconds() * 1000);
        if (!config.username().isBlank()) {
            uri.append("&username=RAW(").append(config.username()).append(')');
        }
        if (!config.password().isEmpty()) {
            uri.append("&password=RAW(").append(config.password()).append(')');
        }
        if (!config.moveTo().isBlank()) {
            uri.append("&moveTo=RAW(").append(config.moveTo().strip()).append(')');
        }
        return uri.toString();
    }

    private void take(Exchange exchange) throws Exception {
        Message message = exchange.getIn().getBody(Message.class);
        String key = DraftIntake.key(message);
        Outcome outcome;
        try {
            outcome = JavaMail.withContentHandlers(() -> intake.take(message, today()));
        } catch (Exception e) {
            LOG.warn("Inbound mail {} could not be handled", key, e);
            outcome = new Outcome(List.of(), List.of(), "the mail could not be handled: " + MailSender.describe(e));
        }
        if (outcome.problem() != null) {
            quarantine.add(DraftIntake.SOURCE, DraftIntake.fit(key), outcome.problem(), DraftIntake.raw(message));
            LOG.warn("Inbound mail {} quarantined: {}", key, outcome.problem());
            runs.add(new Counts(0, 0, 0, 0, 1));
        } else {
            quarantineRejected(key, outcome);
            LOG.info("Inbound mail {}: {} drafts", key, outcome.drafts().size());
            runs.add(new Counts(outcome.drafts().size(), 0, 0, 0, outcome.rejected().size()));
        }
    }

    @Override
    public String replay(Quarantined item) {
        try {
            Outcome outcome = JavaMail.withContentHandlers(() -> intake.take(DraftIntake.parse(item.raw()), today()));
            if (outcome.problem() == null) {
                quarantineRejected(item.key(), outcome);
            }
            return outcome.problem();
        } catch (Exception e) {
            return "the mail cannot be read: " + MailSender.describe(e);
        }
    }

    private void quarantineRejected(String key, Outcome outcome) {
        for (RejectedEvent r : outcome.rejected()) {
            quarantine.add(DraftIntake.SOURCE + "-event", DraftIntake.fit(key + "#" + r.uid()), r.reason(), r.raw());
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Activity.ZONE));
    }

    @Override
    public String toString() {
        return "inbound mail from " + (config.host().isBlank() ? "nowhere" : config.host());
    }
}
