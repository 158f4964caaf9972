package se.samverkan.demodata.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import se.samverkan.api.model.Organisation;
import se.samverkan.api.model.OrganisationKind;
import se.samverkan.api.security.Caller;
import se.samverkan.api.testing.InMemoryServices;

class DemoDataLoaderTest {

    private final InMemoryServices services = new InMemoryServices();
    private final InMemoryServices.Organisations organisations = services.organisations;
    private final InMemoryServices.Activities activities = services.activities;
    private final DemoDataLoader loader = new DemoDataLoader(services.municipalities, organisations,
            services.venues, services.agreements, services.programmes, activities);

    private DemoData data;

    @BeforeEach
    void parse() throws IOException {
        try (InputStream in = DemoData.class.getResourceAsStream(DemoData.RESOURCE)) {
            data = DemoData.parse(in, LocalDate.of(2026, 10, 20));
        }
    }

    @Test
    void createsEverythingOnceAndNothingOnTheSecondLoad() {
        int total = data.municipalities().size() + data.organisations().size() + data.venues().size()
                + data.agreements().size() + data.programmes().size() + data.activities().size();

        DemoDataLoader.Summary first = loader.load(data);
        assertEquals(new DemoDataLoader.Summary(total, 0, List.of()), first);
        assertEquals(data.activities().size(), activities.count());

        DemoDataLoader.Summary second = loader.load(data);
        assertEquals(new DemoDataLoader.Summary(0, total, List.of()), second);
        assertEquals(total, services.municipalities.count() + organisations.count() + services.venues.count()
                + services.agreements.count() + services.programmes.count() + activities.count());
    }

    @Test
    void createsInDependencyOrder() {
        loader.load(data);
        assertEquals(List.of("municipality", "organisation", "venue", "agreement", "programme", "activity"),
                services.createdKinds.stream().distinct().toList());
    }

    @Test
    void leavesExistingRecordsAsTheyAre() {
        Organisation edited = new Organisation("support-group-gotene", "Support Group Götene (edited)",
                OrganisationKind.ASSOCIATION, null, Set.of("1471"));
        organisations.create(Caller.SYSTEM, edited);

        DemoDataLoader.Summary summary = loader.load(data);

        assertEquals(1, summary.present());
        assertEquals(edited, organisations.get("support-group-gotene"));
    }

    @Test
    void reportsAFailingRecordWithItsIdAndReasonAndLoadsTheRest() {
        Organisation bad = new Organisation("Bad Org", "Bad", OrganisationKind.NGO, "802002-8712", Set.of());
        List<Organisation> orgs = new ArrayList<>(data.organisations());
        orgs.add(0, bad);
        DemoData withBad = new DemoData(data.municipalities(), orgs, data.venues(), data.agreements(),
                data.programmes(), data.activities());

        DemoDataLoader.Summary summary = loader.load(withBad);

        assertEquals(1, summary.failures().size());
        String failure = summary.failures().get(0);
        assertTrue(failure.startsWith("organisation Bad Org: "), failure);
        assertTrue(failure.contains("id: 'Bad Org' must be lower-case"), failure);
        assertTrue(failure.contains("organisationNumber: check digit does not match"), failure);
        assertEquals(data.organisations().size(), organisations.count());
        assertEquals(data.activities().size(), activities.count());
    }
}
