package se.samverkan.rest.internal;

import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.cxf.jaxrs.model.ClassResourceInfo;
import org.apache.cxf.jaxrs.openapi.OpenApiCustomizer;
import org.apache.cxf.jaxrs.openapi.OpenApiFeature;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.jaxrs2.integration.JaxrsApplicationScanner;
import io.swagger.v3.oas.integration.OpenApiContextLocator;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import se.samverkan.rest.spi.CrudResource;
import se.samverkan.rest.spi.Problem;

/**
 * The OpenAPI description as CXF generates it from the resources' annotations, completed with what holds for every
 * operation and so is said once here: which need credentials (as {@link Authenticator} decides), that errors are
 * problem+json, the record schemas of the {@link CrudResource}s (their methods are generic), and the description's
 * own URLs. Contributed resources get the same.
 */
final class ApiDescription extends OpenApiCustomizer {

    static final String BASIC = "basic";

    private static final System.Logger LOG = System.getLogger(ApiDescription.class.getName());
    private static final Info INFO = new Info().title("Samverkan API").version("1").description("Municipalities and "
            + "civil-society partners' integration work: municipalities, partner organisations, agreements (IOP, "
            + "grants, ESF/AMIF projects), programmes, venues and activities.\n\nReads are open. Writes and "
            + "administration need HTTP Basic credentials of a user with the role admin, coordinator (with "
            + "municipality:CODE; writes only that municipality's records) or partner (with organisation:ID; writes "
            + "only that organisation's records). Errors are application/problem+json (RFC 7807). Times are ISO 8601 "
            + "and shown in Europe/Stockholm.");

    /** The ids of the OpenAPI descriptions swagger holds now. */
    static Set<String> contextIds() {
        return Set.copyOf(contexts().keySet());
    }

    /**
     * Drops these descriptions from swagger's registry. It keeps every description built, for good, and each build
     * of the API makes one (with the resource classes it names, of bundles that may be gone since); swagger offers
     * no removal, so its map is reached by reflection. Should that fail, the descriptions stay, as they did before.
     */
    static void forget(Set<String> ids) {
        contexts().keySet().removeAll(ids);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> contexts() {
        try {
            Field map = OpenApiContextLocator.class.getDeclaredField("map");
            map.setAccessible(true);
            return (Map<String, ?>) map.get(OpenApiContextLocator.getInstance());
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "Swagger's registry of descriptions cannot be read", e);
            return new HashMap<>();
        }
    }

    /** CXF's OpenAPI feature for one build of the API, with this customizer. */
    static OpenApiFeature feature() {
        OpenApiFeature feature = new OpenApiFeature();
        // Scanning class paths does not work across bundles: the server's own resource classes are read instead.
        feature.setScan(false);
        feature.setScanKnownConfigLocations(false);
        // Nor may swagger look for resources on the class path: it describes exactly the server's resources.
        feature.setScannerClass(JaxrsApplicationScanner.class.getName());
        // A context per build: the API is rebuilt as resources come and go, and each build describes its own.
        feature.setUseContextBasedConfig(true);
        // Swagger UI is served from this bundle at /api/docs/ (ApiDocs).
        feature.setSupportSwaggerUi(false);
        feature.setSecurityDefinitions(Map.of(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                .description("A user of the JAAS realm (etc/users.properties) with a Samverkan role")));
        ApiDescription customizer = new ApiDescription();
        customizer.setDynamicBasePath(true);
        feature.setCustomizer(customizer);
        return feature;
    }

