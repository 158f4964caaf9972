package se.samverkan.itests.plugin;

import java.util.Dictionary;
import java.util.Hashtable;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

import se.samverkan.rest.spi.RestResource;

/**
 * A plugin bundle without Declarative Services: it registers its resource by hand, with the whiteboard's property;
 * stopping the bundle unregisters it.
 */
public class EchoPlugin implements BundleActivator {

    @Override
    public void start(BundleContext context) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(RestResource.PROPERTY, true);
        context.registerService(EchoResource.class, new EchoResource(), properties);
    }

    @Override
    public void stop(BundleContext context) {
        // The framework unregisters the bundle's services.
    }
}
