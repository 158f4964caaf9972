package se.samverkan.rest.internal;

import java.net.URI;
import java.util.function.Function;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.EntityTag;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import se.samverkan.api.security.Caller;
import se.samverkan.api.service.EntityService;
import se.samverkan.api.service.EntityService.Versioned;
import se.samverkan.api.service.NotFoundException;
import se.samverkan.api.service.ValidationException;

/**
 * The endpoints every record kind has: read, create, replace, delete. Subclasses name the path.
 * <p>
 * A record's version is its ETag (strong, e.g. {@code "3"}). PUT and DELETE must say which version they change with
 * {@code If-Match}: another version answers 412, no {@code If-Match} 428, so that no client overwrites a change it
 * has not seen. {@code If-Match: *} writes over whatever is stored, for clients that mean to.
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
    public Response get(@PathParam("id") String id) {
        Versioned<T> found = service.findVersioned(id).orElseThrow(() -> new NotFoundException(service.kind(), id));
        return Response.ok(found.record()).tag(etag(found.version())).build();
    }

    @POST
    public Response create(T record) {
        T created = service.create(caller(), requireBody(record));
        URI location = uriInfo.getAbsolutePathBuilder().path(idOf.apply(created)).build();
        return Response.created(location).entity(created).build();
    }

    @PUT
    @Path("{id}")
    public Response update(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, T record) {
        Long version = version(ifMatch);
        T body = requireBody(record);
        long base = version != null ? version
                : service.findVersioned(id).orElseThrow(() -> new NotFoundException(service.kind(), id)).version();
        Versioned<T> saved = service.update(caller(), id, body, base);
        return Response.ok(saved.record()).tag(etag(saved.version())).build();
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Long version = version(ifMatch);
        if (version == null) {
            service.delete(caller(), id);
        } else {
            service.delete(caller(), id, version);
        }
        return Response.noContent().build();
    }

    protected Caller caller() {
        return CallerContext.callerOf(security);
    }

    private static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * The version an {@code If-Match} names, or null for {@code *} (any stored version).
     *
     * @throws PreconditionException if there is none, or it names no version this API gives out
     */
    private Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw PreconditionException.required(service.kind());
        }
        String tag = ifMatch.trim();
        if (tag.equals("*")) {
            return null;
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            try {
                return Long.parseLong(tag.substring(1, tag.length() - 1));
            } catch (NumberFormatException e) {
                // not a version: cannot match
            }
        }
        throw PreconditionException.unmatchable(service.kind(), tag);
    }

    private T requireBody(T record) {
        if (record == null) {
            throw new ValidationException("body", "a JSON " + service.kind() + " is required");
        }
        return record;
    }
}
