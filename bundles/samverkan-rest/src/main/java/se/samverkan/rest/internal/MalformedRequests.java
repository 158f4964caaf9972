package se.samverkan.rest.internal;

import java.nio.ByteBuffer;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import com.fasterxml.jackson.core.JsonProcessingException;

import se.samverkan.api.json.Json;
import se.samverkan.rest.spi.Problem;

/**
 * Requests Jetty cannot take (a NUL or an ambiguous encoding in the path, a malformed header) are answered by
 * Jetty itself, before any servlet, through its server's error handler, which wrote HTML: this one writes
 * problem+json. Pax Web adds customizer services to its connectors without restarting the server, but offers
 * no hook that hands over the server: the handler is put in by the first request customised, so a malformed
 * request before any other after a start is still answered in HTML.
 */
@Component(service = HttpConfiguration.Customizer.class)
public class MalformedRequests implements HttpConfiguration.Customizer {

    private final ErrorHandler problems = new ProblemErrorHandler();
    private Server server;
    private ErrorHandler replaced;

    @Override
    public void customize(Connector connector, HttpConfiguration configuration, Request request) {
        Server current = connector.getServer();
        if (current.getErrorHandler() != problems) {
            install(current);
        }
    }

    private synchronized void install(Server current) {
        if (current.getErrorHandler() != problems) {
            server = current;
            replaced = current.getErrorHandler();
            current.setErrorHandler(problems);
        }
    }

    @Deactivate
    synchronized void restore() {
        if (server != null && server.getErrorHandler() == problems) {
            server.setErrorHandler(replaced == null ? new ErrorHandler() : replaced);
        }
    }

    /** Jetty's error handler, writing problem+json for the requests it refuses while parsing. */
    static final class ProblemErrorHandler extends ErrorHandler {

        @Override
        public ByteBuffer badMessageError(int status, String reason, HttpFields fields) {
            if (HttpStatus.hasNoBody(status)) {
                return super.badMessageError(status, reason, fields);
            }
            fields.put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE.toString());
            fields.put("X-Content-Type-Options", "nosniff");
            Problem problem = Problem.of(status, HttpStatus.getMessage(status), "The request is malformed"
                    + (reason == null || reason.equals(HttpStatus.getMessage(status)) ? "" : ": " + reason)
                    + "; see /api/v1/openapi.json for the API");
            try {
                return ByteBuffer.wrap(Json.mapper().writeValueAsBytes(problem));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("A problem document is plain data", e);
            }
        }
    }
}
