package se.samverkan.rest.spi;

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
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import se.samverkan.api.security.Caller;
import se.samverkan.api.service.EntityService;
import se.samverkan.api.service.EntityService.Versioned;
import se.samverkan.api.service.NotFoundException;
import se.samverkan.api.service.ValidationException;

/**
 * The endpoints every record kind has: read, create, replace, delete. Subclasses name the path (and a
 * {@code @Tag}); the OpenAPI description gives these operations the subclass's record schema.
 * <p>
 * A record's version is its ETag; PUT and DELETE must say which version they change with {@code If-Match}
 * ({@link IfMatch}). {@code If-Match: *} writes over whatever is stored, for clients that mean to.
 *
 * @param <T> the record type
 */
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public abstract class CrudResource<T> {

    private static final String IF_MATCH = "The ETag a GET gave (e.g. \"3\"), or * to write over any version";

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
    @Operation(summary = "One record, with its version as ETag")
    @ApiResponse(responseCode = "200", description = "The record", headers = @Header(name = "ETag",
            description = "The record's version, for If-Match"))
    @ApiResponse(responseCode = "404", description = "No record has that id")
    public Response get(@PathParam("id") String id) {
        Versioned<T> found = service.findVersioned(id).orElseThrow(() -> new NotFoundException(service.kind(), id));
        return Response.ok(found.record()).tag(IfMatch.etag(found.version())).build();
    }

    @POST
    @Operation(summary = "Create a record; its id is in the body")
    @ApiResponse(responseCode = "201", description = "Created; Location names the new record")
    @ApiResponse(responseCode = "400", description = "The record is not valid: errors name each field")
    @ApiResponse(responseCode = "403", description = "The caller may not write this record")
    @ApiResponse(responseCode = "409", description = "A record with that id exists")
    public Response create(T record) {
        T created = service.create(caller(), requireBody(record));
        URI location = uriInfo.getAbsolutePathBuilder().path(idOf.apply(created)).build();
        return Response.created(location).entity(created).build();
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Replace a record")
    @ApiResponse(responseCode = "200", description = "The record as stored, with its new version as ETag",
            headers = @Header(name = "ETag", description = "The record's new version"))
    @ApiResponse(responseCode = "400", description = "The record is not valid: errors name each field")
    @ApiResponse(responseCode = "403", description = "The caller may not write this record")
    @ApiResponse(responseCode = "404", description = "No record has that id")
    @ApiResponse(responseCode = "412", description = "If-Match names another version: reload and retry")
    @ApiResponse(responseCode = "428", description = "If-Match is missing")
    public Response update(@PathParam("id") String id,
                           @Parameter(description = IF_MATCH, required = true)
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, T record) {
        Long version = IfMatch.version(service.kind(), ifMatch);
        T body = requireBody(record);
        long base = version != null ? version
                : service.findVersioned(id).orElseThrow(() -> new NotFoundException(service.kind(), id)).version();
        Versioned<T> saved = service.update(caller(), id, body, base);
        return Response.ok(saved.record()).tag(IfMatch.etag(saved.version())).build();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a record")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "403", description = "The caller may not write this record")
    @ApiResponse(responseCode = "404", description = "No record has that id")
    @ApiResponse(responseCode = "409", description = "Other records still refer to it")
    @ApiResponse(responseCode = "412", description = "If-Match names another version: reload and retry")
    @ApiResponse(responseCode = "428", description = "If-Match is missing")
    public Response delete(@PathParam("id") String id,
                           @Parameter(description = IF_MATCH, required = true)
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Long version = IfMatch.version(service.kind(), ifMatch);
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

    private T requireBody(T record) {
        if (record == null) {
            throw new ValidationException("body", "a JSON " + service.kind() + " is required");
        }
        return record;
    }
}
