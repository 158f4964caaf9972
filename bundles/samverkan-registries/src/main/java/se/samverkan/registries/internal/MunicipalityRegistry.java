package se.samverkan.registries.internal;

import java.util.List;
import java.util.Map;

import org.apache.camel.RoutesBuilder;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import se.samverkan.api.registry.ImportCounts;
import se.samverkan.api.registry.MunicipalityList;
import se.samverkan.api.service.MunicipalityService;
import se.samverkan.routes.ImportJob;

/**
 * SCB's municipality list ({@code etc/se.samverkan.registries.municipalities.cfg}). The shipped list is in force
 * until a {@code url} is configured; each run then reads the list there (the shipped file's CSV format), checks
 * it whole, stores it and puts it in force in the catalogue every check of a code uses. A list with any bad row is refused whole, and so
 * is one without a municipality the platform has records of (a county's extract, say), since either would make
 * validation refuse real municipalities: the list in force stays.
 */
@Component(service = {RoutesBuilder.class, ImportJob.class, Registry.class}, configurationPid = MunicipalityRegistry.PID)
public class MunicipalityRegistry extends Registry {

    static final String PID = "se.samverkan.registries.municipalities";
    static final String ID = "municipalities";

    private final RegistrySettings settings;
    private final MunicipalityService municipalities;
    private final MunicipalityCatalogueImpl catalogue;
    private final Source http;

    @Activate
    public MunicipalityRegistry(Map<String, Object> properties, @Reference RegistryStore store,
                                @Reference MunicipalityService municipalities,
                                @Reference MunicipalityCatalogueImpl catalogue) {
        this(RegistrySettings.of(ID, properties, 7 * 86400), store, municipalities, catalogue);
    }

    MunicipalityRegistry(RegistrySettings settings, RegistryStore store, MunicipalityService municipalities,
                         MunicipalityCatalogueImpl catalogue) {
        super(settings.url() == null ? onDemand(settings) : settings, store);
        this.settings = settings;
        this.municipalities = municipalities;
        this.catalogue = catalogue;
        this.http = new Source(settings.timeoutSeconds(), settings.maxBytes());
    }

    @Override
    String kind() {
        return "MUNICIPALITIES";
    }

    @Override
    String source() {
        return settings.url() != null ? settings.url().toString() : catalogue.current().source();
    }

    /** Without a url there is nothing to read: the run reports the list in force, unchanged. */
    @Override
    ImportCounts importNow() throws UnavailableException, UnusableException {
        if (settings.url() == null) {
            MunicipalityList current = catalogue.current();
            return new ImportCounts(0, 0, current.counties().size() + current.municipalities().size(), 0);
        }
        String csv = http.get(settings.url(), "text/csv, text/plain;q=0.9, */*;q=0.5");
        MunicipalityList list;
        try {
            list = MunicipalityList.parse(csv, settings.url().toString());
        } catch (IllegalArgumentException e) {
            throw new UnusableException("the municipality list at " + settings.url() + " was refused whole: "
                    + e.getMessage(), e);
        }
        // Every record, inactive ones of uninstalled plugins too: they come back when the plugin does.
        List<String> missing = municipalities.ids("", Integer.MAX_VALUE).stream()
                .filter(code -> list.municipality(code).isEmpty()).toList();
        if (!missing.isEmpty()) {
            throw new UnusableException("the municipality list at " + settings.url() + " was refused whole: it lacks "
                    + String.join(", ", missing) + ", which the platform has records of");
        }
        ImportCounts counts = store.saveMunicipalityList(list);
        catalogue.use(list);
        return counts;
    }

    private static RegistrySettings onDemand(RegistrySettings s) {
        return new RegistrySettings(s.id(), null, null, 0, s.startDelaySeconds(), s.retries(), s.retryDelaySeconds(),
                s.timeoutSeconds(), s.maxBytes(), s.all());
    }
}
