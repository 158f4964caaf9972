package se.samverkan.demodata.internal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import se.samverkan.api.model.Activity;
import se.samverkan.api.model.Agreement;
import se.samverkan.api.model.Municipality;
import se.samverkan.api.model.Organisation;
import se.samverkan.api.model.Programme;
import se.samverkan.api.model.Venue;
import se.samverkan.api.security.Caller;
import se.samverkan.api.service.ActivityService;
import se.samverkan.api.service.AgreementService;
import se.samverkan.api.service.EntityService;
import se.samverkan.api.service.MunicipalityService;
import se.samverkan.api.service.OrganisationService;
import se.samverkan.api.service.ProgrammeService;
import se.samverkan.api.service.SamverkanException;
import se.samverkan.api.service.VenueService;

/**
 * Loads the bundled demo data through the services when all of them are available. Records that already
 * exist are left alone, so restarts and reinstalls create nothing twice and never overwrite edits.
 */
@Component(immediate = true)
public class DemoDataLoader {

    private static final Logger LOG = System.getLogger(DemoDataLoader.class.getName());

    /** What one load did; failures are "kind id: reason". */
    record Summary(int created, int present, List<String> failures) {
    }

    private final MunicipalityService municipalities;
    private final OrganisationService organisations;
    private final VenueService venues;
    private final AgreementService agreements;
    private final ProgrammeService programmes;
    private final ActivityService activities;

    @Activate
    public DemoDataLoader(@Reference(name = "municipalities") MunicipalityService municipalities,
                          @Reference(name = "organisations") OrganisationService organisations,
                          @Reference(name = "venues") VenueService venues,
                          @Reference(name = "agreements") AgreementService agreements,
                          @Reference(name = "programmes") ProgrammeService programmes,
                          @Reference(name = "activities") ActivityService activities) {
        this.municipalities = municipalities;
        this.organisations = organisations;
        this.venues = venues;
        this.agreements = agreements;
        this.programmes = programmes;
        this.activities = activities;
    }

    @Activate
    void activate() throws IOException {
        DemoData data;
        try (InputStream in = Objects.requireNonNull(DemoData.class.getResourceAsStream(DemoData.RESOURCE),
                DemoData.RESOURCE + " is missing from the bundle")) {
            data = DemoData.parse(in, LocalDate.now(Activity.ZONE));
        }
        Summary summary = load(data);
        summary.failures().forEach(f -> LOG.log(Level.WARNING, "Demo data: not loaded: " + f));
        LOG.log(Level.INFO, "Demo data: " + summary.created() + " records created, " + summary.present()
                + " already present" + (summary.failures().isEmpty() ? "" : ", " + summary.failures().size()
                + " failed"));
    }

    /** Creates what is missing, parents before the records that refer to them. */
    Summary load(DemoData data) {
        Tally tally = new Tally();
        tally.load(municipalities, data.municipalities(), Municipality::code);
        tally.load(organisations, data.organisations(), Organisation::id);
        tally.load(venues, data.venues(), Venue::id);
        tally.load(agreements, data.agreements(), Agreement::id);
        tally.load(programmes, data.programmes(), Programme::id);
        tally.load(activities, data.activities(), Activity::id);
        return new Summary(tally.created, tally.present, List.copyOf(tally.failures));
    }

    private static final class Tally {
        private int created;
        private int present;
        private final List<String> failures = new ArrayList<>();

        <T> void load(EntityService<T> service, List<T> records, Function<T, String> idOf) {
            for (T record : records) {
                String id = idOf.apply(record);
                // A missing id is left to create(), whose validation names the problem.
                if (id != null && service.find(id).isPresent()) {
                    present++;
                    continue;
                }
                try {
                    service.create(Caller.SYSTEM, record);
                    created++;
                } catch (SamverkanException e) {
                    // Invalid data or a dangling reference: report it and go on with the rest. Anything else
                    // means the platform itself is broken, and fails the activation.
                    failures.add(service.kind() + " " + id + ": " + e.getMessage());
                }
            }
        }
    }
}
