package se.samverkan.persistence.internal;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import se.samverkan.api.model.Activity;
import se.samverkan.api.model.ActivityCategory;
import se.samverkan.api.model.FocusArea;
import se.samverkan.api.model.Occurrence;
import se.samverkan.api.model.OccurrenceStatus;

/**
 * Every record service on one fresh in-memory Derby, wired as the container wires them; in the test-jar for the
 * concerns that build on the records.
 */
public class RecordServices implements AutoCloseable {

    public final DerbyDatabase db;
    public final SearchIndex index;
    public final Contributions contributions;
    public final MunicipalityServiceImpl municipalities;
    public final OrganisationServiceImpl organisations;
    public final AgreementServiceImpl agreements;
    public final ProgrammeServiceImpl programmes;
    public final VenueServiceImpl venues;
    public final RecordHooks hooks = new RecordHooks();
    public final ActivityServiceImpl activities;

    public RecordServices() throws Exception {
        db = new DerbyDatabase();
        index = new SearchIndex(db.schema);
        contributions = new Contributions(db.schema, index);
        municipalities = new MunicipalityServiceImpl(db, contributions, index);
        organisations = new OrganisationServiceImpl(db, contributions);
        agreements = new AgreementServiceImpl(db, contributions);
        programmes = new ProgrammeServiceImpl(db, contributions);
        venues = new VenueServiceImpl(db, contributions, index);
        activities = new ActivityServiceImpl(db, contributions, index, hooks);
    }

    @Override
    public void close() {
        db.close();
    }


    public static Activity swimming(String id, String municipality, String start) {
        OffsetDateTime s = OffsetDateTime.parse(start);
        return new Activity(id, Map.of("sv", "Simkurs för kvinnor", "ar", "دورة سباحة للنساء"),
                Map.of("sv", "Lär dig simma i lugn och ro."), ActivityCategory.SWIMMING, FocusArea.HEALTH,
                Set.of("women"), Set.of("sv", "ar"), municipality, List.of("support-group-network"), null, null,
                "1487".equals(municipality) ? "ikc-vanersborg" : null, 12, BigDecimal.ZERO,
                List.of(new Occurrence(null, s, s.plusMinutes(90), OccurrenceStatus.SCHEDULED)));
    }
}
