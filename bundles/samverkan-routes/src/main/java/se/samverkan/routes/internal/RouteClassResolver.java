package se.samverkan.routes.internal;

import java.io.InputStream;
import java.net.URL;
import java.util.Enumeration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.spi.ClassResolver;

/**
 * The context's class resolver, which in OSGi sees only this bundle and Camel, widened to the bundles that
 * brought routes: Camel looks some classes of a route up by name when it builds the route (the exceptions of
 * {@code onException(...)}, the types of {@code convertBodyTo(...)}), and a plugin's own classes are only
 * visible through the plugin's class loader. A plugin's loader is dropped again with its routes.
 */
final class RouteClassResolver implements ClassResolver {

    private final ClassResolver platform;
    /** The class loader of each builder that has routes in the context, by the key it was added under. */
    private final Map<Object, ClassLoader> routeLoaders = new ConcurrentHashMap<>();

    RouteClassResolver(ClassResolver platform) {
        this.platform = platform;
    }

    void addRouteLoader(Object key, ClassLoader loader) {
        if (loader != null) {
            routeLoaders.put(key, loader);
        }
    }

    void removeRouteLoader(Object key) {
        routeLoaders.remove(key);
    }

    @Override
    public Class<?> resolveClass(String name) {
        Class<?> type = platform.resolveClass(name);
        if (type != null) {
            return type;
        }
        for (ClassLoader loader : routeLoaders.values()) {
            try {
                return Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                // Not in this plugin: try the next.
            }
        }
        return null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Class<T> resolveClass(String name, Class<T> type) {
        Class<?> found = resolveClass(name);
        return found != null && type.isAssignableFrom(found) ? (Class<T>) found : null;
    }

    @Override
    public Class<?> resolveMandatoryClass(String name) throws ClassNotFoundException {
        Class<?> type = resolveClass(name);
        if (type == null) {
            throw new ClassNotFoundException(name);
        }
        return type;
    }

    @Override
    public <T> Class<T> resolveMandatoryClass(String name, Class<T> type) throws ClassNotFoundException {
        Class<T> found = resolveClass(name, type);
        if (found == null) {
            throw new ClassNotFoundException(name);
        }
        return found;
    }

    @Override
    public void addClassLoader(ClassLoader classLoader) {
        platform.addClassLoader(classLoader);
    }

    @Override
    public Class<?> resolveClass(String name, ClassLoader loader) {
        return platform.resolveClass(name, loader);
    }

    @Override
    public <T> Class<T> resolveClass(String name, Class<T> type, ClassLoader loader) {
        return platform.resolveClass(name, type, loader);
    }

    @Override
    public Class<?> resolveMandatoryClass(String name, ClassLoader loader) throws ClassNotFoundException {
        return platform.resolveMandatoryClass(name, loader);
    }

    @Override
    public <T> Class<T> resolveMandatoryClass(String name, Class<T> type, ClassLoader loader)
            throws ClassNotFoundException {
        return platform.resolveMandatoryClass(name, type, loader);
    }

    @Override
    public InputStream loadResourceAsStream(String uri) {
        return platform.loadResourceAsStream(uri);
    }

    @Override
    public URL loadResourceAsURL(String uri) {
        return platform.loadResourceAsURL(uri);
    }

    @Override
    public Enumeration<URL> loadResourcesAsURL(String uri) {
        return platform.loadResourcesAsURL(uri);
    }

    @Override
    public Enumeration<URL> loadAllResourcesAsURL(String uri) {
        return platform.loadAllResourcesAsURL(uri);
    }
}
