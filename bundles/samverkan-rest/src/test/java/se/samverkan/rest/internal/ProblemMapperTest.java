package se.samverkan.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import javax.ws.rs.NotFoundException;
import javax.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

import se.samverkan.api.json.Json;
import se.samverkan.api.model.Activity;
import se.samverkan.api.model.ActivityCategory;
import se.samverkan.api.service.AccessDeniedException;
import se.samverkan.api.service.ValidationException;
import se.samverkan.rest.spi.CrudResource;
import se.samverkan.rest.spi.Params;
import se.samverkan.rest.spi.Problem;

class ProblemMapperTest {

    @Test
    void validationNamesTheFields() {
        Problem p = ProblemMapper.problem(new ValidationException(List.of(
                new ValidationException.FieldError("organisationNumber", "check digit does not match"))));
        assertEquals(400, p.status());
        assertEquals("organisationNumber: check digit does not match", p.detail());
        assertEquals("organisationNumber", p.errors().get(0).field());
    }

    @Test
    void ourErrorsKeepTheirStatus() {
        Response r = new ProblemMapper().toResponse(new AccessDeniedException("User 'anna' may not change venue 'x'"));
        assertEquals(403, r.getStatus());
        assertEquals(Problem.MEDIA_TYPE, r.getMediaType());
        assertEquals("User 'anna' may not change venue 'x'", ((Problem) r.getEntity()).detail());
    }

    @Test
    void badJsonIsA400NamingTheField() {
        InvalidFormatException e = assertThrows(InvalidFormatException.class, () -> Json.mapper()
                .readValue("{\"id\":\"x\",\"category\":\"SWIM\"}", Activity.class));
        Problem p = ProblemMapper.problem(e);
        assertEquals(400, p.status());
        assertTrue(p.detail().startsWith("The request body is not valid at 'category'"), p.detail());
    }

    @Test
    void unknownPathsAndCrashesAreProblemsToo() {
        assertEquals(404, ProblemMapper.problem(new NotFoundException()).status());
        Problem crash = ProblemMapper.problem(new IllegalStateException("secret internals"));
        assertEquals(500, crash.status());
        assertTrue(!crash.detail().contains("secret"), crash.detail());
    }

    @Test
    void aBodyOverTheLimitIsA413EvenWhenTheJsonReaderWrappedIt() {
        Problem tooLarge = Problem.of(413, "Payload Too Large", "A request body may have at most 10 bytes");
        JsonMappingException wrapped = new JsonMappingException(null, "while reading",
                new BodyLimit.TooLarge(tooLarge));
        assertEquals(tooLarge, ProblemMapper.problem(wrapped));
        Response r = new ProblemMapper().toResponse(wrapped);
        assertEquals(413, r.getStatus());
        assertEquals("close", r.getHeaderString("Connection"), "the rest of the body is not read");
    }

    @Test
    void aClientThatWentAwayIsNoServerErrorAndGetsNoBody() {
        // Jetty's EofException is an EOFException; a reset connection is an IOException saying so.
        Throwable closed = new IllegalStateException(new java.io.IOException(new java.io.EOFException()));
        assertTrue(ProblemMapper.clientWentAway(closed));
        assertTrue(ProblemMapper.clientWentAway(new java.io.IOException("Connection reset by peer")));
        assertTrue(!ProblemMapper.clientWentAway(new java.io.IOException("disk full")));
        Response r = new ProblemMapper().toResponse(closed);
        assertEquals(400, r.getStatus());
        assertEquals(null, r.getEntity());
    }

    @Test
    void requestRulesKnowWhatEachMethodReads() throws Exception {
        var search = ActivityResource.class.getMethod("search", String.class, String.class, String.class,
                String.class, String.class, String.class, String.class, String.class, String.class, String.class);
        var update = CrudResource.class.getMethod("update", String.class, String.class, Object.class);
        var health = HealthResource.class.getMethod("health");
        assertEquals("Reads[queryParameters=[accessibility, category, focusArea, from, language, limit, municipality, "
                + "offset, q, to], body=false]", RequestRules.reads(search).toString());
        assertEquals("Reads[queryParameters=[], body=true]", RequestRules.reads(update).toString());
        assertEquals("Reads[queryParameters=[], body=false]", RequestRules.reads(health).toString());
    }

    @Test
    void parametersAreParsedLenientlyInCaseAndStrictlyInValue() {
        assertEquals(ActivityCategory.SWIMMING, Params.enumValue(ActivityCategory.class, "category", "swimming"));
        assertEquals(ActivityCategory.CV_WRITING, Params.enumValue(ActivityCategory.class, "category", "cv-writing"));
        ValidationException e = assertThrows(ValidationException.class,
                () -> Params.enumValue(ActivityCategory.class, "category", "simning"));
        assertTrue(e.getMessage().startsWith("category: 'simning' is not one of [SWEDISH_LANGUAGE_PRACTICE"), e.getMessage());
        assertEquals(LocalDate.of(2026, 12, 1), Params.date("from", "2026-12-01"));
        assertEquals("ar", Params.languageCode(" AR "));
        assertEquals("to: '1/12' is not a date written yyyy-MM-dd",
                assertThrows(ValidationException.class, () -> Params.date("to", "1/12")).getMessage());
        assertEquals("limit: 'ten' is not a whole number",
                assertThrows(ValidationException.class, () -> Params.integer("limit", "ten")).getMessage());
    }
}
