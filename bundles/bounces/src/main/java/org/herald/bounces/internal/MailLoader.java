package org.herald.bounces.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import org.herald.mail.MailContext;

/**
 * Runs MIME work under a thread context class loader that sees Jakarta Mail's implementation
 * (the loader of {@link MailContext}, or the current one outside OSGi) and answers
 * {@code META-INF/services/*} lookups from memory.
 *
 * <p>Why: Jakarta Mail 2.1 looks up its {@code StreamProvider} with {@link java.util.ServiceLoader}
 * for every header block, body part, multipart and decoder it creates; each lookup lists and reads
 * the service files of every jar the loader sees. For a bounce that is a dozen lookups and about a
 * third of the classification time. The service files do not change while the loader lives, so
 * their bytes are read once per loader; the provider classes are still loaded and instantiated by
 * the real loader, exactly as before. A refreshed Angus bundle comes with a new loader from
 * {@link MailContext}, and so with a new cache.
 */
final class MailLoader {

    private static volatile Cached cached;

    private MailLoader() {
    }

    /** Work that may throw. */
    @FunctionalInterface
    interface Work<T, E extends Exception> {
        T call() throws E;
    }

    static <T, E extends Exception> T call(Work<T, E> work) throws E {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        if (previous instanceof Cached) {
            // already inside: nested parse of the same classification
            return work.call();
        }
        ClassLoader mail = MailContext.classLoader();
        ClassLoader delegate = mail != null ? mail : previous != null ? previous : MailLoader.class.getClassLoader();
        Cached c = cached;
        if (c == null || c.delegate != delegate) {
            c = new Cached(delegate);
            cached = c;
        }
        thread.setContextClassLoader(c);
        try {
            return work.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Delegates everything to one loader; keeps the bytes of service files. */
    private static final class Cached extends ClassLoader {
        static {
            registerAsParallelCapable();
        }

        private static final String SERVICES = "META-INF/services/";

        final ClassLoader delegate;
        private final ConcurrentHashMap<String, List<URL>> services = new ConcurrentHashMap<>();

        Cached(ClassLoader delegate) {
            super(null);
            this.delegate = delegate;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            return delegate.loadClass(name);
        }

        @Override
        public URL getResource(String name) {
            return delegate.getResource(name);
        }

        @Override
        public InputStream getResourceAsStream(String name) {
            return delegate.getResourceAsStream(name);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            if (!name.startsWith(SERVICES)) {
                return delegate.getResources(name);
            }
            List<URL> urls = services.get(name);
            if (urls == null) {
                urls = read(name);
                List<URL> raced = services.putIfAbsent(name, urls);
                if (raced != null) {
                    urls = raced;
                }
            }
            return Collections.enumeration(urls);
        }

        private List<URL> read(String name) throws IOException {
            List<URL> out = new ArrayList<>();
            for (URL u : Collections.list(delegate.getResources(name))) {
                byte[] bytes;
                try (InputStream in = u.openStream()) {
                    bytes = in.readAllBytes();
                }
                out.add(memoryUrl(u, bytes));
            }
            return List.copyOf(out);
        }

        @SuppressWarnings("deprecation")
        private static URL memoryUrl(URL original, byte[] bytes) throws IOException {
            URLStreamHandler handler = new URLStreamHandler() {
                @Override
                protected URLConnection openConnection(URL u) {
                    return new URLConnection(u) {
                        @Override
                        public void connect() {
                            connected = true;
                        }

                        @Override
                        public InputStream getInputStream() {
                            return new ByteArrayInputStream(bytes);
                        }
                    };
                }
            };
            return new URL(null, "herald-cached:" + original, handler);
        }
    }
}
