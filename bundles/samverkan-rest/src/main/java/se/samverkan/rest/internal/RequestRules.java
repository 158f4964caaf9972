package se.samverkan.rest.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import javax.ws.rs.BeanParam;
import javax.ws.rs.CookieParam;
import javax.ws.rs.FormParam;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.MatrixParam;
import javax.ws.rs.PathParam;
import javax.ws.rs.QueryParam;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;

import se.samverkan.api.service.ValidationException;
import se.samverkan.api.service.ValidationException.FieldError;

import se.samverkan.rest.spi.Problem;

/**
 * What every request must meet before its resource method runs, whatever the method:
 * <ul>
 * <li>no query parameter the method does not read: a filter that is silently dropped returns everything to a
 * caller who believes they filtered (400 naming each such parameter);</li>
 * <li>a content type where the method reads a body: without one, the JAX-RS runtime looked for a reader of
 * application/octet-stream and logged the client's mistake as a server error (415).</li>
 * </ul>
 */
public class RequestRules implements ContainerRequestFilter {

    private static final Set<Class<? extends Annotation>> NOT_THE_BODY = Set.of(PathParam.class, QueryParam.class,
            HeaderParam.class, CookieParam.class, MatrixParam.class, FormParam.class, BeanParam.class, Context.class);

    /** What each resource method reads, worked out once. */
    record Reads(Set<String> queryParameters, boolean body) {
    }

    private final Map<Method, Reads> reads = new ConcurrentHashMap<>();

    @Context
    private ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        Reads wanted = reads.computeIfAbsent(method, RequestRules::reads);
        List<FieldError> unknown = request.getUriInfo().getQueryParameters().keySet().stream()
                .filter(name -> !wanted.queryParameters().contains(name)).sorted()
                .map(name -> new FieldError(name, wanted.queryParameters().isEmpty()
                        ? "is not a parameter of this resource, which takes none"
                        : "is not a parameter of this resource; it takes " + String.join(", ", wanted.queryParameters())))
                .toList();
        if (!unknown.isEmpty()) {
            request.abortWith(ProblemMapper.problem(new ValidationException(unknown)).toResponse());
        } else if (wanted.body() && request.getMediaType() == null) {
            request.abortWith(Problem.of(415, "Unsupported Media Type",
                    "Send the request body as application/json, with a Content-Type header saying so").toResponse());
        }
    }

    static Reads reads(Method method) {
        Set<String> names = new TreeSet<>();
        boolean body = false;
        for (Annotation[] annotations : method.getParameterAnnotations()) {
            Arrays.stream(annotations).filter(QueryParam.class::isInstance)
                    .forEach(a -> names.add(((QueryParam) a).value()));
            body |= Arrays.stream(annotations).noneMatch(a -> NOT_THE_BODY.contains(a.annotationType()));
        }
        return new Reads(names, body);
    }
}
