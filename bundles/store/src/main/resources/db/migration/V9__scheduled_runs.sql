-- Herald schema version 9: scheduled work held by a lease. Every node schedules the nightly jobs; the
-- first to claim a run holds it while it renews lease_until; a run whose node died (the lease ran out
-- before done_at was set) is claimed by another node and finished the same day.
CREATE TABLE scheduled_run (
    job VARCHAR(64) NOT NULL CONSTRAINT scheduled_run_pk PRIMARY KEY,
    due_at TIMESTAMP NOT NULL,
    owner VARCHAR(128) NOT NULL,
    lease_until TIMESTAMP NOT NULL,
    done_at TIMESTAMP
);
