package org.herald.routes.smtp.internal;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Paces sends: at most {@code overall} messages a second, {@code perDomain} a second to one domain,
 * and holds a domain back after it answered 421/451/452, doubling the hold while it goes on. Each
 * caller reserves its slot under a lock and waits outside it.
 */
final class Throttle {

    private static final long MAX_HOLD_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final long overallInterval;
    private final long domainInterval;
    private final long backPressure;
    private long nextOverall;
    private final ConcurrentHashMap<String, long[]> domains = new ConcurrentHashMap<>();

    Throttle(double overall, double perDomain, long backPressureMillis) {
        this.overallInterval = overall > 0 ? (long) (1e9 / overall) : 0;
        this.domainInterval = perDomain > 0 ? (long) (1e9 / perDomain) : 0;
        this.backPressure = TimeUnit.MILLISECONDS.toNanos(backPressureMillis);
    }

    /** Waits for this message's slot. */
    void acquire(String domain) throws InterruptedException {
        long now = System.nanoTime();
        long at = now;
        synchronized (this) {
            if (overallInterval > 0) {
                at = Math.max(at, nextOverall);
                nextOverall = at + overallInterval;
            }
            long[] d = domains.computeIfAbsent(domain, k -> new long[] {now, 0});
            at = Math.max(at, d[0]);
            d[0] = at + domainInterval;
        }
        long wait = at - now;
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    /** The domain asked to slow down: hold it back. */
    void slowDown(String domain) {
        synchronized (this) {
            long[] d = domains.computeIfAbsent(domain, k -> new long[] {System.nanoTime(), 0});
            d[1] = d[1] == 0 ? backPressure : Math.min(MAX_HOLD_NANOS, d[1] * 2);
            d[0] = Math.max(d[0], System.nanoTime() + d[1]);
        }
    }

    /** The domain accepted a message: forget its hold. */
    void accepted(String domain) {
        long[] d = domains.get(domain);
        if (d != null && d[1] != 0) {
            synchronized (this) {
                d[1] = 0;
            }
        }
    }
}
