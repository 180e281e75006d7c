package org.herald.mail;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Runs Jakarta Mail work with a thread context class loader that sees the Angus implementation.
 * Every MIME parse and send in Herald goes through here.
 *
 * <p>Why: in OSGi, jakarta.mail-api finds its {@code StreamProvider} and jakarta.activation finds its
 * mailcap registry and data content handlers through {@link java.util.ServiceLoader} and the
 * thread context class loader. Under a bundle's own loader that fails with "No provider of
 * jakarta.mail.util.StreamProvider was found", and under angus-mail's loader alone multipart
 * content comes back as a raw stream. The loader used here delegates to both angus-mail
 * ({@value #ANGUS_MAIL}) and angus-activation ({@value #ANGUS_ACTIVATION}); the previous context
 * loader is restored afterwards, even on failure.
 *
 * <p>Outside OSGi (unit tests, benchmarks, tools) the classpath already sees everything, so the
 * work simply runs. In OSGi, when either bundle is not installed or not resolved, the work also runs
 * unchanged (and Jakarta Mail reports what it misses).
 *
 * <p>The composite loader is built once and reused while both bundles keep their current wiring; a
 * refresh or update of either bundle builds a new one.
 */
public final class MailContext {

    /** Bundle-SymbolicName of the Angus Mail implementation. */
    public static final String ANGUS_MAIL = "org.eclipse.angus.mail";
    /** Bundle-SymbolicName of the Angus Activation implementation. */
    public static final String ANGUS_ACTIVATION = "angus-activation";

    /** Work that may throw a checked exception. */
    @ConsumerType
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T call() throws E;
    }

    /** Work without a result. */
    @ConsumerType
    @FunctionalInterface
    public interface VoidWork<E extends Exception> {
        void run() throws E;
    }

    private MailContext() {
    }

    /** Runs the work under the mail class loader and returns its result. */
    public static <T, E extends Exception> T call(Work<T, E> work) throws E {
        Objects.requireNonNull(work, "work");
        ClassLoader loader = classLoader();
        if (loader == null) {
            return work.call();
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return work.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Runs the work under the mail class loader. */
    public static <E extends Exception> void run(VoidWork<E> work) throws E {
        Objects.requireNonNull(work, "work");
        call(() -> {
            work.run();
            return null;
        });
    }

    /**
     * The composite loader over angus-mail and angus-activation, for code that must hand a loader
     * to a library (e.g. Camel's application context class loader); {@code null} outside OSGi or when
     * the Angus bundles are not resolved.
     */
    public static ClassLoader classLoader() {
        try {
            return Osgi.current();
        } catch (LinkageError e) {
            // org.osgi.framework is not on the classpath: plain Java, nothing to do
            return null;
        }
    }

    /**
     * A loader that asks {@code first} before the Angus bundles, e.g. the Camel bundle's loader so
     * its own service files still resolve. Not cached: keep the result. Returns {@code first}
     * unchanged when there is no mail loader.
     */
    public static ClassLoader classLoader(ClassLoader first) {
        ClassLoader mail = classLoader();
        if (mail == null || first == null) {
            return mail == null ? first : mail;
        }
        return new CompositeLoader(List.of(first, mail));
    }

    /** Everything that touches org.osgi.framework, so plain Java never loads it. */
    private static final class Osgi {

        private record Cached(BundleWiring mail, BundleWiring activation, ClassLoader loader) {
            boolean current() {
                return mail.isCurrent() && mail.isInUse() && activation.isCurrent() && activation.isInUse();
            }
        }

        private static volatile Cached cached;

        static ClassLoader current() {
            Cached c = cached;
            if (c != null && c.current()) {
                return c.loader();
            }
            synchronized (Osgi.class) {
                c = cached;
                if (c != null && c.current()) {
                    return c.loader();
                }
                Bundle self = FrameworkUtil.getBundle(MailContext.class);
                BundleContext context = self == null ? null : self.getBundleContext();
                if (context == null) {
                    return null;
                }
                BundleWiring mail = wiring(context, ANGUS_MAIL);
                BundleWiring activation = wiring(context, ANGUS_ACTIVATION);
                if (mail == null || activation == null) {
                    return null;
                }
                ClassLoader loader = new CompositeLoader(List.of(mail.getClassLoader(), activation.getClassLoader()));
                cached = new Cached(mail, activation, loader);
                return loader;
            }
        }

        /** The current wiring of the highest resolved version of the bundle, or null. */
        private static BundleWiring wiring(BundleContext context, String symbolicName) {
            Bundle best = null;
            for (Bundle b : context.getBundles()) {
                if (symbolicName.equals(b.getSymbolicName())
                        && (b.getState() & (Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE)) != 0
                        && (best == null || b.getVersion().compareTo(best.getVersion()) > 0)) {
                    best = b;
                }
            }
            BundleWiring wiring = best == null ? null : best.adapt(BundleWiring.class);
            return wiring != null && wiring.getClassLoader() != null ? wiring : null;
        }
    }

    /** Delegates to each loader in turn; no parent of its own. */
    private static final class CompositeLoader extends ClassLoader {
        static {
            registerAsParallelCapable();
        }

        private final List<ClassLoader> delegates;

        CompositeLoader(List<ClassLoader> delegates) {
            super(null);
            this.delegates = List.copyOf(delegates);
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            for (ClassLoader l : delegates) {
                try {
                    return l.loadClass(name);
                } catch (ClassNotFoundException e) {
                    // try the next one
                }
            }
            throw new ClassNotFoundException(name);
        }

        @Override
        protected URL findResource(String name) {
            for (ClassLoader l : delegates) {
                URL u = l.getResource(name);
                if (u != null) {
                    return u;
                }
            }
            return null;
        }

        @Override
        protected Enumeration<URL> findResources(String name) throws IOException {
            Set<URL> all = new LinkedHashSet<>();
            for (ClassLoader l : delegates) {
                all.addAll(Collections.list(l.getResources(name)));
            }
            return Collections.enumeration(new ArrayList<>(all));
        }
    }
}
