package org.herald.contacts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.herald.contacts.internal.TestBed.API;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.herald.common.ValidationException;
import org.herald.contacts.ContactInput;
import org.herald.contacts.ContactQuery;
import org.herald.contacts.FieldType;
import org.herald.contacts.internal.events.ScoringConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two Herald nodes on one database (each with its own stores and services, as two containers have),
 * on Derby and on PostgreSQL: racing upserts leave one contact per address, definitions made on one
 * node are used on the other within a second, and a scheduled run is claimed by one node only.
 */
class MultiNodeTest {

    private final TestBed a = new TestBed();
    private final TestBed b = new TestBed(a.dataSource, ContactsConfigs.defaults(), Configs.defaults(ScoringConfig.class));

    @AfterEach
    void tearDown() {
        b.close();
        a.close(); // drops the database, last
    }

    @Test
    void upsertsRacingOnTwoNodesLeaveOneContactPerAddress() throws Exception {
        int addresses = 150;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> workers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                TestBed node = w % 2 == 0 ? a : b;
                long seed = w;
                workers.add(() -> {
                    List<Integer> order = new ArrayList<>();
                    for (int i = 0; i < addresses; i++) {
                        order.add(i);
                    }
                    Collections.shuffle(order, new Random(seed));
                    for (int i : order) {
                        node.contacts.upsert(ContactInput.builder("Race" + i + "@Example.com").tag("t" + seed).build(), API);
                    }
                    return order.size();
                });
            }
            for (Future<Integer> f : pool.invokeAll(workers)) {
                assertThat(f.get()).isEqualTo(addresses); // no upsert failed
            }
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(a.contacts.count(ContactQuery.all())).isEqualTo(addresses);
        assertThat(b.rows("contact")).isEqualTo(addresses);
        // every worker's tag reached the one contact
        assertThat(b.contacts.get("race7@example.com").tags()).containsExactlyInAnyOrder("t0", "t1", "t2", "t3");
    }

    @Test
    void fieldsAndListsMadeOnOneNodeAreUsedOnTheOtherWithinASecond() throws InterruptedException {
        a.lists.create("news");
        // lists are read from the database on every use: at once
        assertThat(b.contacts.upsert(ContactInput.builder("ann@example.com").list("news").build(), API).contact().lists())
                .containsExactly("news");

        a.fields.create("city", FieldType.TEXT, "City", null);
        Instant madeAt = Instant.now();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (true) {
            try {
                b.contacts.upsert(ContactInput.builder("ann@example.com").field("city", "Tartu").build(), API);
                break;
            } catch (ValidationException unknownYet) {
                if (System.nanoTime() > deadline) {
                    throw unknownYet;
                }
                Thread.sleep(50); // polling the other node's view, with a deadline
            }
        }
        assertThat(Duration.between(madeAt, Instant.now())).isLessThan(Duration.ofMillis(1500));
        assertThat(a.contacts.get("ann@example.com").fields()).containsEntry("city", "Tartu");
    }

    @Test
    void aScheduledRunIsClaimedByOneNodeOnly() throws Exception {
        Instant tonight = Instant.parse("2026-12-03T02:00:00Z");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Boolean>> claims = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                TestBed node = i % 2 == 0 ? a : b;
                claims.add(() -> node.stores.settings().claimRun(DefaultContactService.PURGE_JOB, tonight,
                        Duration.ofMinutes(10)).claimed());
            }
            int won = 0;
            for (Future<Boolean> f : pool.invokeAll(claims)) {
                won += f.get() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
        assertThat(b.stores.settings().claimRun(DefaultContactService.PURGE_JOB, tonight, Duration.ofMinutes(10)).claimed())
                .as("same run again").isFalse();
        assertThat(b.stores.settings().claimRun(DefaultContactService.PURGE_JOB, tonight.plusSeconds(86400),
                Duration.ofMinutes(10)).claimed()).as("the next night's").isTrue();
    }

    @Test
    void aRunWhoseNodeDiedMidwayIsFinishedByAnotherNodeTheSameDay() throws Exception {
        Instant tonight = Instant.parse("2026-12-04T02:00:00Z");
        // node A claims tonight's purge and dies: it never renews its lease nor finishes the run
        assertThat(a.stores.settings().claimRun(DefaultContactService.PURGE_JOB, tonight, Duration.ofMillis(300)).claimed())
                .isTrue();
        java.util.concurrent.atomic.AtomicInteger ran = new java.util.concurrent.atomic.AtomicInteger();
        try (ScheduledRuns runs = new ScheduledRuns(b.stores.settings(), Duration.ofMillis(300), "test-lease")) {
            boolean now = runs.runOnce(DefaultContactService.PURGE_JOB, tonight, Instant.now().plusSeconds(60),
                    ran::incrementAndGet);
            assertThat(now).as("A's lease is still running").isFalse();
            Instant deadline = Instant.now().plusSeconds(30);
            while (!(ran.get() > 0 && b.stores.settings().claimRun(DefaultContactService.PURGE_JOB, tonight,
                    Duration.ofMillis(300)).finished()) && Instant.now().isBefore(deadline)) {
                Thread.onSpinWait();
            }
            assertThat(ran.get()).as("B took the run over after A's lease ran out").isEqualTo(1);
            // finished: neither node runs it again
            assertThat(runs.runOnce(DefaultContactService.PURGE_JOB, tonight, Instant.now().plusSeconds(60),
                    ran::incrementAndGet)).isFalse();
            assertThat(a.stores.settings().claimRun(DefaultContactService.PURGE_JOB, tonight, Duration.ofMillis(300))
                    .finished()).isTrue();
        }
        assertThat(ran.get()).isEqualTo(1);
    }

    @Test
    void theClaimerKeepsItsRunWhileTheWorkTakesLongerThanTheLease() {
        Instant tonight = Instant.parse("2026-12-05T02:00:00Z");
        try (ScheduledRuns runs = new ScheduledRuns(a.stores.settings(), Duration.ofMillis(300), "test-lease")) {
            boolean ran = runs.runOnce(DefaultContactService.PURGE_JOB, tonight, Instant.now().plusSeconds(60), () -> {
                Instant until = Instant.now().plusMillis(1500);
                while (Instant.now().isBefore(until)) {
                    // meanwhile the other node tries: the renewed lease keeps the run A's
                    assertThat(b.stores.settings().claimRun(DefaultContactService.PURGE_JOB, tonight, Duration.ofMillis(300))
                            .claimed()).isFalse();
                }
            });
            assertThat(ran).isTrue();
        }
    }
}
