package org.herald.contacts.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.herald.store.SettingStore;
import org.herald.store.SettingStore.RunClaim;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scheduled work that every node schedules and one node runs: the node that claims a run renews its
 * lease while the work goes on (from a thread of its own, so a long job keeps it) and marks the run
 * finished at the end. The nodes that did not claim it check again after each lease period until the
 * run is finished or the day is over, so a node killed mid-run leaves the run to another node the
 * same day. The work must be safe to run again from the start (a purge, a recomputation).
 */
public final class ScheduledRuns implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledRuns.class);

    private final SettingStore settings;
    private final Duration lease;
    private final ScheduledExecutorService leases;

    public ScheduledRuns(SettingStore settings, Duration lease, String threadName) {
        this.settings = settings;
        this.lease = lease;
        this.leases = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Runs {@code work} for the run of {@code job} due at {@code due} if this node claims it; otherwise,
     * unless the run is finished, tries again after the lease until {@code giveUpAt}. Returns whether
     * this call ran it.
     */
    public boolean runOnce(String job, Instant due, Instant giveUpAt, Runnable work) {
        RunClaim claim = settings.claimRun(job, due, lease);
        if (!claim.claimed()) {
            if (!claim.finished() && Instant.now().plus(lease).isBefore(giveUpAt) && !leases.isShutdown()) {
                leases.schedule(() -> {
                    try {
                        runOnce(job, due, giveUpAt, work);
                    } catch (RuntimeException e) {
                        LOG.error("The run of {} due at {} failed on this node; another check follows", job, due, e);
                    }
                }, lease.toMillis() + 1000, TimeUnit.MILLISECONDS);
            }
            return false;
        }
        long every = Math.max(1, lease.toMillis() / 3);
        ScheduledFuture<?> renewing = leases.scheduleAtFixedRate(() -> {
            try {
                if (!claim.renew()) {
                    LOG.warn("The run of {} due at {} is no longer this node's (its lease ran out)", job, due);
                }
            } catch (RuntimeException e) {
                LOG.warn("Renewing the lease of {} failed: {}", job, e.getMessage());
            }
        }, every, every, TimeUnit.MILLISECONDS);
        try {
            work.run();
            claim.finish();
            return true;
        } finally {
            renewing.cancel(false);
        }
    }

    @Override
    public void close() {
        leases.shutdownNow();
    }
}
