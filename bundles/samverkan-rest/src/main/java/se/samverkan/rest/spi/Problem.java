package se.samverkan.rest.spi;

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

    /** As text, for annotations. */
    public static final String MEDIA_TYPE_NAME = "application/problem+json";
    public static final MediaType MEDIA_TYPE = MediaType.valueOf(MEDIA_TYPE_NAME);

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, List.of());
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
