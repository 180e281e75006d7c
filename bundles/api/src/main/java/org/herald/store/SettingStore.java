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
}
