package se.samverkan.plugins.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.time.LocalDate;
import java.util.Dictionary;
import java.util.Hashtable;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;

import se.samverkan.api.model.Activity;
import se.samverkan.api.plugin.Contribution;
import se.samverkan.api.plugin.SamverkanPlugin;
import se.samverkan.plugins.ContributionFile;

/**
 * Makes a plugin of every active bundle with a {@value SamverkanPlugin#HEADER} header: the file it names is
 * the contribution. The plugin service is registered in the name of that bundle, so it goes when the bundle
 * stops, and a broken file is reported as that plugin's failure.
 */
@Component(immediate = true)
public class ContributionFiles {

    static final String NAME_PROPERTY = "samverkan.plugin.name";

    private final BundleTracker<ServiceRegistration<SamverkanPlugin>> tracker;

    @Activate
    public ContributionFiles(BundleContext context) {
        tracker = new BundleTracker<>(context, Bundle.ACTIVE, new BundleTrackerCustomizer<>() {
            @Override
            public ServiceRegistration<SamverkanPlugin> addingBundle(Bundle bundle, BundleEvent event) {
                String path = bundle.getHeaders().get(SamverkanPlugin.HEADER);
                if (path == null || bundle.getBundleContext() == null) {
                    return null;
                }
                Dictionary<String, Object> properties = new Hashtable<>();
                properties.put(NAME_PROPERTY, bundle.getSymbolicName());
                return bundle.getBundleContext().registerService(SamverkanPlugin.class,
                        new FilePlugin(bundle, path.trim()), properties);
            }

            @Override
            public void modifiedBundle(Bundle bundle, BundleEvent event, ServiceRegistration<SamverkanPlugin> r) {
            }

            @Override
            public void removedBundle(Bundle bundle, BundleEvent event, ServiceRegistration<SamverkanPlugin> r) {
                try {
                    r.unregister();
                } catch (IllegalStateException alreadyGoneWithItsBundle) {
                    // Stopping the bundle unregistered it already.
                }
            }
        });
        tracker.open();
    }

    @Deactivate
    void stop() {
        tracker.close();
    }

    /** The contribution file of one bundle, read when the platform applies it. */
    private record FilePlugin(Bundle bundle, String path) implements SamverkanPlugin {

        @Override
        public String name() {
            return bundle.getSymbolicName();
        }

        @Override
        public Contribution contribution() {
            URL entry = bundle.getEntry(path);
            if (entry == null) {
                throw new IllegalStateException(SamverkanPlugin.HEADER + " names " + path + ", which is not in the bundle");
            }
            try (InputStream in = entry.openStream()) {
                return ContributionFile.parse(in, LocalDate.now(Activity.ZONE));
            } catch (IOException e) {
                throw new UncheckedIOException(path + " is not a valid contribution: " + e.getMessage(), e);
            }
        }
    }
}
