package se.samverkan.itests.plugin;

import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import se.samverkan.rest.spi.CallerContext;

/** A plugin's endpoint: reads open to anyone, writes that say who wrote. */
@Path("plugin-echo")
@Produces(MediaType.TEXT_PLAIN)
public class EchoResource {

    @Context
    private SecurityContext security;

    @GET
    public String read() {
        return "echo";
    }

    @POST
    public String write() {
        return "written by " + CallerContext.callerOf(security).user();
    }
}
