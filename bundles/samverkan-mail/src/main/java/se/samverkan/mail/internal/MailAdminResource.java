package se.samverkan.mail.internal;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import se.samverkan.api.mail.MailQueue;
import se.samverkan.api.mail.QueuedMail;
import se.samverkan.api.security.AccessPolicy;
import se.samverkan.rest.spi.CallerContext;
import se.samverkan.rest.spi.Params;
import se.samverkan.rest.spi.RestResource;

/** What the console's mail-list and mail-replay do, for administrators over REST; served while samverkan-mail is installed. */
@Component(service = MailAdminResource.class)
@RestResource
@Path("admin/mail")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
public class MailAdminResource {

    private final MailQueue mail;

    @Context
    private SecurityContext security;

    @Activate
    public MailAdminResource(@Reference MailQueue mail) {
        this.mail = mail;
    }

    @GET
    @Operation(summary = "Outgoing mail, newest first: state, attempts, next attempt, last error")
    @ApiResponse(responseCode = "200", description = "The messages")
    @ApiResponse(responseCode = "400", description = "state is not a QueuedMail state")
    @ApiResponse(responseCode = "403", description = "The caller is not an administrator")
    public List<QueuedMail> mail(@Parameter(description = "Only messages in this state") @QueryParam("state") String state) {
        AccessPolicy.checkAdmin(CallerContext.callerOf(security), "read the outgoing mail");
        return mail.list(Params.enumValue(QueuedMail.State.class, "state", state));
    }

    /** 200 with the message queued again; 409 if it is not dead. */
    @POST
    @Path("{id}/replay")
    @Operation(summary = "Queue a dead message again, with its attempts reset")
    @ApiResponse(responseCode = "200", description = "The message, queued again")
    @ApiResponse(responseCode = "403", description = "The caller is not an administrator")
    @ApiResponse(responseCode = "404", description = "No message has that id")
    @ApiResponse(responseCode = "409", description = "The message is not dead")
    public QueuedMail replay(@PathParam("id") long id) {
        return mail.replay(CallerContext.callerOf(security), id);
    }
}
