package se.samverkan.rest.internal;

import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.QueryParam;

import se.samverkan.api.model.AccessibilityFeature;
import se.samverkan.api.model.Activity;
import se.samverkan.api.model.ActivityCategory;
import se.samverkan.api.model.FocusArea;
import se.samverkan.api.service.ActivityQuery;
import se.samverkan.api.service.ActivityService;
import se.samverkan.api.service.Page;

@Path("activities")
public class ActivityResource extends CrudResource<Activity> {

    private final ActivityService activities;

    public ActivityResource(ActivityService activities) {
        super(activities, Activity::id);
        this.activities = activities;
    }

    /** Public search, paged: activities are too many to list whole. */
    @GET
    public Page<Activity> search(@QueryParam("municipality") String municipality,
                                 @QueryParam("category") String category,
                                 @QueryParam("focusArea") String focusArea,
                                 @QueryParam("language") String language,
                                 @QueryParam("accessibility") String accessibility,
                                 @QueryParam("from") String from,
                                 @QueryParam("to") String to,
                                 @QueryParam("q") String text,
                                 @QueryParam("offset") @DefaultValue("0") String offset,
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
