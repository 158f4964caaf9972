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

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
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
import se.samverkan.api.plugin.ContributionLedger;
import se.samverkan.api.plugin.ContributionLedger.Applied;
import se.samverkan.api.plugin.PluginRegistry;
import se.samverkan.api.plugin.PluginReport;
import se.samverkan.api.plugin.PluginReport.Counts;
import se.samverkan.api.plugin.PluginReport.State;
import se.samverkan.api.plugin.SamverkanPlugin;
import se.samverkan.api.security.AccessPolicy;
import se.samverkan.api.security.Caller;
import se.samverkan.api.service.ActivityService;
import se.samverkan.api.service.AgreementService;
import se.samverkan.api.service.EntityService;
import se.samverkan.api.service.EntityService.Versioned;
import se.samverkan.api.service.MunicipalityService;
import se.samverkan.api.service.NotFoundException;
import se.samverkan.api.service.OrganisationService;
import se.samverkan.api.service.ProgrammeService;
import se.samverkan.api.service.SamverkanException;
import se.samverkan.api.service.StaleVersionException;
import se.samverkan.api.service.VenueService;

/**
 * Finds every {@link SamverkanPlugin} service (whiteboard: no list of plugins anywhere) and applies what it
 * contributes through the services, parents before the records that refer to them, matched by stable ids.
 * <p>
 * The {@link ContributionLedger} remembers, per plugin and record, what the plugin contributed and how the record
 * was stored right after, so that:
 * <ul>
 * <li>a record the plugin brings for the first time is created (the plugin owns it), or kept as it is if it
 * exists already (an organisation also gains the plugin's municipalities, so two plugins bringing it make one
 * record);</li>
 * <li>a record the plugin owns and now contributes differently is updated in place, unless it was edited (or
 * deleted) through the API since, or is edited while the plugin is applied (the update names the version it read);
 * then, as for a changed record the plugin does not own, the stored version is kept and the record is reported as
 * a conflict, until an administrator re-applies the plugin taking its version;</li>
 * <li>the records a plugin owns become inactive (kept, hidden, refused for writes) when it goes and no other
 * installed plugin brings them, and active again when it comes back.</li>
 * </ul>
 * A record that is refused is reported with its reason and the rest go on; a plugin that fails is reported and
 * harms no other.
 */
@Component(service = PluginRegistry.class, immediate = true)
public class Plugins implements PluginRegistry {

    private static final Logger LOG = System.getLogger(Plugins.class.getName());

    /** An installed plugin: what to apply again, and under which name and bundle it was applied. */
    private record Installed(SamverkanPlugin plugin, String name, Bundle bundle) {
    }

    private final MunicipalityService municipalities;
    private final OrganisationService organisations;
    private final VenueService venues;
    private final AgreementService agreements;
    private final ProgrammeService programmes;
    private final ActivityService activities;
    private final ContributionLedger ledger;
    private final Bundle framework;
    private final Map<String, PluginReport> reports = new ConcurrentSkipListMap<>();
    private final Map<ServiceReference<SamverkanPlugin>, Installed> installed = new ConcurrentHashMap<>();
    private volatile boolean closing;

    @Activate
    public Plugins(@Reference(name = "municipalities") MunicipalityService municipalities,
                   @Reference(name = "organisations") OrganisationService organisations,
                   @Reference(name = "venues") VenueService venues,
                   @Reference(name = "agreements") AgreementService agreements,
                   @Reference(name = "programmes") ProgrammeService programmes,
                   @Reference(name = "activities") ActivityService activities,
                   @Reference(name = "ledger") ContributionLedger ledger,
                   BundleContext context) {
        this.municipalities = municipalities;
        this.organisations = organisations;
        this.venues = venues;
        this.agreements = agreements;
        this.programmes = programmes;
        this.activities = activities;
        this.ledger = ledger;
        this.framework = context == null ? null : context.getBundle(0);
    }

