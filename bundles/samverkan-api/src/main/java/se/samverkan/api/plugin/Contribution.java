package se.samverkan.api.plugin;

import java.util.List;

import se.samverkan.api.model.Activity;
import se.samverkan.api.model.Agreement;
import se.samverkan.api.model.Municipality;
import se.samverkan.api.model.Organisation;
import se.samverkan.api.model.Programme;
import se.samverkan.api.model.Venue;

/**
 * What a plugin brings. Records are matched by id, so contributing them again updates them in place and two
 * plugins naming the same organisation contribute to one record.
 */
public record Contribution(List<Municipality> municipalities, List<Organisation> organisations, List<Venue> venues,
                           List<Agreement> agreements, List<Programme> programmes, List<Activity> activities) {

    public Contribution {
        municipalities = copy(municipalities);
        organisations = copy(organisations);
        venues = copy(venues);
        agreements = copy(agreements);
        programmes = copy(programmes);
        activities = copy(activities);
    }

    private static <T> List<T> copy(List<T> records) {
        return records == null ? List.of() : List.copyOf(records);
    }
}
