package se.samverkan.plugins.internal;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.BinaryOperator;
import java.util.function.Function;

import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import se.samverkan.api.model.Activity;
import se.samverkan.api.model.Agreement;
import se.samverkan.api.model.Municipality;
import se.samverkan.api.model.Organisation;
import se.samverkan.api.model.Programme;
import se.samverkan.api.model.Venue;
import se.samverkan.api.plugin.Contribution;
import se.samverkan.api.plugin.PluginRegistry;
import se.samverkan.api.plugin.PluginReport;
import se.samverkan.api.plugin.PluginReport.Counts;
import se.samverkan.api.plugin.PluginReport.State;
import se.samverkan.api.plugin.SamverkanPlugin;
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
 * Finds every {@link SamverkanPlugin} service (whiteboard: no list of plugins anywhere) and applies what it
 * contributes through the services, parents before the records that refer to them. Records are matched by id:
 * a missing one is created; one that exists is kept as it is (so edits made through the API are never
 * overwritten), except that a plugin adds its municipalities to an organisation another plugin brought, so
 * both contribute to one record. A record that is refused is reported with its reason and the rest go on; a
 * plugin that fails is reported and harms no other.
 */
@Component(service = PluginRegistry.class, immediate = true)
public class Plugins implements PluginRegistry {

    private static final Logger LOG = System.getLogger(Plugins.class.getName());

    private final MunicipalityService municipalities;
    private final OrganisationService organisations;
    private final VenueService venues;
    private final AgreementService agreements;
    private final ProgrammeService programmes;
    private final ActivityService activities;
    private final Map<String, PluginReport> reports = new ConcurrentSkipListMap<>();
    /** The name each plugin service was applied under, so its report is found again when it goes. */
    private final Map<ServiceReference<SamverkanPlugin>, String> names = new ConcurrentHashMap<>();

    @Activate
    public Plugins(@Reference(name = "municipalities") MunicipalityService municipalities,
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

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addPlugin(SamverkanPlugin plugin, ServiceReference<SamverkanPlugin> reference) {
        PluginReport report = apply(plugin, reference.getBundle().getSymbolicName(),
                reference.getBundle().getVersion().toString());
        names.put(reference, report.name());
        report.problems().forEach(p -> LOG.log(Level.WARNING, "Plugin " + report.name() + ": " + p));
        LOG.log(report.state() == State.FAILED ? Level.ERROR : Level.INFO, "Plugin " + report.name() + " "
                + report.version() + ": " + report.state() + ", " + summary(report.counts()));
    }

    void removePlugin(SamverkanPlugin plugin, ServiceReference<SamverkanPlugin> reference) {
        String name = names.remove(reference);
        if (name != null) {
            reports.computeIfPresent(name, (n, r) -> new PluginReport(r.name(), r.bundle(), r.version(),
                    State.REMOVED, Instant.now(), r.counts(), r.problems()));
        }
    }

    @Override
    public List<PluginReport> plugins() {
        return List.copyOf(reports.values());
    }

    @Override
    public Optional<PluginReport> plugin(String name) {
        return Optional.ofNullable(reports.get(name));
    }

    /** One plugin at a time, so two plugins bringing the same record do not race to create it. */
    synchronized PluginReport apply(SamverkanPlugin plugin, String bundle, String version) {
        String name = bundle;
        Tally tally = new Tally();
        try {
            name = plugin.name();
            Contribution c = plugin.contribution();
            tally.load(municipalities, c.municipalities(), Municipality::code, (stored, incoming) -> stored);
            tally.load(organisations, c.organisations(), Organisation::id, Plugins::addMunicipalities);
            tally.load(venues, c.venues(), Venue::id, (stored, incoming) -> stored);
            tally.load(agreements, c.agreements(), Agreement::id, (stored, incoming) -> stored);
            tally.load(programmes, c.programmes(), Programme::id, (stored, incoming) -> stored);
            tally.load(activities, c.activities(), Activity::id, (stored, incoming) -> stored);
        } catch (RuntimeException e) {
            // A plugin's own failure (its contribution cannot be read or it threw): report it, keep the platform.
            tally.problems.add("the plugin failed: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            tally.failed = true;
        }
        State state = tally.failed ? State.FAILED : tally.problems.isEmpty() ? State.APPLIED : State.PARTLY_APPLIED;
        PluginReport report = new PluginReport(name, bundle, version, state, Instant.now(), tally.counts,
                List.copyOf(tally.problems));
        reports.put(name, report);
        return report;
    }

    private static Organisation addMunicipalities(Organisation stored, Organisation incoming) {
        if (incoming.municipalityCodes() == null || stored.municipalityCodes().containsAll(incoming.municipalityCodes())) {
            return stored;
        }
        Set<String> codes = new HashSet<>(stored.municipalityCodes());
        codes.addAll(incoming.municipalityCodes());
        return new Organisation(stored.id(), stored.name(), stored.kind(), stored.organisationNumber(), codes);
    }

    private static String summary(Map<String, Counts> counts) {
        int created = counts.values().stream().mapToInt(Counts::created).sum();
        int updated = counts.values().stream().mapToInt(Counts::updated).sum();
        int unchanged = counts.values().stream().mapToInt(Counts::unchanged).sum();
        return created + " created, " + updated + " updated, " + unchanged + " unchanged";
    }

    private static final class Tally {
        private final Map<String, Counts> counts = new LinkedHashMap<>();
        private final List<String> problems = new ArrayList<>();
        private boolean failed;

        <T> void load(EntityService<T> service, List<T> records, Function<T, String> idOf, BinaryOperator<T> merge) {
            int created = 0;
            int updated = 0;
            int unchanged = 0;
            for (T record : records) {
                String id = idOf.apply(record);
                try {
                    // A missing id is left to create(), whose validation names the problem.
                    Optional<T> stored = id == null ? Optional.empty() : service.find(id);
                    if (stored.isEmpty()) {
                        service.create(Caller.SYSTEM, record);
                        created++;
                        continue;
                    }
                    T merged = merge.apply(stored.get(), record);
                    if (merged.equals(stored.get())) {
                        unchanged++;
                    } else {
                        service.update(Caller.SYSTEM, id, merged);
                        updated++;
                    }
                } catch (SamverkanException e) {
                    // Invalid data or a dangling reference: report it and go on with the rest.
                    problems.add(service.kind() + " " + id + ": " + e.getMessage());
                }
            }
            if (!records.isEmpty()) {
                counts.put(service.kind(), new Counts(created, updated, unchanged));
            }
        }
    }
}