    /** The platform is going: the plugins unbound from now on stay as they are in the ledger. */
    @Deactivate
    void deactivate() {
        closing = true;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    synchronized void addPlugin(SamverkanPlugin plugin, ServiceReference<SamverkanPlugin> reference) {
        Bundle bundle = reference.getBundle();
        PluginReport report = apply(plugin, bundle.getSymbolicName(), bundle.getVersion().toString(), false);
        installed.put(reference, new Installed(plugin, report.name(), bundle));
        log(report);
    }

    /**
     * Another installed plugin of the same name (e.g. the previous version of a .kar still in deploy/) takes
     * over: it is applied again. Otherwise the plugin's records become inactive, unless the platform is going.
     */
    synchronized void removePlugin(SamverkanPlugin plugin, ServiceReference<SamverkanPlugin> reference) {
        Installed gone = installed.remove(reference);
        boolean platformStopping = closing || (framework != null && framework.getState() == Bundle.STOPPING);
        if (gone == null || platformStopping) {
            return;
        }
        Optional<Installed> namesake = installed.values().stream().filter(i -> i.name().equals(gone.name())).findFirst();
        if (namesake.isPresent()) {
            log(apply(namesake.get().plugin(), namesake.get().bundle().getSymbolicName(),
                    namesake.get().bundle().getVersion().toString(), false));
        } else {
            deactivate(gone.name());
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

    @Override
    public synchronized PluginReport reapply(Caller caller, String name, boolean takePluginVersion) {
        AccessPolicy.checkAdmin(caller, "apply a plugin again");
        Installed plugin = installed.values().stream().filter(i -> i.name().equals(name)).findFirst()
                .orElseThrow(() -> new NotFoundException("installed plugin", name));
        LOG.log(Level.INFO, caller.user() + " applies plugin " + name + " again"
                + (takePluginVersion ? ", taking the plugin's version" : ""));
        PluginReport report = apply(plugin.plugin(), plugin.bundle().getSymbolicName(),
                plugin.bundle().getVersion().toString(), takePluginVersion, caller);
        log(report);
        return report;
    }

    /** One plugin at a time, so two plugins bringing the same record do not race to create it. */
    synchronized PluginReport apply(SamverkanPlugin plugin, String bundle, String version, boolean takePluginVersion) {
        return apply(plugin, bundle, version, takePluginVersion, Caller.SYSTEM);
    }

    /** @param writer who the record writes are audited as: the platform, or the administrator who asked */
    private PluginReport apply(SamverkanPlugin plugin, String bundle, String version, boolean takePluginVersion,
                               Caller writer) {
        String name = bundle;
        Tally tally = new Tally(takePluginVersion, writer);
        try {
            name = plugin.name();
            // Installed means active, even if this version cannot be read: its last good records stay usable.
            ledger.setActive(name, true);
            Contribution c = plugin.contribution();
            tally.plugin = name;
            tally.previous = ledger.applied(name);
            tally.load(municipalities, c.municipalities(), Municipality::code, Plugins::either);
            tally.load(organisations, c.organisations(), Organisation::id, Plugins::withMunicipalitiesOf);
            tally.load(venues, c.venues(), Venue::id, Plugins::either);
            tally.load(agreements, c.agreements(), Agreement::id, Plugins::either);
            tally.load(programmes, c.programmes(), Programme::id, Plugins::either);
            tally.load(activities, c.activities(), Activity::id, Plugins::either);
        } catch (RuntimeException e) {
            // A plugin's own failure (its contribution cannot be read or it threw): report it, keep the platform.
            tally.problems.add("the plugin failed: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            tally.failed = true;
        }
        State state = tally.failed ? State.FAILED : tally.problems.isEmpty() ? State.APPLIED : State.PARTLY_APPLIED;
        PluginReport report = new PluginReport(name, bundle, version, state, Instant.now(), tally.counts,
                tally.problems, tally.conflicts);
        reports.put(name, report);
        return report;
    }

    private synchronized void deactivate(String name) {
        try {
            ledger.setActive(name, false);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "Plugin " + name + " is gone but its records could not be made inactive", e);
        }
        reports.computeIfPresent(name, (n, r) -> new PluginReport(r.name(), r.bundle(), r.version(), State.REMOVED,
                Instant.now(), r.counts(), r.problems(), r.conflicts()));
        LOG.log(Level.INFO, "Plugin " + name + " removed: its records are kept but inactive until it is installed again");
    }

    private static void log(PluginReport report) {
        report.problems().forEach(p -> LOG.log(Level.WARNING, "Plugin " + report.name() + ": " + p));
        report.conflicts().forEach(c -> LOG.log(Level.WARNING, "Plugin " + report.name() + " conflict: " + c));
        LOG.log(report.state() == State.FAILED ? Level.ERROR : Level.INFO, "Plugin " + report.name() + " "
                + report.version() + ": " + report.state() + ", " + summary(report.counts()));
    }

    /** Merge of a stored record and a contributed one for all kinds but organisations: the chosen one. */
    private static <T> T either(T chosen, T other) {
        return chosen;
    }

    /** An organisation as {@code chosen} has it, working in the municipalities of both. */
    private static Organisation withMunicipalitiesOf(Organisation chosen, Organisation other) {
        if (other.municipalityCodes() == null || chosen.municipalityCodes() != null
                && chosen.municipalityCodes().containsAll(other.municipalityCodes())) {
            return chosen;
        }
        Set<String> codes = new HashSet<>(other.municipalityCodes());
        if (chosen.municipalityCodes() != null) {
            codes.addAll(chosen.municipalityCodes());
        }
        return new Organisation(chosen.id(), chosen.name(), chosen.kind(), chosen.organisationNumber(), codes);
    }

    private static String summary(Map<String, Counts> counts) {
        int created = counts.values().stream().mapToInt(Counts::created).sum();
        int updated = counts.values().stream().mapToInt(Counts::updated).sum();
        int unchanged = counts.values().stream().mapToInt(Counts::unchanged).sum();
        return created + " created, " + updated + " updated, " + unchanged + " unchanged";
    }

    private final class Tally {
        private final boolean takePluginVersion;
        private final Caller writer;
        private final Map<String, Counts> counts = new LinkedHashMap<>();
        private final List<String> problems = new ArrayList<>();
        private final List<String> conflicts = new ArrayList<>();
        private String plugin;
        private Map<String, Map<String, Applied>> previous = Map.of();
        private boolean failed;

        Tally(boolean takePluginVersion, Caller writer) {
            this.takePluginVersion = takePluginVersion;
            this.writer = writer;
        }

        /**
         * @param merge (chosen, other) → the record to store: the chosen record's fields, plus whatever of the
         *              other's must be kept (organisations keep the municipalities of both)
         */
        <T> void load(EntityService<T> service, List<T> records, Function<T, String> idOf, BinaryOperator<T> merge) {
            int[] tally = new int[3];
            for (T record : records) {
                String id = idOf.apply(record);
                try {
                    tally[apply(service, id, record, merge)]++;
                } catch (SamverkanException e) {
                    // Invalid data or a dangling reference: report it and go on with the rest.
                    problems.add(service.kind() + " " + id + ": " + e.getMessage());
                }
            }
            if (!records.isEmpty()) {
                counts.put(service.kind(), new Counts(tally[0], tally[1], tally[2]));
            }
        }

        /** @return 0 created, 1 updated, 2 unchanged (also for a conflict, where the stored record stays) */
        private <T> int apply(EntityService<T> service, String id, T record, BinaryOperator<T> merge) {
            String kind = service.kind();
            Applied before = previous.getOrDefault(kind, Map.of()).get(id);
            String contributed = Fingerprints.of(record);
            // A missing id is left to create(), whose validation names the problem.
            Optional<Versioned<T>> read = id == null ? Optional.empty() : service.findVersioned(id);
            Optional<T> stored = read.map(Versioned::record);
            if (stored.isEmpty()) {
                if (before != null && !takePluginVersion) {
                    conflicts.add(kind + " " + id + ": deleted through the API; not brought back");
                    return 2;
                }
                T saved = service.create(writer, record);
                ledger.record(plugin, kind, id, new Applied(contributed, Fingerprints.of(saved), true));
                return 0;
            }
            String storedPrint = Fingerprints.of(stored.get());
            boolean owner = before != null && before.owner();
            T wanted;
            if (before == null) {
                // Already there (made through the API or by another plugin): it stays as it is, joined by what
                // the plugin adds, and it is not this plugin's to change later.
                wanted = merge.apply(stored.get(), record);
            } else if (before.contributed().equals(contributed)) {
                return 2;
            } else if (takePluginVersion || owner && before.stored().equals(storedPrint)) {
                wanted = merge.apply(record, stored.get());
                owner = true;
            } else {
                conflicts.add(kind + " " + id + ": changed by the plugin, but " + (owner
                        ? "edited through the API since; the API's edit is kept"
                        : "it was there before the plugin (made through the API or by another plugin) and stays as it is"));
                return 2;
            }
            if (wanted.equals(stored.get())) {
                ledger.record(plugin, kind, id, new Applied(contributed, storedPrint, owner));
                return 2;
            }
            String savedPrint;
            try {
                savedPrint = Fingerprints.of(service.update(writer, id, wanted, read.get().version()).record());
            } catch (StaleVersionException e) {
                conflicts.add(kind + " " + id + ": changed by the plugin, but edited through the API while the plugin "
                        + "was applied; the API's edit is kept");
                return 2;
            }
            ledger.restamp(kind, id, storedPrint, savedPrint);
            ledger.record(plugin, kind, id, new Applied(contributed, savedPrint, owner));
            return 1;
        }
    }
}
