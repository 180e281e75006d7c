package org.herald.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import org.herald.store.SettingStore.RunClaim;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs claimed with a lease by two nodes (two store instances) on one database, Derby or PostgreSQL. */
class ScheduledRunTest {

    private DataSource ds;
    private Stores a;
    private Stores b;
    private final Instant tonight = Instant.parse("2026-12-09T02:00:00Z");

    @BeforeEach
    void setUp() {
        ds = Databases.fresh();
        a = Stores.open(ds);
        b = Stores.open(ds);
    }

    @AfterEach
    void tearDown() {
        a.close();
        b.close();
        TestDatabases.drop(ds);
    }

    @Test
    void oneNodeHoldsARunWhileItRenewsAndAFinishedRunIsNeverClaimedAgain() {
        RunClaim first = a.settings().claimRun("job", tonight, Duration.ofMinutes(10));
        assertThat(first.claimed()).isTrue();
        RunClaim second = b.settings().claimRun("job", tonight, Duration.ofMinutes(10));
        assertThat(second.claimed()).isFalse();
        assertThat(second.finished()).isFalse();
        assertThat(second.renew()).isFalse();
        assertThat(first.renew()).isTrue();
        assertThat(first.finish()).isTrue();
        assertThat(first.finish()).as("finished once").isFalse();
        RunClaim after = b.settings().claimRun("job", tonight, Duration.ofMinutes(10));
        assertThat(after.claimed()).isFalse();
        assertThat(after.finished()).isTrue();
        assertThat(b.settings().claimRun("job", tonight.minusSeconds(86_400), Duration.ofMinutes(10)).claimed())
                .as("an earlier run").isFalse();
        assertThat(b.settings().claimRun("job", tonight.plusSeconds(86_400), Duration.ofMinutes(10)).claimed())
                .as("tomorrow's run").isTrue();
        assertThat(a.settings().claimRun("other", tonight, Duration.ofMinutes(10)).claimed()).as("another job").isTrue();
    }

    @Test
    void aRunWhoseNodeStoppedRenewingIsTakenOverOnceItsLeaseRunsOut() {
        RunClaim dead = a.settings().claimRun("purge", tonight, Duration.ofMillis(200));
        assertThat(dead.claimed()).isTrue();
        // the claimer stops renewing (killed); the other node checks again until the lease has run out
        Instant deadline = Instant.now().plusSeconds(30);
        RunClaim takeover = b.settings().claimRun("purge", tonight, Duration.ofMinutes(10));
        while (!takeover.claimed() && Instant.now().isBefore(deadline)) {
            takeover = b.settings().claimRun("purge", tonight, Duration.ofMinutes(10));
        }
        assertThat(takeover.claimed()).isTrue();
        // the old claimer, back from a pause, has lost the run: it can neither renew nor finish it
        assertThat(dead.renew()).isFalse();
        assertThat(dead.finish()).isFalse();
        assertThat(takeover.finish()).isTrue();
        assertThat(a.settings().claimRun("purge", tonight, Duration.ofMillis(1)).finished()).isTrue();
    }
}
