package se.samverkan.plugins.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

import se.samverkan.api.model.Activity;
import se.samverkan.api.model.Municipality;
import se.samverkan.api.model.Organisation;
import se.samverkan.api.model.OrganisationKind;
import se.samverkan.api.plugin.Contribution;
import se.samverkan.api.plugin.SamverkanPlugin;
import se.samverkan.plugins.ContributionFile;

/**
 * A plugin made of configuration, for an integrator who adds a municipality or a partner without building a
 * bundle: one factory configuration {@code etc/se.samverkan.plugins.plugin-NAME.cfg} (before release 0.2: {@code etc/se.samverkan.plugin-NAME.cfg}, still read) per plugin. Its keys:
 * <pre>
 * name                   = municipality-laxa            (the plugin's name; default: the configuration's pid)
 * municipality.code      = 1860
 * municipality.name      = Laxå
 * municipality.county    = Örebro län
 * municipality.subRegion = …                            (optional)
 * municipality.languages = ar, so, ti                   (most spoken first)
 * municipality.setting.mail.from = integration@laxa.se  (any number of municipality.setting.* keys)
 * organisation.id        = laxa-folkets-hus
 * organisation.name      = …
 * organisation.kind      = ASSOCIATION
 * organisation.number    = NNNNNN-NNNN                  (optional)
 * organisation.municipalities = 1860, 1861
 * file                   = ${karaf.etc}/samverkan/laxa.json   (optional: a contribution file, as in a bundle)
 * </pre>
 * Deleting the file removes the plugin like uninstalling a bundle: its records stay, inactive.
 */
@Component(configurationPid = ConfiguredPlugin.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
public class ConfiguredPlugin implements SamverkanPlugin {

    static final String PID = "se.samverkan.plugins.plugin";
    /** The name of {@link #PID} before release 0.2, still read ({@link ConfiguredPluginUnderFormerPid}). */
    static final String FORMER_PID = "se.samverkan.plugin";
    private static final String SETTING = "municipality.setting.";

    private final String name;
    private final Map<String, String> config = new TreeMap<>();

    @Activate
    public ConfiguredPlugin(Map<String, Object> properties) {
        properties.forEach((key, value) -> config.put(key, String.valueOf(value).strip()));
        this.name = config.getOrDefault("name", config.getOrDefault("service.pid", PID));
    }

    @Override
    public String name() {
        return name;
    }

    /** Read when applied, so that a broken value or file is reported as this plugin's failure. */
    @Override
    public Contribution contribution() {
        Contribution file = config.containsKey("file") ? read(Path.of(config.get("file"))) : null;
        List<Municipality> municipalities = new ArrayList<>(file == null ? List.of() : file.municipalities());
        if (config.containsKey("municipality.code")) {
            Map<String, String> settings = new TreeMap<>();
            config.forEach((key, value) -> {
                if (key.startsWith(SETTING)) {
                    settings.put(key.substring(SETTING.length()), value);
                }
            });
            municipalities.add(0, new Municipality(config.get("municipality.code"), config.get("municipality.name"),
                    config.get("municipality.county"), config.get("municipality.subRegion"), true,
                    list("municipality.languages"), settings));
        }
        List<Organisation> organisations = new ArrayList<>(file == null ? List.of() : file.organisations());
        if (config.containsKey("organisation.id")) {
            organisations.add(0, new Organisation(config.get("organisation.id"), config.get("organisation.name"),
                    kind(config.getOrDefault("organisation.kind", "ASSOCIATION")), config.get("organisation.number"),
                    Set.copyOf(list("organisation.municipalities"))));
        }
        return file == null ? new Contribution(municipalities, organisations, null, null, null, null)
                : new Contribution(municipalities, organisations, file.venues(), file.agreements(), file.programmes(),
                file.activities());
    }

    private static OrganisationKind kind(String kind) {
        try {
            return OrganisationKind.valueOf(kind.toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("organisation.kind '" + kind + "' is none of "
                    + Arrays.toString(OrganisationKind.values()), e);
        }
    }

    private List<String> list(String key) {
        String value = config.getOrDefault(key, "");
        return value.isBlank() ? List.of() : Arrays.stream(value.split(",")).map(String::strip).toList();
    }

    private static Contribution read(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return ContributionFile.parse(in, LocalDate.now(Activity.ZONE));
        } catch (IOException e) {
            throw new UncheckedIOException(path + " cannot be read as a contribution: " + e.getMessage(), e);
        }
    }
}
