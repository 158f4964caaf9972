package se.samverkan.rest.internal;

import java.io.EOFException;
import java.io.IOException;
import java.lang.System.Logger.Level;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;

import se.samverkan.api.service.SamverkanException;
import se.samverkan.api.service.ValidationException;

import se.samverkan.rest.spi.Problem;

/** Every error leaves the API as problem+json with a status and a reason a person can act on. */
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final System.Logger LOG = System.getLogger(ProblemMapper.class.getName());

    @Override
    public Response toResponse(Throwable e) {
        if (clientWentAway(e)) {
            // Not the server's fault, so no error in the log; and no body, which could only fail to be written.
            LOG.log(Level.DEBUG, "The client closed the connection before the answer was written", e);
            return Response.status(Response.Status.BAD_REQUEST).build();
        }
        WebApplicationException carrying = cause(e, WebApplicationException.class);
        if (carrying != null && carrying.getResponse().getEntity() instanceof Problem) {
            return carrying.getResponse();  // as made, with its headers (a 413 closes the connection)
        }
        return problem(e).toResponse();
    }

    static Problem problem(Throwable e) {
        // First, as a body over the limit may reach here wrapped by the JSON reader that was reading it.
        WebApplicationException carrying = cause(e, WebApplicationException.class);
        if (carrying != null && carrying.getResponse().getEntity() instanceof Problem p) {
            return p;
        }
        if (e instanceof ValidationException v) {
            return new Problem("about:blank", v.title(), v.status(), v.getMessage(), v.errors());
        }
        if (e instanceof SamverkanException s) {
            return Problem.of(s.status(), s.title(), s.getMessage());
        }
        JsonProcessingException json = cause(e, JsonProcessingException.class);
        if (json != null) {
            return Problem.of(400, "Invalid JSON", describe(json));
        }
        if (e instanceof WebApplicationException w) {
            Response.StatusType status = w.getResponse().getStatusInfo();
            if (status.getStatusCode() >= 500) {
                LOG.log(Level.ERROR, "The REST API failed with " + status.getStatusCode(), e);
            }
            return Problem.of(status.getStatusCode(), status.getReasonPhrase(), detail(status.getStatusCode()));
        }
        LOG.log(Level.ERROR, "Unexpected error in the REST API", e);
        return Problem.of(500, "Internal Server Error",
                "The request could not be completed; the administrator finds the cause in the log");
    }

    private static String describe(JsonProcessingException e) {
        String where = "";
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            where = " at '" + m.getPathReference().replaceAll("^.*?\\[\"", "").replace("\"]", "")
                    .replace("[\"", ".") + "'";
        }
        return "The request body is not valid" + where + ": " + e.getOriginalMessage();
    }

    private static String detail(int status) {
        return switch (status) {
            case 404 -> "There is no such resource; see /api/v1/openapi.json for the API";
            case 405 -> "This resource does not support that method";
            case 406 -> "This resource answers with application/json only";
            case 415 -> "Send the request body as application/json";
            default -> "The request could not be handled";
        };
    }

    /** A connection the client closed or reset while its request was read or its answer written. */
    static boolean clientWentAway(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (t instanceof EOFException || (t instanceof IOException
                    && (message.contains("Broken pipe") || message.contains("Connection reset")))) {
                return true;
            }
        }
        return false;
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
