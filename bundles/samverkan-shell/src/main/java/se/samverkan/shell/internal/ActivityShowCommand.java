package se.samverkan.shell.internal;

import java.io.PrintStream;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import se.samverkan.api.model.Activity;
import se.samverkan.api.model.Agreement;
import se.samverkan.api.model.Municipality;
import se.samverkan.api.model.Occurrence;
import se.samverkan.api.model.Organisation;
import se.samverkan.api.model.Programme;
import se.samverkan.api.model.Venue;
import se.samverkan.api.service.ActivityService;
import se.samverkan.api.service.AgreementService;
import se.samverkan.api.service.EntityService;
import se.samverkan.api.service.MunicipalityService;
import se.samverkan.api.service.OrganisationService;
import se.samverkan.api.service.ProgrammeService;
import se.samverkan.api.service.VenueService;
import se.samverkan.shell.Completers;
import se.samverkan.shell.Details;
import se.samverkan.shell.Formats;
import se.samverkan.shell.Occurrences;
import se.samverkan.shell.SamverkanCommand;
import se.samverkan.shell.Tables;

@Service
@Command(scope = "samverkan", name = "activity-show", description = "Shows one activity in full, with its occurrences.")
public class ActivityShowCommand extends SamverkanCommand {

    /** Swedish first: it is the one language every activity has. */
    private static final Comparator<String> SWEDISH_FIRST =
            Comparator.comparing((String language) -> !"sv".equals(language)).thenComparing(Comparator.naturalOrder());

    @Argument(name = "id", required = true, description = "The activity's id")
    @Completion(Completers.ActivityIds.class)
    String id;

    @Reference
    ActivityService activities;

    @Reference
    MunicipalityService municipalities;

    @Reference
    OrganisationService organisations;

    @Reference
    AgreementService agreements;

    @Reference
    ProgrammeService programmes;

    @Reference
    VenueService venues;

    @Override
    protected void print(PrintStream out) {
        Activity activity = activities.get(id);
        Details details = new Details().add("ID", activity.id());
        texts(activity.title()).forEach(t -> details.add("Title [" + t.getKey() + "]", t.getValue()));
        texts(activity.description()).forEach(t -> details.add("Description [" + t.getKey() + "]", t.getValue()));
        Optional<Venue> venue = find(venues, activity.venueId());
        List<Occurrence> occurrences = activity.occurrences() == null ? List.of() : activity.occurrences();
        details.add("Category", Formats.label(activity.category()))
                .add("Focus area", Formats.label(activity.focusArea()))
                .add("Target groups", Formats.join(activity.targetGroups()))
                .add("Languages", Formats.join(activity.languages()))
                .add("Municipality", named(activity.municipalityCode(),
                        find(municipalities, activity.municipalityCode()).map(Municipality::name)))
                .add("Organisers", organisers(activity))
                .add("Agreement", named(activity.agreementId(),
                        find(agreements, activity.agreementId()).map(Agreement::title)))
                .add("Programme", named(activity.programmeId(),
                        find(programmes, activity.programmeId()).map(Programme::name)))
                .add("Venue", named(activity.venueId(), venue.map(ActivityShowCommand::place)))
                .add("Accessibility", venue.map(ActivityShowCommand::accessibility).orElse(""))
                .add("Capacity", activity.capacity())
                .add("Cost", Formats.sek(activity.costSek()))
                .add("Next occurrence", Occurrences.next(occurrences, Instant.now())
                        .map(o -> Formats.dateTime(o.start())).orElse(""))
                .print(out);
        out.println();
        out.println("Occurrences (Europe/Stockholm)");
        Tables.occurrences(occurrences.stream().sorted(Comparator.comparing(Occurrence::start)).toList()).print(out);
    }

    private String organisers(Activity activity) {
        return activity.organiserIds() == null ? "" : activity.organiserIds().stream()
                .map(organiser -> named(organiser, find(organisations, organiser).map(Organisation::name)))
                .collect(Collectors.joining(", "));
    }

    private static String place(Venue venue) {
        return venue.address() == null ? venue.name() : venue.name() + ", " + venue.address();
    }

    private static String accessibility(Venue venue) {
        return venue.accessibility() == null ? ""
                : venue.accessibility().stream().map(Formats::label).sorted().collect(Collectors.joining(", "));
    }

    private static List<Map.Entry<String, String>> texts(Map<String, String> byLanguage) {
        return byLanguage == null ? List.of()
                : byLanguage.entrySet().stream().sorted(Map.Entry.comparingByKey(SWEDISH_FIRST)).toList();
    }

    /** A missing reference is shown, not skipped: the id tells an administrator what to repair. */
    private static String named(String id, Optional<String> name) {
        if (id == null) {
            return "";
        }
        return id + " (" + name.orElse("not found") + ")";
    }

    private static <T> Optional<T> find(EntityService<T> service, String id) {
        return id == null ? Optional.empty() : service.find(id);
    }
}
