package se.samverkan.demodata.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import se.samverkan.api.model.Activity;
import se.samverkan.api.model.Agreement;
import se.samverkan.api.model.Municipality;
import se.samverkan.api.model.Organisation;
import se.samverkan.api.model.OrganisationKind;
import se.samverkan.api.model.Programme;
import se.samverkan.api.model.Venue;
import se.samverkan.api.security.Caller;
import se.samverkan.api.service.ActivityQuery;
import se.samverkan.api.service.ActivityService;
import se.samverkan.api.service.AgreementService;
import se.samverkan.api.service.ConflictException;
import se.samverkan.api.service.EntityService;
import se.samverkan.api.service.MunicipalityService;
import se.samverkan.api.service.NotFoundException;
import se.samverkan.api.service.OrganisationService;
import se.samverkan.api.service.Page;
import se.samverkan.api.service.ProgrammeService;
import se.samverkan.api.service.VenueService;
import se.samverkan.api.validation.Validation;

class DemoDataLoaderTest {

    /** Kinds in the order records were created, across all stores. */
    private final List<String> createdKinds = new ArrayList<>();
    private final Municipalities municipalities = new Municipalities();
    private final Organisations organisations = new Organisations();
    private final Venues venues = new Venues();
    private final Agreements agreements = new Agreements();
    private final Programmes programmes = new Programmes();
    private final Activities activities = new Activities();
    private final DemoDataLoader loader = new DemoDataLoader(municipalities, organisations, venues, agreements,
            programmes, activities);

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
        assertEquals(total, municipalities.count() + organisations.count() + venues.count() + agreements.count()
                + programmes.count() + activities.count());
    }

    @Test
    void createsInDependencyOrder() {
        loader.load(data);
        assertEquals(List.of("municipality", "organisation", "venue", "agreement", "programme", "activity"),
                createdKinds.stream().distinct().toList());
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

    /** Map-backed stand-in for the persistence services: validates and refuses taken ids, like them. */
    private abstract class Store<T> implements EntityService<T> {
        private final TreeMap<String, T> records = new TreeMap<>();
        private final Function<T, String> idOf;
        private final Consumer<T> validate;

        Store(Function<T, String> idOf, Consumer<T> validate) {
            this.idOf = idOf;
            this.validate = validate;
        }

        @Override
        public List<T> list() {
            return List.copyOf(records.values());
        }

        @Override
        public Optional<T> find(String id) {
            return Optional.ofNullable(records.get(id));
        }

        @Override
        public T create(Caller caller, T record) {
            validate.accept(record);
            if (records.putIfAbsent(idOf.apply(record), record) != null) {
                throw new ConflictException(kind() + " " + idOf.apply(record) + " exists");
            }
            createdKinds.add(kind());
            return record;
        }

        @Override
        public T update(Caller caller, String id, T record) {
            if (!records.containsKey(id)) {
                throw new NotFoundException(kind(), id);
            }
            records.put(id, record);
            return record;
        }

        @Override
        public void delete(Caller caller, String id) {
            records.remove(id);
        }

        @Override
        public long count() {
            return records.size();
        }
    }

    private final class Municipalities extends Store<Municipality> implements MunicipalityService {
        Municipalities() {
            super(Municipality::code, Validation::validate);
        }
    }

    private final class Organisations extends Store<Organisation> implements OrganisationService {
        Organisations() {
            super(Organisation::id, Validation::validate);
        }
    }

    private final class Venues extends Store<Venue> implements VenueService {
        Venues() {
            super(Venue::id, Validation::validate);
        }
    }

    private final class Agreements extends Store<Agreement> implements AgreementService {
        Agreements() {
            super(Agreement::id, Validation::validate);
        }
    }

    private final class Programmes extends Store<Programme> implements ProgrammeService {
        Programmes() {
            super(Programme::id, Validation::validate);
        }
    }

    private final class Activities extends Store<Activity> implements ActivityService {
        Activities() {
            super(Activity::id, Validation::validate);
        }

        @Override
        public Page<Activity> search(ActivityQuery query) {
            throw new UnsupportedOperationException("not needed by the loader");
        }
    }
}
