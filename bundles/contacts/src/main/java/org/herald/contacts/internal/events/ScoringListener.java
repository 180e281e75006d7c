package org.herald.contacts.internal.events;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.herald.events.ContactEvent;
import org.herald.events.EventTypes;
import org.herald.events.spi.ContactEventListener;
import org.herald.store.EventStore;
import org.herald.store.SettingStore;
import org.herald.store.EventStore.Points;
import org.herald.store.EventStore.ScoreChange;
import org.herald.store.EventWrite;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lead scoring, as a listener of the event log: each event of a type with points records them on
 * the event (shown on the timeline) and adds them to the contact's score; a score that crosses a
 * stage threshold writes a {@code stage_changed} event in the same transaction. Scoring the same
 * event twice changes nothing (at-least-once delivery). With decay configured, a daily job
 * recomputes the scores of all scored contacts from their events.
 */
@Component(service = ContactEventListener.class, immediate = true,
        property = {ContactEventListener.NAME + "=herald.scoring"})
public class ScoringListener implements ContactEventListener {

    private static final Logger LOG = LoggerFactory.getLogger(ScoringListener.class);
    static final String ACTOR = "herald.scoring";
    private static final int PAGE = 500;

    private final EventStore store;
    private final SettingStore settings;
    private final Scoring scoring;
    private final ScheduledExecutorService scheduler;
    private final org.herald.contacts.internal.ScheduledRuns runs;
    private ScheduledFuture<?> nextDecay;

    @Activate
    public ScoringListener(@Reference EventStore store, @Reference SettingStore settings, @Reference Scoring scoring) {
        this.store = store;
        this.settings = settings;
        this.scoring = scoring;
        this.runs = new org.herald.contacts.internal.ScheduledRuns(settings,
                org.herald.contacts.internal.DefaultContactService.RUN_LEASE, "herald-scoring-decay-lease");
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "herald-scoring-decay");
            t.setDaemon(true);
            return t;
        });
        scheduleDecay();
    }

    @Deactivate
    void deactivate() {
        scheduler.shutdownNow();
        runs.close();
    }

    @Override
    public void onEvents(List<ContactEvent> events) {
        Scoring.Rules rules = scoring.rules();
        List<Points> points = new ArrayList<>();
        for (ContactEvent e : events) {
            int p = rules.pointsOf(e.type());
            if (p != 0 && e.points() == null && !e.type().equals(EventTypes.FORGOTTEN)) {
                points.add(new Points(e.sequence(), e.contactId(), p));
            }
        }
        if (!points.isEmpty()) {
            store.score(points, change -> stageEvents(change, rules));
        }
    }

    /** The stage_changed event a score change causes, if it moves the contact to another stage. */
    static List<EventWrite> stageEvents(ScoreChange change, Scoring.Rules rules) {
        String from = rules.stageOf(change.before());
        String to = rules.stageOf(change.after());
        if (Objects.equals(from, to)) {
            return List.of();
        }
        Instant now = Instant.now();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("from", from);
        p.put("to", to);
        p.put("score", change.after());
        return List.of(new EventWrite(UUID.randomUUID().toString(), false, 0, null, EventTypes.STAGE_CHANGED, now, now,
                "SCORING", ACTOR, p, null, null));
    }

    private synchronized void scheduleDecay() {
        if (scheduler.isShutdown()) {
            return;
        }
        ZonedDateTime now = ZonedDateTime.now(ZoneId.systemDefault());
        ZonedDateTime at = now.with(scoring.rules().decayTime()).withSecond(0).withNano(0);
        if (!at.isAfter(now)) {
            at = at.plusDays(1);
        }
        Instant due = at.toInstant();
        nextDecay = scheduler.schedule(() -> runDecay(due), Duration.between(now, at).toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The name under which nodes claim the daily decay ({@link SettingStore#claimRun}). */
    static final String DECAY_JOB = "scoring.decay";

    private void runDecay(Instant due) {
        try {
            // every node schedules the decay; the first to claim today's run does it
            if (scoring.rules().decayPercent() > 0) {
                runs.runOnce(DECAY_JOB, due, due.plus(Duration.ofHours(20)),
                        () -> LOG.info("Score decay: {} contacts rescored", decay(Instant.now())));
            }
        } catch (RuntimeException e) {
            LOG.error("Score decay failed; it runs again tomorrow", e);
        } finally {
            scheduleDecay();
        }
    }

    /** Recomputes every scored contact's score with decay at {@code now}; returns how many changed. */
    int decay(Instant now) {
        Scoring.Rules rules = scoring.rules();
        int changed = 0;
        String after = null;
        while (true) {
            List<String> page = store.scoredContacts(after, PAGE);
            Map<String, Long> scores = new LinkedHashMap<>();
            for (String id : page) {
                long score = 0;
                for (EventStore.ScoredEvent e : store.scoredEvents(id)) {
                    score += rules.decayed(e.points(), e.occurredAt(), now);
                }
                scores.put(id, score);
            }
            changed += store.rescore(scores, change -> stageEvents(change, rules)).size();
            if (page.size() < PAGE) {
                return changed;
            }
            after = page.get(page.size() - 1);
        }
    }
}
