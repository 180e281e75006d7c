package org.herald.store;

import org.osgi.annotation.versioning.ProviderType;

/** Installation-wide values kept in the database (salts, generations), shared by every node. */
@ProviderType
public interface SettingStore {

    /**
     * The setting's value; when absent, stores {@code initial} first. Safe when several nodes race:
     * all of them get the value stored first.
     */
    String setting(String name, String initial);

    /**
     * Claims the run of scheduled job {@code job} due at {@code due} (the nightly purge, the score
     * decay, later scheduled campaigns and timers): true for exactly one caller among all the nodes
     * sharing the database, the first; false for every later claim of the same or an earlier due
     * time. So a job that every node schedules runs once across nodes. The claim is a row of the
     * database updated in its own transaction, before the job runs.
     *
     * @since 2.1
     */
    boolean claimRun(String job, java.time.Instant due);

    /**
     * Claims the run of {@code job} due at {@code due} with a lease: the claimer must
     * {@link RunClaim#renew renew} it within {@code lease} while it works and
     * {@link RunClaim#finish finish} it when done. A run whose claimer stopped renewing (a node
     * killed mid-work) can be claimed again by another node once the lease has run out, so it is
     * finished the same day; a finished run is never claimed again, nor is an earlier one after a
     * later one was claimed.
     *
     * @since 2.4
     */
    RunClaim claimRun(String job, java.time.Instant due, java.time.Duration lease);

    /** The outcome of {@link #claimRun(String, java.time.Instant, java.time.Duration)}. */
    @ProviderType
    interface RunClaim {

        /** Whether this caller holds the run now. */
        boolean claimed();

        /** Whether the run is done already (by this or another node). */
        boolean finished();

        /** Extends the lease by its length from now; false when the run is no longer this caller's. */
        boolean renew();

        /** Marks the run done; false when it was no longer this caller's. */
        boolean finish();
    }
}
