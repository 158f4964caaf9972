package se.samverkan.rest.internal;

import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.QueryParam;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import se.samverkan.api.model.AccessibilityFeature;
import se.samverkan.api.model.Activity;
import se.samverkan.api.model.ActivityCategory;
import se.samverkan.api.model.FocusArea;
import se.samverkan.api.service.ActivityQuery;
import se.samverkan.api.service.ActivityService;
import se.samverkan.api.service.Page;
import se.samverkan.rest.spi.CrudResource;
import se.samverkan.rest.spi.Params;
import se.samverkan.rest.spi.RestResource;

@Component(service = ActivityResource.class)
@RestResource
@Path("activities")
@Tag(name = "Activity", description = "Activities of municipalities and partners, with their occurrences")
public class ActivityResource extends CrudResource<Activity> {

    private final ActivityService activities;

    @Activate
    public ActivityResource(@Reference ActivityService activities) {
        super(activities, Activity::id);
        this.activities = activities;
    }

    /** Public search, paged: activities are too many to list whole. */
    @GET
    @Operation(summary = "Search activities of active municipalities, ordered by id")
    @ApiResponse(responseCode = "200", description = "One page of the activities found")
    @ApiResponse(responseCode = "400", description = "A parameter is not valid: errors name it")
    public Page<Activity> search(@Parameter(description = "SCB municipality code") @QueryParam("municipality") String municipality,
                                 @Parameter(description = "An ActivityCategory") @QueryParam("category") String category,
                                 @Parameter(description = "A FocusArea") @QueryParam("focusArea") String focusArea,
                                 @Parameter(description = "ISO 639 language code") @QueryParam("language") String language,
                                 @Parameter(description = "An AccessibilityFeature") @QueryParam("accessibility") String accessibility,
                                 @Parameter(description = "Occurring on or after, yyyy-MM-dd") @QueryParam("from") String from,
                                 @Parameter(description = "Occurring on or before, yyyy-MM-dd") @QueryParam("to") String to,
                                 @Parameter(description = "Words that must all occur (as word prefixes) in the title or description") @QueryParam("q") String text,
                                 @QueryParam("offset") @DefaultValue("0") String offset,
                                 @Parameter(description = "Page size, at most " + ActivityQuery.MAX_LIMIT)
                                 @QueryParam("limit") @DefaultValue("20") String limit) {
        return activities.search(new ActivityQuery(blankToNull(municipality),
                Params.enumValue(ActivityCategory.class, "category", category),
                Params.enumValue(FocusArea.class, "focusArea", focusArea), Params.languageCode(language),
                Params.enumValue(AccessibilityFeature.class, "accessibility", accessibility),
                Params.date("from", from), Params.date("to", to), blankToNull(text),
                Params.integer("offset", offset), Params.integer("limit", limit)));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
