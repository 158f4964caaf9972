package se.samverkan.registries.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

import se.samverkan.api.registry.ImportCounts;
import se.samverkan.api.registry.KpiStore;
import se.samverkan.api.registry.KpiValue;
import se.samverkan.api.registry.MunicipalityList;
import se.samverkan.api.registry.OrganisationRegister;
import se.samverkan.api.registry.RegisterOrganisation;
import se.samverkan.api.registry.RegistryRun;

/** Map-backed registry storage for tests of the imports (the real one is tested on Derby in samverkan-persistence). */
public final class InMemoryRegistries {

    public final Runs runs = new Runs();
    public final Register register = new Register();
    public final Kpis kpis = new Kpis();

    public static final class Runs implements RegistryStore {
        public final List<RegistryRun> recorded = new ArrayList<>();
        public MunicipalityList saved;

        @Override
        public synchronized void record(RegistryRun run) {
            recorded.add(run);
        }

        @Override
        public synchronized List<RegistryRun> runs(String registryId, int limit) {
            return recorded.stream().filter(r -> r.registryId().equals(registryId))
                    .sorted(Comparator.comparing(RegistryRun::started).reversed()).limit(limit).toList();
        }

        @Override
        public synchronized Optional<Instant> lastSuccess(String registryId) {
            return recorded.stream().filter(r -> r.registryId().equals(registryId) && r.outcome() == RegistryRun.Outcome.OK)
                    .map(RegistryRun::finished).max(Comparator.naturalOrder());
        }

        @Override
        public Optional<MunicipalityList> municipalityList() {
            return Optional.ofNullable(saved);
        }

        @Override
        public ImportCounts saveMunicipalityList(MunicipalityList list) {
            MunicipalityList before = saved == null ? MunicipalityList.shipped() : saved;
            int created = (int) list.municipalities().stream().filter(m -> before.municipality(m.code()).isEmpty()).count();
            int unchanged = (int) list.municipalities().stream().filter(m -> before.municipality(m.code()).equals(Optional.of(m))).count();
            saved = list;
            return new ImportCounts(created, list.municipalities().size() - created - unchanged, unchanged, 0);
        }
    }

    public static final class Register implements OrganisationRegister {
        public final Map<String, RegisterOrganisation> stored = new TreeMap<>();

        @Override
        public synchronized ImportCounts upsert(Collection<RegisterOrganisation> organisations) {
            return InMemoryRegistries.upsert(stored, organisations, RegisterOrganisation::organisationNumber);
        }

        @Override
        public synchronized Optional<RegisterOrganisation> find(String organisationNumber) {
            return Optional.ofNullable(stored.get(organisationNumber));
        }

        @Override
        public synchronized List<RegisterOrganisation> search(String text, String municipality, int offset, int limit) {
            return stored.values().stream()
                    .filter(o -> municipality == null || municipality.equals(o.municipalityCode()))
                    .filter(o -> text == null || o.name().toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT)))
                    .sorted(Comparator.comparing((RegisterOrganisation o) -> o.name().toLowerCase(Locale.ROOT))
                            .thenComparing(RegisterOrganisation::organisationNumber))
                    .skip(offset).limit(limit).toList();
        }

        @Override
        public synchronized int count() {
            return stored.size();
        }
    }

    public static final class Kpis implements KpiStore {
        public final Map<String, KpiValue> stored = new TreeMap<>();

        @Override
        public synchronized ImportCounts upsert(Collection<KpiValue> values) {
            return InMemoryRegistries.upsert(stored, values,
                    v -> v.municipalityCode() + "/" + v.kpi() + "/" + v.year() + "/" + v.gender());
        }

        @Override
        public synchronized List<KpiValue> values(String municipality, String kpi) {
            return stored.values().stream().filter(v -> municipality == null || municipality.equals(v.municipalityCode()))
                    .filter(v -> kpi == null || kpi.equals(v.kpi())).toList();
        }
    }

    private static <T> ImportCounts upsert(Map<String, T> stored, Collection<T> items, Function<T, String> key) {
        int created = 0;
        int changed = 0;
        int unchanged = 0;
        for (T item : items) {
            T before = stored.put(key.apply(item), item);
            if (before == null) {
                created++;
            } else if (before.equals(item)) {
                unchanged++;
            } else {
                changed++;
            }
        }
        return new ImportCounts(created, changed, unchanged, 0);
    }
}