    /** Called for every request of the document, on the same cached description: each step replaces, never adds twice. */
    @Override
    public synchronized void customize(OpenAPI oas) {
        super.customize(oas);
        oas.setInfo(INFO);
        if (oas.getComponents() == null) {
            oas.setComponents(new Components());
        }
        Schema<?> problem = schema(oas, Problem.class);
        oas.getPaths().values().forEach(item -> item.readOperations().forEach(ApiDescription::successIsNotDefault));
        for (ClassResourceInfo cri : cris) {
            Class<?> record = recordType(cri.getServiceClass());
            if (record != null) {
                describeRecords(oas, cri.getURITemplate().getValue(), schema(oas, record));
            }
        }
        for (String type : List.of("json", "yaml")) {
            oas.path("/openapi." + type, new PathItem().get(new Operation().addTagsItem("Platform")
                    .summary("This description (OpenAPI 3), generated from the resources served now")
                    .responses(new ApiResponses().addApiResponse("200", new ApiResponse().description("The description")
                            .content(new Content().addMediaType("application/" + type, new MediaType()))))));
        }
        oas.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            operation.setResponses(responses);
            if (!Authenticator.anonymous(method.name(), path)) {
                operation.setSecurity(List.of(new SecurityRequirement().addList(BASIC)));
                responses.computeIfAbsent("401", code -> new ApiResponse()
                        .description("No credentials, or wrong ones; or too many failed logins (429)"));
            }
            responses.put("default", new ApiResponse().description("An error: any status the API answers with, "
                    + "as problem+json"));
            responses.forEach((code, response) -> {
                if ((code.equals("default") || code.compareTo("400") >= 0) && response.getContent() == null) {
                    response.setContent(new Content().addMediaType(Problem.MEDIA_TYPE_NAME,
                            new MediaType().schema(problem)));
                }
            });
        }));
    }

    /**
     * Swagger gives an operation without {@code @ApiResponse} its answer as "default"; here "default" is the
     * error, and that answer is 200.
     */
    private static void successIsNotDefault(Operation operation) {
        ApiResponses responses = operation.getResponses();
        ApiResponse answer = responses == null ? null : responses.get("default");
        if (answer != null && responses.keySet().stream().noneMatch(code -> code.startsWith("2"))) {
            responses.remove("default");
            responses.put("200", answer.description("OK"));
        }
    }

    /** A {@link CrudResource}'s operations answer with its record, which the generic methods do not say. */
    private static void describeRecords(OpenAPI oas, String base, Schema<?> record) {
        PathItem all = oas.getPaths().get(base);
        PathItem one = oas.getPaths().get(base + "/{id}");
        answer(all == null ? null : all.getGet(), "200", new ArraySchema().items(record));
        answer(all == null ? null : all.getPost(), "201", record);
        answer(one == null ? null : one.getGet(), "200", record);
        answer(one == null ? null : one.getPut(), "200", record);
    }

    private static void answer(Operation operation, String code, Schema<?> schema) {
        ApiResponse response = operation == null || operation.getResponses() == null ? null
                : operation.getResponses().get(code);
        if (response != null) {
            response.setContent(new Content().addMediaType(javax.ws.rs.core.MediaType.APPLICATION_JSON,
                    new MediaType().schema(schema)));
        }
    }

    /** A reference to the type's schema, which is added to the components with those it refers to. */
    private static Schema<?> schema(OpenAPI oas, Class<?> type) {
        ResolvedSchema resolved = ModelConverters.getInstance().readAllAsResolvedSchema(type);
        resolved.referencedSchemas.forEach(oas.getComponents()::addSchemas);
        return new Schema<>().$ref(resolved.schema.getName());
    }

    /** The record type T of a {@code CrudResource<T>} subclass (directly or through generic classes), or null. */
    static Class<?> recordType(Class<?> resource) {
        Map<TypeVariable<?>, Type> bound = new HashMap<>();
        for (Class<?> c = resource; c != null; c = c.getSuperclass()) {
            if (c.getGenericSuperclass() instanceof ParameterizedType parent) {
                Class<?> raw = (Class<?>) parent.getRawType();
                Type[] arguments = parent.getActualTypeArguments();
                for (int i = 0; i < arguments.length; i++) {
                    bound.put(raw.getTypeParameters()[i], arguments[i] instanceof TypeVariable<?> v
                            ? bound.getOrDefault(v, v) : arguments[i]);
                }
                if (raw == CrudResource.class) {
                    return bound.get(raw.getTypeParameters()[0]) instanceof Class<?> record ? record : null;
                }
            }
        }
        return null;
    }
}
