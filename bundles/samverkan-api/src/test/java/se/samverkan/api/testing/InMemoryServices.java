package se.samverkan.api.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;

import se.samverkan.api.model.Activity;
import se.samverkan.api.model.Agreement;
import se.samverkan.api.model.Municipality;
import se.samverkan.api.model.Organisation;
import se.samverkan.api.model.Programme;
import se.samverkan.api.model.Venue;
import se.samverkan.api.plugin.ContributionLedger;
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
import se.samverkan.api.service.StaleVersionException;
import se.samverkan.api.service.VenueService;
import se.samverkan.api.validation.Validation;

/**
 * Map-backed stand-ins for the storage services, for unit tests of bundles that only call them (the real
 * ones are tested on Derby in samverkan-persistence): they validate like the real ones, refuse taken ids and
 * log the kinds created, in order. Shipped in this bundle's test-jar.
 */
public final class InMemoryServices {

    /** The kind of every record created, in order, across all services. */
    public final List<String> createdKinds = new ArrayList<>();
    public final Municipalities municipalities = new Municipalities();
    public final Organisations organisations = new Organisations();
    public final Agreements agreements = new Agreements();
    public final Programmes programmes = new Programmes();
    public final Venues venues = new Venues();
    public final Activities activities = new Activities();
    public final Ledger ledger = new Ledger();

    /** One kind of record. */
    public abstract class Store<T> implements EntityService<T> {
        private final TreeMap<String, T> records = new TreeMap<>();
        private final Map<String, Long> versions = new HashMap<>();
        private final Function<T, String> idOf;
        private final Consumer<T> validate;

        Store(Function<T, String> idOf, Consumer<T> validate) {
            this.idOf = idOf;
            this.validate = validate;
        }

        /** Stores records as they are, as if they were there before the test. */
        @SafeVarargs
        public final Store<T> seed(T... existing) {
            for (T record : existing) {
                records.put(idOf.apply(record), record);
                versions.put(idOf.apply(record), 1L);
            }
            return this;
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
        public Optional<Versioned<T>> findVersioned(String id) {
            return find(id).map(r -> new Versioned<>(r, versions.get(id)));
        }

        @Override
        public List<String> ids(String prefix, int max) {
            return records.keySet().stream().filter(id -> id.startsWith(prefix)).limit(max).toList();
        }

        @Override
        public T create(Caller caller, T record) {
            validate.accept(record);
            if (records.putIfAbsent(idOf.apply(record), record) != null) {
                throw new ConflictException(kind() + " " + idOf.apply(record) + " exists");
            }
            versions.put(idOf.apply(record), 1L);
            createdKinds.add(kind());
            return record;
        }

        @Override
        public T update(Caller caller, String id, T record) {
            if (!records.containsKey(id)) {
                throw new NotFoundException(kind(), id);
            }
            validate.accept(record);
            if (!record.equals(records.put(id, record))) {
                versions.merge(id, 1L, Long::sum);
            }
            return record;
        }

        @Override
        public Versioned<T> update(Caller caller, String id, T record, long version) {
            requireVersion(id, version);
            return new Versioned<>(update(caller, id, record), versions.get(id));
        }

        @Override
        public void delete(Caller caller, String id) {
            if (records.remove(id) == null) {
                throw new NotFoundException(kind(), id);
            }
            versions.remove(id);
        }

        @Override
        public void delete(Caller caller, String id, long version) {
            requireVersion(id, version);
            delete(caller, id);
        }

        private void requireVersion(String id, long version) {
            Long stored = versions.get(id);
            if (stored == null) {
                throw new NotFoundException(kind(), id);
            }
            if (stored != version) {
                throw new StaleVersionException(kind(), id, version, stored);
            }
        }

        @Override
        public long count() {
            return records.size();
        }

        @Override
        public String idOf(T record) {
            return idOf.apply(record);
        }
    }

    public final class Municipalities extends Store<Municipality> implements MunicipalityService {
        Municipalities() {
            super(Municipality::code, Validation::validate);
        }
    }

    public final class Organisations extends Store<Organisation> implements OrganisationService {
        Organisations() {
            super(Organisation::id, Validation::validate);
        }
    }

    public final class Agreements extends Store<Agreement> implements AgreementService {
        Agreements() {
            super(Agreement::id, Validation::validate);
        }
    }

    public final class Programmes extends Store<Programme> implements ProgrammeService {
        Programmes() {
            super(Programme::id, Validation::validate);
        }
    }

    public final class Venues extends Store<Venue> implements VenueService {
        Venues() {
            super(Venue::id, Validation::validate);
        }
    }

    /** Search answers with every activity, remembers the query it was asked and says {@link #hasMore}. */
    public final class Activities extends Store<Activity> implements ActivityService {
        public ActivityQuery lastQuery;
        public boolean hasMore;

        Activities() {
            super(Activity::id, Validation::validate);
        }

        @Override
        public Page<Activity> search(ActivityQuery query) {
            lastQuery = query;
            return new Page<>(list(), query.offset(), query.limit(), hasMore);
        }
    }

    /** The ledger as maps; unlike the real services, the stores above do not refuse inactive records. */
    public static final class Ledger implements ContributionLedger {
        private final Map<String, Map<String, Map<String, Applied>>> applied = new HashMap<>();
        private final Set<String> inactivePlugins = new HashSet<>();

        @Override
        public Map<String, Map<String, Applied>> applied(String plugin) {
            Map<String, Map<String, Applied>> copy = new HashMap<>();
            applied.getOrDefault(plugin, Map.of()).forEach((kind, byId) -> copy.put(kind, Map.copyOf(byId)));
            return copy;
        }

        @Override
        public void record(String plugin, String kind, String id, Applied a) {
            applied.computeIfAbsent(plugin, p -> new HashMap<>()).computeIfAbsent(kind, k -> new HashMap<>()).put(id, a);
        }

        @Override
        public void restamp(String kind, String id, String before, String after) {
            applied.values().forEach(kinds -> kinds.getOrDefault(kind, new HashMap<>())
                    .computeIfPresent(id, (i, a) -> a.stored().equals(before) ? new Applied(a.contributed(), after, a.owner()) : a));
        }

        @Override
        public void setActive(String plugin, boolean active) {
            if (active) {
                inactivePlugins.remove(plugin);
            } else {
                inactivePlugins.add(plugin);
            }
        }

        @Override
        public boolean inactive(String kind, String id) {
            List<String> bringers = applied.entrySet().stream()
                    .filter(e -> e.getValue().getOrDefault(kind, Map.of()).containsKey(id)).map(Map.Entry::getKey).toList();
            boolean owned = bringers.stream().anyMatch(p -> applied.get(p).get(kind).get(id).owner());
            return owned && inactivePlugins.containsAll(bringers);
        }
    }
}
