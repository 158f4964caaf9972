package se.samverkan.routes;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.spi.PollingConsumerPollStrategy;
import org.apache.camel.support.RoutePolicySupport;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.ScheduledPollEndpoint;

import se.samverkan.api.service.ConflictException;
import se.samverkan.routes.JobRun.Counts;
import se.samverkan.routes.JobRun.Outcome;

/**
 * The runs of an {@link ImportJob} whose route polls its source: a folder, a mailbox, any Camel consumer that
 * polls on a schedule. Each poll that took something, or failed, is a run (the many polls that find nothing are
 * not); {@link #pollNow} polls once on demand through the route itself, so a run now is what the schedule does.
 * The route takes it as its policy ({@code from(uri).routePolicy(runs)}), adds what each item came to with
 * {@link #add}, and names an item that failed with {@link #failed}. Runs are kept in memory: after a restart the
 * job shows none until its next one.
 */
public final class PolledRuns extends RoutePolicySupport implements PollingConsumerPollStrategy {

    /** The route this is the policy of, while it is in a CamelContext. */
    private volatile Route route;
    /** The poll in progress, or null: one at a time, so a poll on demand never overlaps a scheduled one. */
    private final AtomicReference<Poll> current = new AtomicReference<>();
    /** Set while {@link #pollNow} polls on this thread; receives that poll's run. */
    private final ThreadLocal<JobRun[]> onDemand = new ThreadLocal<>();
    private volatile JobRun lastRun;
    private volatile Instant lastSuccess;

    /**
     * Makes these runs the poll strategy of the route's source, before its consumer is made.
     *
     * @throws IllegalArgumentException if the source does not poll on a schedule
     */
    @Override
    public void onInit(Route route) {
        if (!(route.getEndpoint() instanceof ScheduledPollEndpoint endpoint)) {
            throw new IllegalArgumentException("route " + route.getId() + ": " + route.getEndpoint()
                    + " does not poll on a schedule");
        }
        endpoint.setPollStrategy(this);
        this.route = route;
    }

    @Override
    public void onRemove(Route route) {
        if (this.route == route) {
            this.route = null;
        }
    }

    /** Adds what one item of the poll in progress came to. */
    public void add(Counts counts) {
        Poll poll = current.get();
        if (poll != null) {
            poll.add(counts);
        }
    }

    /**
     * Records that an item of the poll in progress failed, with the exception the exchange carries; for the
     * processor of the route's {@code onException}, which runs once the item's retries are exhausted.
     */
    public void failed(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Poll poll = current.get();
        if (poll != null) {
            poll.fail(describe(failure != null ? failure : exchange.getException()));
        }
    }

    public JobRun lastRun() {
        return lastRun;
    }

    public Instant lastSuccess() {
        return lastSuccess;
    }

    /**
     * Polls the source once now, on this thread, through the route (its items as the schedule would take them;
     * a poll that fails is not tried again). If a scheduled poll is running, it is not polled twice.
     *
     * @return the run of this poll, or the one running
     * @throws ConflictException if the route is not running
     */
    public JobRun pollNow() {
        Route polled = route;
        if (polled == null || !(polled.getConsumer() instanceof ScheduledPollConsumer consumer)) {
            throw new ConflictException("its route is not running");
        }
        JobRun[] run = new JobRun[1];
        onDemand.set(run);
        try {
            consumer.run();
        } finally {
            onDemand.remove();
        }
        Poll running = current.get();
        if (run[0] == null && running == null) {
            throw new ConflictException("its route " + polled.getId() + " did not poll: it is stopped or suspended");
        }
        return run[0] != null ? run[0] : running.run(Outcome.RUNNING, null, null);
    }

    @Override
    public boolean begin(Consumer consumer, Endpoint endpoint) {
        return current.compareAndSet(null, new Poll(Instant.now(), onDemand.get()));
    }

    @Override
    public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
        finish(polledMessages > 0, null);
    }

    /** A poll that failed as a whole (the folder or mailbox could not be read) is a failed run, not retried. */
    @Override
    public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) {
        finish(true, describe(cause));
        return false;
    }

    private void finish(boolean tookOrFailed, String pollError) {
        Poll poll = current.getAndSet(null);
        if (poll == null) {
            return;
        }
        String error = pollError != null ? pollError : poll.error();
        if (!tookOrFailed && error == null && poll.onDemand == null) {
            return;
        }
        Instant now = Instant.now();
        JobRun run = poll.run(error == null ? Outcome.OK : Outcome.FAILED, now, error);
        lastRun = run;
        if (error == null) {
            lastSuccess = now;
        }
        if (poll.onDemand != null) {
            poll.onDemand[0] = run;
        }
    }

    private static String describe(Throwable failure) {
        if (failure == null) {
            return "failed without a message";
        }
        return failure.getMessage() == null || failure.getMessage().isBlank() ? failure.toString() : failure.getMessage();
    }

    /** What a poll took so far. */
    private static final class Poll {

        final Instant started;
        final JobRun[] onDemand;
        private Counts counts = Counts.NONE;
        private String error;

        Poll(Instant started, JobRun[] onDemand) {
            this.started = started;
            this.onDemand = onDemand;
        }

        synchronized void add(Counts more) {
            counts = counts.plus(more);
        }

        synchronized void fail(String why) {
            error = error == null ? why : error + "; " + why;
        }

        synchronized String error() {
            return error;
        }

        synchronized JobRun run(Outcome outcome, Instant finished, String why) {
            return new JobRun(started, finished, outcome, counts, why);
        }
    }
}
