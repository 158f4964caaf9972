package se.samverkan.rest.internal;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.CacheControl;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.EntityTag;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;
import javax.ws.rs.core.UriInfo;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import se.samverkan.api.model.Activity;
import se.samverkan.api.model.ActivityCategory;
import se.samverkan.api.service.ActivityQuery;
import se.samverkan.api.service.ActivityService;
import se.samverkan.api.service.Page;
import se.samverkan.api.util.Sha256;
import se.samverkan.calendar.ICalendarExport;
import se.samverkan.rest.spi.Params;
import se.samverkan.rest.spi.RestResource;

/**
 * Subscribable iCalendar feeds of the public activities, filtered by municipality, organisation, category and
 * language (combinable), e.g. {@code /api/v1/calendar.ics?municipality=1471&language=ar}. Calendar apps poll:
 * the ETag (If-None-Match) or Last-Modified (If-Modified-Since) lets an unchanged feed cost them a 304, and
 * Cache-Control keeps them from polling too often.
 */
@Component(service = CalendarResource.class)
@RestResource
@Path("calendar.ics")
@Tag(name = "Calendar", description = "Subscribable iCalendar feeds of the public activities")
public class CalendarResource {

    static final String TEXT_CALENDAR = "text/calendar; charset=utf-8";
    /** Occurrences from this many days back are still published, so a subscriber sees what just happened. */
    private static final int PAST_DAYS = 30;
    private static final int MAX_AGE_SECONDS = 900;

    private final ActivityService activities;
    private final Versions versions = new Versions();

    @Context
    private UriInfo uri;

    @Activate
    public CalendarResource(@Reference ActivityService activities) {
        this.activities = activities;
    }

    @GET
    @Produces(TEXT_CALENDAR)
    @Operation(summary = "Subscribable iCalendar feed (RFC 5545) of the activities, filters combinable; occurrences "
            + "from " + PAST_DAYS + " days back on")
    @ApiResponse(responseCode = "200", description = "The calendar", headers = {
        @Header(name = "ETag", description = "Changes when the calendar's content does"),
        @Header(name = "Last-Modified", description = "When the calendar got this content"),
        @Header(name = "Cache-Control", description = "max-age=" + MAX_AGE_SECONDS)})
    @ApiResponse(responseCode = "304", description = "Not modified since the tag or date the client sent")
    @ApiResponse(responseCode = "400", description = "A parameter is not valid: errors name it")
    public Response feed(@Parameter(description = "SCB municipality code") @QueryParam("municipality") String municipality,
                         @Parameter(description = "Organisation id") @QueryParam("organisation") String organisation,
                         @Parameter(description = "An ActivityCategory") @QueryParam("category") String category,
                         @Parameter(description = "ISO 639 language code; titles in it where there is one")
                         @QueryParam("language") String language,
                         @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
                         @HeaderParam(HttpHeaders.IF_MODIFIED_SINCE) String ifModifiedSince) {
        String lang = Params.languageCode(language);
        ActivityCategory kind = Params.enumValue(ActivityCategory.class, "category", category);
        List<Activity> selected = new ArrayList<>();
        Page<Activity> page;
        int offset = 0;
        do {
            page = activities.search(new ActivityQuery(blankToNull(municipality), kind, null, lang, null,
                    LocalDate.now(Activity.ZONE).minusDays(PAST_DAYS), null, null, offset, ActivityQuery.MAX_LIMIT,
                    blankToNull(organisation)));
            selected.addAll(page.items());
            offset += ActivityQuery.MAX_LIMIT;
        } while (page.hasMore());
        // The tag is taken from what goes into the feed, so an unchanged feed answers 304 without being written.
        String name = name(municipality, organisation, kind, lang);
        URI links = uri == null ? null : uri.getBaseUriBuilder().path("activities").build();
        // Hashed record by record: the text of a whole large feed would hold hundreds of megabytes at once.
        MessageDigest content = Sha256.digest();
        content.update((name + '\n' + lang + '\n' + links).getBytes(StandardCharsets.UTF_8));
        selected.forEach(a -> content.update(("\n" + a).getBytes(StandardCharsets.UTF_8)));
        EntityTag etag = new EntityTag(Sha256.hex(content).substring(0, 32));
        Date lastModified = Date.from(versions.since(name + '\n' + lang + '\n' + links, etag.getValue()));
        CacheControl cache = new CacheControl();
        cache.setMaxAge(MAX_AGE_SECONDS);
        // If-None-Match decides when it is sent; If-Modified-Since is for clients that send no tag (RFC 9110 13.2.2).
        boolean unchanged = ifNoneMatch != null
                ? ifNoneMatch.contains("\"" + etag.getValue() + "\"") || ifNoneMatch.equals("*")
                : notModifiedSince(ifModifiedSince, lastModified);
        if (unchanged) {
            return Response.notModified(etag).lastModified(lastModified).cacheControl(cache).build();
        }
        // Subscribers who chose a language read titles in it where there is one.
        StreamingOutput body = out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            ICalendarExport.write(writer, name, selected, links, lang == null ? "sv" : lang);
            writer.flush();
        };
        return Response.ok(body, TEXT_CALENDAR).tag(etag).lastModified(lastModified).cacheControl(cache)
                .header("Content-Disposition", "inline; filename=\"samverkan.ics\"").build();
    }

    /** An If-Modified-Since that cannot be read is left out, as RFC 9110 asks. */
    static boolean notModifiedSince(String ifModifiedSince, Date lastModified) {
        if (ifModifiedSince == null) {
            return false;
        }
        try {
            Instant since = ZonedDateTime.parse(ifModifiedSince.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return !lastModified.toInstant().isAfter(since);
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /**
     * When each calendar (a combination of filters) got the content it has now: its Last-Modified. The content's
     * tag tells whether it changed, whatever changed it (an edit, an activity leaving the filter, the 30-day window
     * moving on). Kept in memory for the most recently asked calendars: after a restart, or for a calendar not asked
     * for a while, the content counts as new from then, which costs a client one full answer, never a stale one.
     */
    static final class Versions {

        private static final int CALENDARS = 1000;

        private record Version(String tag, Instant since) {
        }

        private final Map<String, Version> current = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Version> eldest) {
                return size() > CALENDARS;
            }
        };

        /**
         * When the calendar got the content with this tag. HTTP dates have whole seconds, so a new content is dated
         * at least a second after the one before it: a client holding that one must not be told it is current.
         */
        synchronized Instant since(String calendar, String tag) {
            Version version = current.get(calendar);
            if (version == null || !version.tag().equals(tag)) {
                Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
                Instant since = version == null || now.isAfter(version.since()) ? now : version.since().plusSeconds(1);
                version = new Version(tag, since);
                current.put(calendar, version);
            }
            return version.since();
        }
    }

    /** The calendar's name in subscribers' apps, e.g. "Samverkan: 1471, ar". */
    private static String name(String municipality, String organisation, ActivityCategory category, String language) {
        StringJoiner parts = new StringJoiner(", ");
        for (Object f : new Object[]{blankToNull(municipality), blankToNull(organisation), category, language}) {
            if (f != null) {
                parts.add(f.toString().toLowerCase());
            }
        }
        return parts.length() == 0 ? "Samverkan" : "Samverkan: " + parts;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
