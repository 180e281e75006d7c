package org.herald.camel.runtime.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.impl.engine.DefaultClassResolver;

/**
 * Resolves the classes Camel loads by name (exception types in {@code onException}, bean types,
 * converters) also from the route bundles' class loaders: Camel's own bundle cannot see them in OSGi.
 * A loader is added when a route bundle's builder arrives and removed when it goes, so an uninstalled
 * bundle's classes are not kept reachable.
 */
final class RouteBundleClassResolver extends DefaultClassResolver {

    private final List<ClassLoader> routeLoaders = new CopyOnWriteArrayList<>();

    void addRouteLoader(ClassLoader loader) {
        if (loader != null && !routeLoaders.contains(loader)) {
            routeLoaders.add(loader);
        }
    }

    void removeRouteLoader(ClassLoader loader) {
        routeLoaders.remove(loader);
    }

    @Override
    protected Class<?> loadClass(String name, ClassLoader loader) {
        Class<?> found = super.loadClass(name, loader);
        if (found != null) {
            return found;
        }
        for (ClassLoader routeLoader : routeLoaders) {
            try {
                return Class.forName(name, false, routeLoader);
            } catch (ClassNotFoundException | LinkageError e) {
                // not in this bundle: try the next one
            }
        }
        return null;
    }
}
