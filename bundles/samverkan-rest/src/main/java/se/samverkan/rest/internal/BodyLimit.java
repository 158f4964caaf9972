package se.samverkan.rest.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.Response;

import org.apache.cxf.io.DelegatingInputStream;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.PhaseInterceptorChain;

import se.samverkan.rest.spi.Problem;

/**
 * Refuses request bodies over the configured size with 413, before they are read when their length is given and
 * as soon as the limit is passed when it is not (chunked): a few anonymous bodies of tens of megabytes once
 * filled the heap.
 */
@PreMatching
public class BodyLimit implements ContainerRequestFilter {

    private final long maxBytes;

    public BodyLimit(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > maxBytes) {
            request.abortWith(refuse(tooLarge()));
        } else if (request.getEntityStream() != null) {
            request.setEntityStream(new Limited(request.getEntityStream(), maxBytes));
        }
    }

    private Problem tooLarge() {
        return Problem.of(413, "Payload Too Large", "A request body may have at most " + maxBytes + " bytes");
    }

    /**
     * The rest of the body is not wanted. CXF drains a request's body before it answers, which read megabytes
     * of a refused one and held the answer to a client that stopped sending mid-body until the connection timed
     * out: the body is cut off for it, and the connection closed after the answer.
     */
    private static Response refuse(Problem problem) {
        Message message = PhaseInterceptorChain.getCurrentMessage();
        DelegatingInputStream body = message == null ? null : message.getContent(DelegatingInputStream.class);
        if (body != null) {
            body.setInputStream(InputStream.nullInputStream());
        }
        return Response.fromResponse(problem.toResponse()).header("Connection", "close").build();
    }

    /** Thrown from the body's stream; the JAX-RS runtime hands it to the exception mappers as it is. */
    static final class TooLarge extends WebApplicationException {
        TooLarge(Problem problem) {
            super(refuse(problem));
        }
    }

    private final class Limited extends FilterInputStream {

        private long left;

        Limited(InputStream in, long max) {
            super(in);
            left = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            // One byte more than is left shows whether the body goes on past the limit.
            int n = super.read(buffer, offset, (int) Math.min(length, Math.max(left + 1, 1)));
            count(Math.max(n, 0));
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(Math.min(n, left + 1));
            count(skipped);
            return skipped;
        }

        private void count(long n) {
            left -= n;
            if (left < 0) {
                throw new TooLarge(tooLarge());
            }
        }
    }
}
