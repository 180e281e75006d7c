package org.herald.contacts.internal.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.herald.contacts.internal.TestBed.API;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.herald.contacts.ContactInput;
import org.herald.contacts.internal.Configs;
import org.herald.contacts.internal.TestBed;
import org.herald.events.ContactEvent;
import org.herald.events.EventInput;
import org.herald.events.EventTypes;
import org.herald.events.TimelineQuery;
import org.herald.events.spi.ContactEventListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EventDispatcherTest {

    private TestBed bed;

    @BeforeEach
    void setUp() {
        bed = new TestBed();
    }

    @AfterEach
    void tearDown() {
        bed.close();
    }

    static void await(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.onSpinWait();
            try {
                Thread.sleep(10); // polling interval of the deadline loop, not a synchronisation
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Records what it gets; fails while {@code failing} says so. */
    static final class Recorder implements ContactEventListener {
        final List<ContactEvent> seen = new CopyOnWriteArrayList<>();
        volatile java.util.function.Predicate<ContactEvent> failOn = e -> false;
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public void onEvents(List<ContactEvent> events) {
            calls.incrementAndGet();
            for (ContactEvent e : events) {
                if (failOn.test(e)) {
                    throw new IllegalStateException("cannot take " + e.id());
                }
            }
            seen.addAll(events);
        }
    }

    private static Map<String, Object> props(String name, Object... more) {
        Map<String, Object> p = new java.util.HashMap<>();
        p.put(ContactEventListener.NAME, name);
        for (int i = 0; i < more.length; i += 2) {
            p.put((String) more[i], more[i + 1]);
        }
        return p;
    }

    private void visits(String email, int n) {
        List<EventInput> batch = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            batch.add(EventInput.builder(EventTypes.PAGE_VISIT).email(email).property("n", i).build());
        }
        assertThat(bed.events.ingest(batch, API).allFinal()).isTrue();
    }

    @Test
    void everyListenerGetsTheWholeLogInOrderAndOnlyItsTypes() {
        bed.contacts.upsert(ContactInput.builder("ann@example.com").build(), API);
        visits("ann@example.com", 700);
        Recorder all = new Recorder();
        Recorder carts = new Recorder();
        bed.dispatcher().addListener(all, props("test.all"));
        bed.dispatcher().addListener(carts, props("test.carts", ContactEventListener.TYPES, new String[] {EventTypes.CART}));
        bed.events.ingest(List.of(EventInput.builder(EventTypes.CART).email("ann@example.com").build()), API);
        await("all 702 events delivered", () -> all.seen.size() == 702);
        await("the cart delivered", () -> carts.seen.size() == 1);
        List<Long> positions = all.seen.stream().map(ContactEvent::sequence).toList();
        List<Long> sorted = new ArrayList<>(positions);
        Collections.sort(sorted);
        assertThat(positions).isEqualTo(sorted).doesNotHaveDuplicates();
        assertThat(all.seen.get(0).type()).isEqualTo(EventTypes.CREATED);
        assertThat(carts.seen.get(0).type()).isEqualTo(EventTypes.CART);
    }

    @Test
    void aListenerThatThrowsHoldsBackNobodyAndGetsTheEventAgain() {
        bed.contacts.upsert(ContactInput.builder("ann@example.com").build(), API);
        Recorder healthy = new Recorder();
        Recorder flaky = new Recorder();
        AtomicInteger failures = new AtomicInteger();
        flaky.failOn = e -> e.type().equals(EventTypes.PAGE_VISIT) && failures.incrementAndGet() <= 2;
        bed.dispatcher().addListener(flaky, props("test.flaky"));
        bed.dispatcher().addListener(healthy, props("test.healthy"));
        visits("ann@example.com", 3);
        await("the healthy listener has everything", () -> healthy.seen.size() == 4);
        await("the flaky listener has everything after retries", () -> flaky.seen.size() == 4);
        assertThat(flaky.seen).extracting(ContactEvent::sequence).doesNotHaveDuplicates();
        assertThat(failures.get()).isGreaterThanOrEqualTo(2);
        assertThat(bed.stores.events().parked("test.flaky")).isEmpty();
    }

    @Test
    void anEventThatKeepsFailingIsSetAsideAndTheRestGoesOn() {
        bed.contacts.upsert(ContactInput.builder("ann@example.com").build(), API);
        bed.events.ingest(List.of(EventInput.builder("poison").id("bad-1").email("ann@example.com").build()), API);
        visits("ann@example.com", 2);
        Recorder picky = new Recorder();
        picky.failOn = e -> e.type().equals("poison");
        bed.dispatcher().addListener(picky, props("test.picky"));
        await("the events after the poison one are delivered", () -> picky.seen.size() == 3);
        assertThat(picky.seen).extracting(ContactEvent::type).containsExactly(EventTypes.CREATED, EventTypes.PAGE_VISIT,
                EventTypes.PAGE_VISIT);
        assertThat(bed.stores.events().parked("test.picky")).singleElement().satisfies(p -> {
            assertThat(p.eventId()).isEqualTo("bad-1");
            assertThat(p.attempts()).isEqualTo(3);
            assertThat(p.error()).contains("cannot take bad-1");
        });
    }

    @Test
    void aListenerThatWasAwayCatchesUpFromWhereItStopped() {
        bed.contacts.upsert(ContactInput.builder("ann@example.com").build(), API);
        Recorder first = new Recorder();
        bed.dispatcher().addListener(first, props("test.durable"));
        visits("ann@example.com", 5);
        await("six events delivered", () -> first.seen.size() == 6);
        long last = first.seen.get(5).sequence();
        await("the position is stored", () -> bed.dispatcher().status().stream()
                .anyMatch(s -> s.name().equals("test.durable") && s.position() == last));
        bed.dispatcher().removeListener(first);
        visits("ann@example.com", 4);
        Recorder again = new Recorder();
        bed.dispatcher().addListener(again, props("test.durable"));
        await("the four missed events delivered", () -> again.seen.size() == 4);
        assertThat(again.seen).allMatch(e -> e.sequence() > last);

        Recorder newcomer = new Recorder();
        bed.dispatcher().addListener(newcomer, props("test.latest", ContactEventListener.START, "latest"));
        await("the newcomer holds its position", () -> bed.dispatcher().status().stream()
                .anyMatch(s -> s.name().equals("test.latest") && s.holder()));
        visits("ann@example.com", 1);
        await("the newcomer gets only what came after it", () -> newcomer.seen.size() == 1);
    }

    @Test
    void oneNodeAtATimeDeliversToAName() {
        bed.contacts.upsert(ContactInput.builder("ann@example.com").build(), API);
        EventDispatcher other = new EventDispatcher(bed.stores.events(), Configs.of(EventsConfig.class,
                Map.of("delivery_pollMillis", 20L, "delivery_leaseSeconds", 2L)));
        try {
            Recorder here = new Recorder();
            Recorder there = new Recorder();
            bed.dispatcher().addListener(here, props("test.shared"));
            await("this node holds the name", () -> bed.dispatcher().status().get(0).holder());
            other.addListener(there, props("test.shared"));
            visits("ann@example.com", 50);
            await("all delivered once", () -> here.seen.size() + there.seen.size() == 51);
            assertThat(there.seen).isEmpty();
            // this node goes away: the other takes over after the lease and delivers only the rest
            bed.dispatcher().removeListener(here);
            visits("ann@example.com", 5);
            await("the other node delivered the rest", () -> there.seen.size() == 5);
            assertThat(here.seen.size()).isEqualTo(51);
        } finally {
            other.deactivate();
        }
    }

    @Test
    void scoringAddsPointsOnceAndWritesTheStageChangeWhileOrdersFollowPurchases() {
        var ann = bed.contacts.upsert(ContactInput.builder("ann@example.com").build(), API).contact();
        ScoringListener scoring = new ScoringListener(bed.stores.events(), bed.stores.settings(), bed.scoring);
        OrdersListener orders = new OrdersListener(bed.stores.events());
        try {
            bed.dispatcher().addListener(scoring, props("herald.scoring"));
            bed.dispatcher().addListener(orders, props("herald.orders", ContactEventListener.TYPES, EventTypes.PURCHASE));
            List<EventInput> batch = new ArrayList<>();
            batch.add(EventInput.builder(EventTypes.PURCHASE).email("ann@example.com").property("value", new BigDecimal("30.00")).build());
            batch.add(EventInput.builder(EventTypes.PURCHASE).email("ann@example.com").property("value", 20).build());
            batch.add(EventInput.builder(EventTypes.PAGE_VISIT).email("ann@example.com").build());
            bed.events.ingest(batch, API);
            await("score 21 and two orders", () -> {
                var m = bed.contacts.get("ann@example.com").metrics();
                return m.score() == 21 && m.orderNumber() == 2;
            });
            var m = bed.contacts.get("ann@example.com").metrics();
            assertThat(m.stage()).isEqualTo("warm");
            assertThat(m.orderSummary()).isEqualByComparingTo("50").hasToString("50.00");
            assertThat(m.orderAverage()).isEqualByComparingTo("25.00");
            await("the stage change is on the timeline", () -> !bed.events.timeline(ann.id(),
                    TimelineQuery.latest().withTypes(java.util.Set.of(EventTypes.STAGE_CHANGED))).items().isEmpty());
            ContactEvent stage = bed.events.timeline(ann.id(),
                    TimelineQuery.latest().withTypes(java.util.Set.of(EventTypes.STAGE_CHANGED))).items().get(0);
            assertThat(stage.properties()).containsEntry("from", "prospect").containsEntry("to", "warm");
            assertThat(bed.events.timeline(ann.id(), TimelineQuery.latest().withTypes(java.util.Set.of(EventTypes.PURCHASE)))
                    .items()).extracting(ContactEvent::points).containsOnly(10);

            // delivered again (at least once): nothing changes
            List<ContactEvent> all = bed.stores.events().after(0, Long.MAX_VALUE, java.util.Set.of(), 100);
            scoring.onEvents(all);
            orders.onEvents(all);
            m = bed.contacts.get("ann@example.com").metrics();
            assertThat(m.score()).isEqualTo(21);
            assertThat(m.orderNumber()).isEqualTo(2);
        } finally {
            scoring.deactivate();
        }
    }

    @Test
    void decayLowersOldPointsAtTheDailyRecomputation() {
        TestBed decaying = new TestBed(org.herald.store.internal.TestDatabases.fresh(), org.herald.contacts.internal.ContactsConfigs.defaults(),
                Configs.of(ScoringConfig.class, Map.of("decay_percent", 50)));
        ScoringListener scoring = new ScoringListener(decaying.stores.events(), decaying.stores.settings(), decaying.scoring);
        try {
            decaying.contacts.upsert(ContactInput.builder("ann@example.com").build(), API);
            Instant now = Instant.now();
            decaying.events.ingest(List.of(
                    EventInput.builder(EventTypes.PURCHASE).email("ann@example.com").property("value", 1)
                            .occurredAt(now.minus(65, ChronoUnit.DAYS)).build(),
                    EventInput.builder(EventTypes.PURCHASE).email("ann@example.com").property("value", 1).occurredAt(now).build()),
                    API);
            scoring.onEvents(decaying.stores.events().after(0, Long.MAX_VALUE, java.util.Set.of(), 100));
            assertThat(decaying.contacts.get("ann@example.com").metrics().score()).isEqualTo(20);
            assertThat(scoring.decay(now)).isEqualTo(1);
            // 10 points 65 days old: two full periods of 50 % → 2; the new purchase keeps its 10
            assertThat(decaying.contacts.get("ann@example.com").metrics().score()).isEqualTo(12);
        } finally {
            scoring.deactivate();
            decaying.close();
        }
    }
}
