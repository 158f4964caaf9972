package se.samverkan.rest.internal;

import java.util.List;
import java.util.function.Supplier;

import javax.ws.rs.DELETE;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import se.samverkan.api.feed.FeedService;
import se.samverkan.api.feed.FeedStatus;
import se.samverkan.api.mail.MailQueue;
import se.samverkan.api.mail.QueuedMail;
import se.samverkan.api.quarantine.QuarantineService;
import se.samverkan.api.quarantine.Quarantined;
import se.samverkan.api.security.AccessPolicy;
import se.samverkan.api.service.ConflictException;
import se.samverkan.api.service.NotFoundException;
import se.samverkan.routes.ImportJobs;

/** What the console's feed-*, quarantine-* and mail-* commands do, for administrators over REST. */
@Path("admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    private final Supplier<FeedService> feeds;
    private final QuarantineService quarantine;
    private final ImportJobs jobs;
    private final Supplier<MailQueue> mail;

    @Context
    private SecurityContext security;

    /**
     * @param feeds the feed service, or null while the calendar import is not installed
     * @param jobs  the import jobs, through which quarantined items are replayed
     * @param mail  the outgoing mail queue, or null while it is not installed
     */
    public AdminResource(Supplier<FeedService> feeds, QuarantineService quarantine, ImportJobs jobs,
                         Supplier<MailQueue> mail) {
        this.feeds = feeds;
        this.quarantine = quarantine;
        this.jobs = jobs;
        this.mail = mail;
    }

    @GET
    @Path("feeds")
    public List<FeedStatus> feeds() {
        return feedService("list the calendar feeds").feeds();
    }

    @POST
    @Path("feeds/{id}/sync")
    public FeedStatus sync(@PathParam("id") String id) {
        return feedService("sync a calendar feed").sync(CallerContext.callerOf(security), id);
    }

    @GET
    @Path("quarantine")
    public List<Quarantined> quarantine(@QueryParam("source") String source,
                                        @QueryParam("all") @DefaultValue("false") boolean all) {
        AccessPolicy.checkAdmin(CallerContext.callerOf(security), "read the quarantine");
        return quarantine.list(source == null || source.isBlank() ? null : source, !all);
    }

    /**
     * Replays the item through the import job its source names: 200 with the item when it was taken; 409 with
     * the reason when it still cannot be.
     */
    @POST
    @Path("quarantine/{id}/replay")
    public Quarantined replay(@PathParam("id") long id) {
        String problem = jobs.replay(CallerContext.callerOf(security), id);
        if (problem != null) {
            throw new ConflictException("item " + id + " was not taken: " + problem);
        }
        return quarantine.find(id).orElseThrow();
    }

    /**
     * Drops a waiting item that is not wanted (e.g. of a calendar feed no longer configured, which nothing can
     * replay): 200 with the item, marked DISCARDED; 404 if there is none; 409 if it is not waiting.
     */
    @DELETE
    @Path("quarantine/{id}")
    public Quarantined discard(@PathParam("id") long id) {
        return quarantine.discard(CallerContext.callerOf(security), id);
    }

    /** As {@link #discard(long)}, for clients that cannot send DELETE. */
    @POST
    @Path("quarantine/{id}/discard")
    public Quarantined discardByPost(@PathParam("id") long id) {
        return discard(id);
    }

    @GET
    @Path("mail")
    public List<QueuedMail> mail(@QueryParam("state") String state) {
        MailQueue queue = mailQueue("read the outgoing mail");
        return queue.list(Params.enumValue(QueuedMail.State.class, "state", state));
    }

    /** 200 with the message queued again; 409 if it is not dead. */
    @POST
    @Path("mail/{id}/replay")
    public QueuedMail replayMail(@PathParam("id") long id) {
        return mailQueue("replay outgoing mail").replay(CallerContext.callerOf(security), id);
    }

    private MailQueue mailQueue(String what) {
        AccessPolicy.checkAdmin(CallerContext.callerOf(security), what);
        MailQueue service = mail.get();
        if (service == null) {
            throw new NotFoundException("installed feature", "samverkan-mail");
        }
        return service;
    }

    private FeedService feedService(String what) {
        AccessPolicy.checkAdmin(CallerContext.callerOf(security), what);
        FeedService service = feeds.get();
        if (service == null) {
            throw new NotFoundException("installed feature", "samverkan-feeds");
        }
        return service;
    }
}
