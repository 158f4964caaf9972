package se.samverkan.routes.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import se.samverkan.api.model.Activity;
import se.samverkan.api.model.ActivityCategory;
import se.samverkan.api.model.FocusArea;
import se.samverkan.api.model.Municipality;
import se.samverkan.api.model.Occurrence;
import se.samverkan.api.model.OccurrenceStatus;
import se.samverkan.api.service.ActivityService;
import se.samverkan.api.testing.InMemoryServices;
import se.samverkan.routes.ImportResult;
import se.samverkan.routes.ImportResult.Outcome;
import se.samverkan.routes.SamverkanEndpoints;
import se.samverkan.routes.ServiceUnavailableException;

/** A real CamelContext, a route ending in samverkan:activities, and the in-memory services behind it. */
class SamverkanEndpointTest {

    private static final OffsetDateTime START = OffsetDateTime.parse("2026-09-07T18:00+02:00");

    private final InMemoryServices services = new InMemoryServices();
    private RoutesHost host;

    private ProducerTemplate start(Supplier<ActivityService> activities, RouteBuilder route) throws Exception {
        host = new RoutesHost(new DefaultCamelContext(), activities);
        host.start();
        host.add("test", route);
        return host.context().createProducerTemplate();
    }

    private ProducerTemplate start() throws Exception {
        services.municipalities.seed(new Municipality("1880", "Örebro", "Örebro län", null, true));
        return start(() -> services.activities, new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:import").routeId("course-import").to(SamverkanEndpoints.ACTIVITIES);
            }
        });
    }

    @AfterEach
    void stop() {
        if (host != null) {
            host.stop();
        }
    }

    @Test
    void storesGoodActivitiesAndReportsEachRecordWithoutStoppingAtABadOne() throws Exception {
        ProducerTemplate template = start();
        Activity existing = course("sprakcafe-orebro", "Språkcafé", 20);
        Activity same = course("stickcafe-orebro", "Stickcafé", 10);
        services.activities.seed(existing, same);

        Activity renamed = course("sprakcafe-orebro", "Språkcafé på biblioteket", 20);
        Activity noTitle = course("utan-titel", " ", 10);
        Activity wrongMunicipality = new Activity("fel-kommun", Map.of("sv", "Kurs"), null, ActivityCategory.LECTURE,
                FocusArea.SOCIAL, null, null, "9999", null, null, null, null, null, null, List.of());
        Activity created = course("datorkurs-orebro", "Datorkurs", 8);

        Exchange done = template.request("direct:import", e -> e.getIn().setBody(
                List.of(renamed, noTitle, same, wrongMunicipality, created)));

        assertNull(done.getException());
        @SuppressWarnings("unchecked")
        List<ImportResult> results = done.getMessage().getBody(List.class);
        assertEquals(List.of(Outcome.UPDATED, Outcome.REFUSED, Outcome.UNCHANGED, Outcome.REFUSED, Outcome.CREATED),
                results.stream().map(ImportResult::outcome).toList());
        assertEquals("utan-titel", results.get(1).id());
        assertTrue(results.get(1).reason().contains("title.sv"), results.get(1).reason());
        assertTrue(results.get(3).reason().contains("municipalityCode"), results.get(3).reason());
        assertEquals(1, done.getMessage().getHeader(SamverkanEndpoints.CREATED));
        assertEquals(1, done.getMessage().getHeader(SamverkanEndpoints.UPDATED));
        assertEquals(1, done.getMessage().getHeader(SamverkanEndpoints.UNCHANGED));
        assertEquals(2, done.getMessage().getHeader(SamverkanEndpoints.REFUSED));

        assertEquals("Språkcafé på biblioteket", services.activities.get("sprakcafe-orebro").title().get("sv"));
        assertEquals(created, services.activities.get("datorkurs-orebro"));
        assertEquals(List.of("datorkurs-orebro", "sprakcafe-orebro", "stickcafe-orebro"),
                services.activities.list().stream().map(Activity::id).toList());
    }

    @Test
    void takesJsonOfOneActivityOrOfAnArrayAndRefusesAnElementThatDoesNotFit() throws Exception {
        ProducerTemplate template = start();
        String one = "{\"id\":\"simkurs-orebro\",\"title\":{\"sv\":\"Simkurs\",\"ar\":\"دورة سباحة\"},"
                + "\"category\":\"SWIMMING\",\"focusArea\":\"HEALTH\",\"languages\":[\"sv\",\"ar\"],"
                + "\"municipalityCode\":\"1880\",\"occurrences\":[{\"start\":\"2026-09-07T18:00:00+02:00\","
                + "\"end\":\"2026-09-07T19:00:00+02:00\"}]}";
        ImportResult single = results(template.requestBody("direct:import", one)).get(0);
        assertEquals(new ImportResult("simkurs-orebro", Outcome.CREATED, null), single);
        assertEquals(START.toInstant(), services.activities.get("simkurs-orebro").occurrences().get(0).start().toInstant());

        String misspelt = "{\"id\":\"cykelkurs-orebro\",\"titel\":{\"sv\":\"Cykelkurs\"}}";
        List<ImportResult> array = results(template.requestBody("direct:import",
                ("[" + one + "," + misspelt + "]").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(Outcome.UNCHANGED, array.get(0).outcome());
        assertEquals("cykelkurs-orebro", array.get(1).id());
        assertEquals(Outcome.REFUSED, array.get(1).outcome());
        assertTrue(array.get(1).reason().contains("titel"), array.get(1).reason());
        assertTrue(services.activities.find("cykelkurs-orebro").isEmpty());
    }

    @Test
    void aBodyThatIsNoActivityFailsTheExchange() throws Exception {
        ProducerTemplate template = start();
        CamelExecutionException notJson = assertThrows(CamelExecutionException.class,
                () -> template.requestBody("direct:import", "kurs;titel;datum"));
        assertInstanceOf(InvalidPayloadException.class, notJson.getCause());
        CamelExecutionException empty = assertThrows(CamelExecutionException.class,
                () -> template.requestBody("direct:import", (Object) null));
        assertInstanceOf(InvalidPayloadException.class, empty.getCause());
        assertEquals(0, services.activities.count());
    }

    @Test
    void failsTheExchangeWhileStorageIsAwaySoTheErrorHandlerRetries() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        services.municipalities.seed(new Municipality("1880", "Örebro", "Örebro län", null, true));
        // No service the first two times it is asked, as while storage restarts.
        ProducerTemplate template = start(() -> asked.incrementAndGet() <= 2 ? null : services.activities,
                new RouteBuilder() {
                    @Override
                    public void configure() {
                        onException(ServiceUnavailableException.class).maximumRedeliveries(3).redeliveryDelay(10);
                        from("direct:retried").to(SamverkanEndpoints.ACTIVITIES);
                        from("direct:unretried").errorHandler(noErrorHandler()).to(SamverkanEndpoints.ACTIVITIES);
                    }
                });
        List<ImportResult> results = results(template.requestBody("direct:retried", course("syfest-orebro", "Syfest", 5)));
        assertEquals(Outcome.CREATED, results.get(0).outcome());
        assertEquals(3, asked.get());

        asked.set(0);
        CamelExecutionException failed = assertThrows(CamelExecutionException.class,
                () -> template.requestBody("direct:unretried", course("syfest-orebro", "Syfest", 5)));
        assertInstanceOf(ServiceUnavailableException.class, failed.getCause());
    }

    @Test
    void occurrencesKeepTheirIdsWhenAnImportChangesThem() throws Exception {
        ProducerTemplate template = start();
        Occurrence stored = new Occurrence(41L, START, START.plusHours(1), OccurrenceStatus.SCHEDULED);
        Activity before = withOccurrences(course("sprakcafe-orebro", "Språkcafé", 20), List.of(stored));
        services.activities.seed(before);

        // The same occurrence in another offset and without its id: nothing to write.
        Occurrence sameInUtc = new Occurrence(null, START.withOffsetSameInstant(java.time.ZoneOffset.UTC),
                START.plusHours(1).withOffsetSameInstant(java.time.ZoneOffset.UTC), null);
        assertEquals(Outcome.UNCHANGED, results(template.requestBody("direct:import",
                withOccurrences(before, List.of(sameInUtc)))).get(0).outcome());

        Occurrence longer = new Occurrence(null, START, START.plusHours(2), OccurrenceStatus.SCHEDULED);
        assertEquals(Outcome.UPDATED, results(template.requestBody("direct:import",
                withOccurrences(before, List.of(longer)))).get(0).outcome());
        Occurrence after = services.activities.get("sprakcafe-orebro").occurrences().get(0);
        assertEquals(41L, after.id());
        assertEquals(START.plusHours(2), after.end());
    }

    @Test
    void anUnknownRecordKindIsRefusedWhenTheRouteIsAdded() throws Exception {
        start();
        assertThrows(Exception.class, () -> host.add("venues", new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:venues").to("samverkan:venues");
            }
        }));
    }

    @Test
    void routesWriteAsACallerNamedAfterThemselves() {
        assertEquals("route:course-import", ActivityImport.callerFor("course-import").user());
        assertEquals(100, ActivityImport.callerFor("x".repeat(200)).user().length());
        assertEquals("system", ActivityImport.callerFor(null).user());
    }

    @SuppressWarnings("unchecked")
    private static List<ImportResult> results(Object body) {
        return (List<ImportResult>) body;
    }

    private static Activity course(String id, String title, int capacity) {
        return new Activity(id, Map.of("sv", title), Map.of(), ActivityCategory.CULTURE_MEETING, FocusArea.SOCIAL,
                Set.of("newcomers"), Set.of("sv"), "1880", List.of(), null, null, null, capacity, BigDecimal.ZERO,
                List.of());
    }

    private static Activity withOccurrences(Activity a, List<Occurrence> occurrences) {
        return new Activity(a.id(), a.title(), a.description(), a.category(), a.focusArea(), a.targetGroups(),
                a.languages(), a.municipalityCode(), a.organiserIds(), a.agreementId(), a.programmeId(), a.venueId(),
                a.capacity(), a.costSek(), occurrences);
    }
}
