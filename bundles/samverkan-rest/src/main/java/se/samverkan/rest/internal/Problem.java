package se.samverkan.rest.internal;

import java.util.List;

import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import se.samverkan.api.service.ValidationException.FieldError;

/**
 * An RFC 7807 problem document: what went wrong and, for invalid input, which fields.
 *
 * @param errors the invalid fields, empty for other problems
 */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final MediaType MEDIA_TYPE = MediaType.valueOf("application/problem+json");

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, List.of());
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
