package org.herald.contacts.internal.events;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.herald.events.ContactEvent;
import org.herald.events.spi.ContactEventListener;
import org.herald.store.EventStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the event log to every {@link ContactEventListener} service (whiteboard), each on its
 * own thread from its own durable position, so a slow or failing listener holds back nobody
 * else. Per listener: claim the lease of its name, read the next batch after its position,
 * hand it over, then move the position past it; a batch that throws is retried with back-off,
 * then event by event, and an event that still fails after the allowed attempts is set aside
 * (parked in the database, logged) so the rest can go on.
 */
@Component(service = EventDispatcher.class, immediate = true, configurationPid = "org.herald.events")
public class EventDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);

    private final EventStore store;
    private final String node = "node-" + UUID.randomUUID();
    private final ExecutorService threads;
    private final Map<ContactEventListener, Delivery> deliveries = new ConcurrentHashMap<>();
    private final AtomicInteger threadCount = new AtomicInteger();
    private volatile EventsConfig config;
    private volatile boolean running = true;

    @Activate
    public EventDispatcher(@Reference EventStore store, EventsConfig config) {
        this.store = store;
        this.config = config;
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "herald-events-" + threadCount.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Modified
    void modified(EventsConfig changed) {
        this.config = changed;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addListener(ContactEventListener listener, Map<String, Object> properties) {
        Object name = properties.get(ContactEventListener.NAME);
        if (!(name instanceof String n) || n.isBlank()) {
            LOG.error("A ContactEventListener ({}) has no {} property: it gets no events", listener.getClass().getName(),
                    ContactEventListener.NAME);
            return;
        }
        Delivery d = new Delivery(n, listener, types(properties.get(ContactEventListener.TYPES)),
                "latest".equals(properties.get(ContactEventListener.START)), attempts(properties.get("herald.event.attempts")));
        if (deliveries.putIfAbsent(listener, d) == null && running) {
            threads.execute(d);
        }
    }

    public void removeListener(ContactEventListener listener) {
        Delivery d = deliveries.remove(listener);
        if (d != null) {
            d.stop();
        }
    }

    @Deactivate
    public void deactivate() {
        running = false;
        deliveries.values().forEach(Delivery::stop);
        threads.shutdownNow();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Set<String> types(Object value) {
        if (value instanceof String s) {
            return s.isBlank() ? Set.of() : Set.of(s.split("\\s*,\\s*"));
        }
        if (value instanceof String[] a) {
            return Set.of(a);
        }
        return Set.of();
    }

    private static Integer attempts(Object value) {
        if (value instanceof Number n) {
            return n.intValue();
        }
        if (value instanceof String s && !s.isBlank()) {
            return Integer.parseInt(s.strip());
        }
        return null;
    }

    /** What the dispatcher knows about the listeners, for the console and tests. */
    public record Status(String name, long position, boolean holder, long delivered, String lastError) {
    }

    public List<Status> status() {
        List<Status> result = new ArrayList<>();
        for (Delivery d : deliveries.values()) {
            result.add(new Status(d.name, d.position, d.holding, d.delivered, d.lastError));
        }
        return result;
    }

    /** The loop of one listener. */
    private final class Delivery implements Runnable {
        final String name;
        final ContactEventListener listener;
        final Set<String> types;
        final boolean startAtEnd;
        final Integer attemptsOverride;
        final Object signal = new Object();
        volatile boolean stopped;
        volatile long position = -1;
        volatile boolean holding;
        volatile long delivered;
        volatile String lastError;
        private Instant leaseRenewAt = Instant.MIN;

        Delivery(String name, ContactEventListener listener, Set<String> types, boolean startAtEnd, Integer attempts) {
            this.name = name;
            this.listener = listener;
            this.types = Set.copyOf(types);
            this.startAtEnd = startAtEnd;
            this.attemptsOverride = attempts;
        }

        void stop() {
            stopped = true;
            synchronized (signal) {
                signal.notifyAll();
            }
        }

        private boolean pause(long millis) {
            synchronized (signal) {
                if (stopped) {
                    return false;
                }
                try {
                    signal.wait(Math.max(1, millis));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stopped = true;
                }
            }
            return !stopped;
        }

        @Override
        public void run() {
            LOG.info("Delivering contact events to listener '{}'", name);
            try {
                while (!stopped && running) {
                    EventsConfig cfg = config;
                    Duration lease = Duration.ofSeconds(cfg.delivery_leaseSeconds());
                    try {
                        if (!claim(lease)) {
                            pause(lease.toMillis() / 3);
                            continue;
                        }
                        long end = store.lastPosition();
                        List<ContactEvent> batch = store.after(position, end, types, cfg.delivery_batchSize());
                        long next = batch.isEmpty() ? position : batch.get(batch.size() - 1).sequence();
                        if (!batch.isEmpty() && !deliver(batch, cfg)) {
                            continue; // stopped while retrying
                        }
                        if (batch.size() < cfg.delivery_batchSize()) {
                            next = Math.max(next, end); // nothing else of our types up to the end we read
                        }
                        if (next > position) {
                            if (!store.advance(name, node, next, lease)) {
                                LOG.warn("Listener '{}': another node took over its position", name);
                                holding = false;
                                continue;
                            }
                            position = next;
                            leaseRenewAt = Instant.now().plus(lease.dividedBy(2));
                        }
                        if (batch.size() < cfg.delivery_batchSize()) {
                            pause(cfg.delivery_pollMillis());
                        }
                    } catch (RuntimeException e) {
                        // the database is away: try again after a while, from the stored position
                        lastError = e.getMessage();
                        holding = false;
                        LOG.warn("Listener '{}': cannot read or move its position ({}); retrying", name, e.getMessage());
                        pause(Math.min(cfg.delivery_maxBackoffMillis(), 5000));
                    }
                }
            } finally {
                if (holding) {
                    try {
                        store.release(name, node);
                    } catch (RuntimeException e) {
                        LOG.debug("Listener '{}': releasing its lease failed", name, e);
                    }
                }
                LOG.info("Stopped delivering contact events to listener '{}'", name);
            }
        }

        private boolean claim(Duration lease) {
            if (holding && Instant.now().isBefore(leaseRenewAt)) {
                return true;
            }
            OptionalLong claimed = store.claim(name, node, lease, startAtEnd);
            holding = claimed.isPresent();
            if (holding) {
                position = claimed.getAsLong();
                leaseRenewAt = Instant.now().plus(lease.dividedBy(2));
            }
            return holding;
        }

        /** Hands the batch over, retrying; false when stopped meanwhile. */
        private boolean deliver(List<ContactEvent> batch, EventsConfig cfg) {
            if (attempt(batch)) {
                return true;
            }
            if (batch.size() == 1) {
                return retry(batch.get(0), cfg);
            }
            // find the event at fault: one by one, in order
            for (ContactEvent e : batch) {
                if (!attempt(List.of(e)) && !retry(e, cfg)) {
                    return false;
                }
            }
            return true;
        }

        private boolean attempt(List<ContactEvent> events) {
            try {
                listener.onEvents(events);
                delivered += events.size();
                lastError = null;
                return true;
            } catch (Exception e) {
                lastError = e.toString();
                LOG.warn("Listener '{}' failed on {} event(s) from position {}: {}", name, events.size(),
                        events.get(0).sequence(), e.toString());
                return false;
            }
        }

        /** Retries one event with back-off; sets it aside after the allowed attempts. */
        private boolean retry(ContactEvent e, EventsConfig cfg) {
            int allowed = attemptsOverride != null ? attemptsOverride : cfg.delivery_attempts();
            long backoff = 250;
            for (int attempt = 2; allowed == 0 || attempt <= allowed; attempt++) {
                if (!pause(backoff)) {
                    return false;
                }
                backoff = Math.min(cfg.delivery_maxBackoffMillis(), backoff * 2);
                if (attempt(List.of(e))) {
                    return true;
                }
            }
            LOG.error("Listener '{}' failed {} times on event {} (position {}, {}): set aside, going on with the rest",
                    name, allowed, e.id(), e.sequence(), e.type());
            store.park(name, e, allowed, lastError, Instant.now());
            return true;
        }
    }
}
