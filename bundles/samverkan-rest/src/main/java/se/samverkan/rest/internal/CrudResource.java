package se.samverkan.rest.internal;

import java.net.URI;
import java.util.function.Function;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import se.samverkan.api.security.Caller;
import se.samverkan.api.service.EntityService;
import se.samverkan.api.service.ValidationException;

/**
 * The endpoints every record kind has: read, create, replace, delete. Subclasses name the path.
 *
 * @param <T> the record type
 */
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public abstract class CrudResource<T> {

    protected final EntityService<T> service;
    private final Function<T, String> idOf;

    @Context
    protected UriInfo uriInfo;
    @Context
    protected SecurityContext security;

    protected CrudResource(EntityService<T> service, Function<T, String> idOf) {
        this.service = service;
        this.idOf = idOf;
    }

    @GET
    @Path("{id}")
    public T get(@PathParam("id") String id) {
        return service.get(id);
    }

    @POST
    public Response create(T record) {
        T created = service.create(caller(), requireBody(record));
        URI location = uriInfo.getAbsolutePathBuilder().path(idOf.apply(created)).build();
        return Response.created(location).entity(created).build();
    }

    @PUT
    @Path("{id}")
    public T update(@PathParam("id") String id, T record) {
        return service.update(caller(), id, requireBody(record));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        service.delete(caller(), id);
        return Response.noContent().build();
    }

    protected Caller caller() {
        return CallerContext.callerOf(security);
    }

    private T requireBody(T record) {
        if (record == null) {
            throw new ValidationException("body", "a JSON " + service.kind() + " is required");
        }
        return record;
    }
}
