package se.samverkan.registries.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.camel.RoutesBuilder;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;

import se.samverkan.api.quarantine.QuarantineService;
import se.samverkan.api.registry.ImportCounts;
import se.samverkan.api.registry.MunicipalityCatalogue;
import se.samverkan.api.registry.OrganisationRegister;
import se.samverkan.api.registry.RegisterOrganisation;
import se.samverkan.api.util.Sha256;
import se.samverkan.routes.ImportJob;

/**
 * One organisation register, made by its factory configuration
 * {@code etc/se.samverkan.registries.organisations-NAME.cfg}: {@code id}, and a {@code url} serving the export
 * or a {@code folder} where exports are dropped (every {@code *.csv} and {@code *.json} in it, in name order, is
 * the register; a folder whose files have not changed since the last good run is not read again).
 *
 * <p>Valid rows are stored by organisation number (a number listed twice: the last row wins); a bad row is
 * quarantined with its reason and raw text (source {@code register:ID}, key its organisation number or line)
 * and can be replayed after a fix; a quarantined row whose organisation a later run takes is discarded.
 */
@Component(service = {RoutesBuilder.class, ImportJob.class, Registry.class}, configurationPid = OrganisationRegisterImport.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public class OrganisationRegisterImport extends Registry {

    static final String PID = "se.samverkan.registries.organisations";

    private final RegistrySettings settings;
    private final OrganisationRegister register;
    private final QuarantineService quarantine;
    private final MunicipalityCatalogue catalogue;
    private final Source http;
    /** The folder's listing at the last good run, so an unchanged folder costs no parse. */
    private String lastListing;

    @Activate
    public OrganisationRegisterImport(Map<String, Object> properties, @Reference RegistryStore store,
                                      @Reference OrganisationRegister register, @Reference QuarantineService quarantine,
                                      @Reference MunicipalityCatalogue catalogue) {
        this(RegistrySettings.of(null, properties, properties.containsKey("folder") ? 60 : 86400), store, register,
                quarantine, catalogue);
    }

    OrganisationRegisterImport(RegistrySettings settings, RegistryStore store, OrganisationRegister register,
                               QuarantineService quarantine, MunicipalityCatalogue catalogue) {
        super(settings, store);
        if ((settings.url() == null) == (settings.folder() == null)) {
            throw new IllegalArgumentException("organisation register " + settings.id()
                    + " needs exactly one of url and folder");
        }
        this.settings = settings;
        this.register = register;
        this.quarantine = quarantine;
        this.catalogue = catalogue;
        this.http = new Source(settings.timeoutSeconds(), settings.maxBytes());
    }

    @Override
    String kind() {
        return "ORGANISATIONS";
    }

    @Override
    String source() {
        return settings.url() != null ? settings.url().toString() : settings.folder().toString();
    }

    @Override
    public String quarantineSource() {
        return "register:" + registryId();
    }

    @Override
    ImportCounts importNow() throws UnavailableException, UnusableException {
        List<RegisterFile.Row> rows = new ArrayList<>();
        String listing = null;
        if (settings.url() != null) {
            rows.addAll(RegisterFile.parse(http.get(settings.url(), "text/csv, application/json;q=0.9, */*;q=0.5"),
                    registryId(), catalogue.current()));
        } else {
            List<Path> files = files();
            listing = listing(files);
            if (listing.equals(lastListing)) {
                return null;
            }
            for (Path file : files) {
                try {
                    rows.addAll(RegisterFile.parse(Files.readString(file, StandardCharsets.UTF_8), registryId(),
                            catalogue.current()));
                } catch (IOException e) {
                    throw new UnavailableException("cannot read " + file + ": " + e.getMessage(), e);
                } catch (UnusableException e) {
                    throw new UnusableException(file.getFileName() + ": " + e.getMessage(), e);
                }
            }
        }
        ImportCounts counts = apply(rows);
        lastListing = listing;
        return counts;
    }

    /** Stores the good rows in batches, quarantines the bad ones. */
    ImportCounts apply(List<RegisterFile.Row> rows) {
        Map<String, RegisterOrganisation> good = new LinkedHashMap<>();
        int rejected = 0;
        for (RegisterFile.Row row : rows) {
            if (row.organisation() == null) {
                quarantine.add(quarantineSource(), row.key(), row.problem(), row.raw());
                rejected++;
            } else {
                good.remove(row.key());
                good.put(row.key(), row.organisation());
            }
        }
        ImportCounts counts = register.upsert(good.values());
        quarantine.discard(quarantineSource(), good.keySet());
        return counts.withRejected(rejected);
    }

    @Override
    public synchronized void forget() {
        lastListing = null;
    }

    @Override
    synchronized String replay(String raw) {
        try {
            List<RegisterFile.Row> rows = RegisterFile.parse(raw, registryId(), catalogue.current());
            if (rows.size() != 1) {
                return "the quarantined text holds " + rows.size() + " rows, not one";
            }
            if (rows.get(0).problem() != null) {
                return rows.get(0).problem();
            }
            register.upsert(List.of(rows.get(0).organisation()));
            return null;
        } catch (UnusableException e) {
            return e.getMessage();
        }
    }

    private List<Path> files() throws UnavailableException {
        Path folder = settings.folder();
        if (!Files.isDirectory(folder)) {
            throw new UnavailableException("the folder " + folder + " does not exist", null);
        }
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.filter(p -> {
                String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return Files.isRegularFile(p) && (name.endsWith(".csv") || name.endsWith(".json"));
            }).sorted().toList();
        } catch (IOException e) {
            throw new UnavailableException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }

    private static String listing(List<Path> files) throws UnavailableException {
        StringBuilder state = new StringBuilder();
        try {
            for (Path file : files) {
                state.append(file.getFileName()).append(' ').append(Files.size(file)).append(' ')
                        .append(Files.getLastModifiedTime(file).toMillis()).append('\n');
            }
        } catch (IOException e) {
            throw new UnavailableException("cannot list the register files: " + e.getMessage(), e);
        }
        return Sha256.hex(state.toString());
    }
}
