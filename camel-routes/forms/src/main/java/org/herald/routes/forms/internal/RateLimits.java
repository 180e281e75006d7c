package org.herald.routes.forms.internal;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counters of posts per key in fixed windows, in this node's memory (several nodes each count their
 * own share; the confirmation cap per address per day is kept in the database and holds across nodes).
 */
final class RateLimits {

    private static final int SWEEP_ABOVE = 50_000;

    private record Window(long start, int count) {
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final long windowMillis;

    RateLimits(long windowMillis) {
        this.windowMillis = windowMillis;
    }

    /**
     * Counts one post for {@code key}; true when it is within {@code limit} for the current window
     * (a limit of 0 or less: no limit).
     */
    boolean allow(String key, int limit, long nowMillis) {
        if (limit <= 0) {
            return true;
        }
        long start = nowMillis - nowMillis % windowMillis;
        Window w = windows.compute(key, (k, old) -> old == null || old.start() != start ? new Window(start, 1)
                : new Window(start, old.count() + 1));
        if (windows.size() > SWEEP_ABOVE) {
            sweep(start);
        }
        return w.count() <= limit;
    }

    /** Seconds until the current window ends. */
    long retryAfterSeconds(long nowMillis) {
        return Math.max(1, (windowMillis - nowMillis % windowMillis + 999) / 1000);
    }

    private void sweep(long current) {
        for (Iterator<Window> it = windows.values().iterator(); it.hasNext();) {
            if (it.next().start() != current) {
                it.remove();
            }
        }
    }
}
