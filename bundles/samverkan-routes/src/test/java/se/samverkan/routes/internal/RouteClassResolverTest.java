package se.samverkan.routes.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.camel.impl.engine.DefaultClassResolver;
import org.junit.jupiter.api.Test;

/** A plugin's classes are found by name while its routes are in the context, as OSGi would not find them. */
class RouteClassResolverTest {

    /** A plugin's own exception, which the platform's bundle cannot see in OSGi. */
    static final class PluginException extends Exception {
    }

    /** Sees nothing but the JDK, as the platform bundle's resolver sees no plugin. */
    private final RouteClassResolver resolver = new RouteClassResolver(new DefaultClassResolver() {
        @Override
        public Class<?> resolveClass(String name) {
            return name.startsWith("java.") ? super.resolveClass(name) : null;
        }
    });

    @Test
    void findsAPluginsClassThroughItsRoutesLoaderUntilItsRoutesGo() throws Exception {
        String name = PluginException.class.getName();
        assertNull(resolver.resolveClass(name));
        resolver.addRouteLoader("plugin", PluginException.class.getClassLoader());
        assertEquals(PluginException.class, resolver.resolveMandatoryClass(name));
        assertEquals(PluginException.class, resolver.resolveClass(name, Throwable.class));
        assertNull(resolver.resolveClass(name, Runnable.class));
        assertEquals(String.class, resolver.resolveClass("java.lang.String"));

        resolver.removeRouteLoader("plugin");
        assertThrows(ClassNotFoundException.class, () -> resolver.resolveMandatoryClass(name));
    }
}
