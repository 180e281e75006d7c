package org.herald.audience.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.herald.audience.internal.conditions.Compiler;
import org.herald.audience.internal.conditions.Conditions;
import org.herald.contacts.OptInStatus;
import org.herald.segments.Engagement;
import org.herald.segments.EngagementChange;
import org.herald.segments.EngagementService;
import org.herald.segments.EngagementShares;
import org.herald.store.SegmentSql;
import org.herald.store.SegmentStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Engagement shares (overall and per opt-in status) from the live data, and the change over the
 * last {@code change_days} from the daily snapshots ({@code engagement_snapshot}), which a job of
 * this component takes every day at {@code snapshot_time} (and at start when today's is missing).
 */
@Component(service = EngagementService.class, configurationPid = "org.herald.audience", immediate = true)
public class DefaultEngagementService implements EngagementService {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultEngagementService.class);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final SegmentStore store;
    private final AudienceConfig config;
    private final ScheduledExecutorService scheduler;

    @Activate
    public DefaultEngagementService(@Reference SegmentStore store, AudienceConfig config) {
        this(store, config, true);
    }

    /** Without the daily job when {@code schedule} is false (tests). */
    public DefaultEngagementService(SegmentStore store, AudienceConfig config, boolean schedule) {
        this.store = store;
        this.config = config;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "herald-engagement-snapshot");
            t.setDaemon(true);
            return t;
        });
        if (schedule) {
            scheduler.execute(() -> {
                if (!store.snapshotDays().contains(today())) {
                    run();
                }
            });
            scheduleNext();
        }
    }

    @Deactivate
    public void deactivate() {
        scheduler.shutdownNow();
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.systemDefault());
    }

    private void scheduleNext() {
        if (scheduler.isShutdown()) {
            return;
        }
        LocalTime at;
        try {
            at = LocalTime.parse(config.snapshot_time().strip());
        } catch (DateTimeParseException e) {
            LOG.error("org.herald.audience snapshot.time '{}' is not a time like 01:30; using 01:30", config.snapshot_time());
            at = LocalTime.of(1, 30);
        }
        ZonedDateTime now = ZonedDateTime.now(ZoneId.systemDefault());
        ZonedDateTime next = now.with(at).withSecond(0).withNano(0);
        if (!next.isAfter(now)) {
            next = next.plusDays(1);
        }
        scheduler.schedule(() -> {
            run();
            scheduleNext();
        }, Duration.between(now, next).toMillis(), TimeUnit.MILLISECONDS);
    }

    private void run() {
        try {
            snapshot(today());
        } catch (RuntimeException e) {
            LOG.error("The engagement snapshot failed; it runs again at the next snapshot time", e);
        }
    }

    private SegmentSql engaged(Instant now) {
        return Compiler.compile(null, Conditions.engaged(config.engagement_days()), now);
    }

    @Override
    public void snapshot(LocalDate day) {
        long rows = store.snapshot(day, engaged(Instant.now()), day.minusDays(config.change_days() + 1L));
        LOG.info("Engagement snapshot of {}: {} contacts", day, rows);
    }

    @Override
    public Engagement engagement() {
        Instant now = Instant.now();
        SegmentSql engaged = engaged(now);
        Map<String, Long> eng = store.countByStatus(engaged);
        Map<String, Long> all = store.countByStatus(new SegmentSql("1 = 1", List.of()));
        List<EngagementShares> byStatus = new ArrayList<>();
        long e = 0;
        long t = 0;
        for (OptInStatus s : OptInStatus.values()) {
            long se = eng.getOrDefault(s.name(), 0L);
            long st = all.getOrDefault(s.name(), 0L);
            byStatus.add(shares(s.name(), se, st));
            e += se;
            t += st;
        }
        return new Engagement(now, config.engagement_days(), shares("ALL", e, t), byStatus, config.change_days(),
                change(engaged));
    }

    static EngagementShares shares(String group, long engaged, long total) {
        if (total == 0) {
            return new EngagementShares(group, 0, 0, BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2));
        }
        BigDecimal share = BigDecimal.valueOf(engaged).multiply(HUNDRED).divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_UP);
        return new EngagementShares(group, engaged, total - engaged, share, HUNDRED.setScale(2).subtract(share));
    }

    private EngagementChange change(SegmentSql engaged) {
        LocalDate from = today().minusDays(config.change_days());
        LocalDate since = store.snapshotDays().stream().filter(d -> !d.isBefore(from) && d.isBefore(today()))
                .findFirst().orElse(null);
        if (since == null) {
            return new EngagementChange(null, 0, 0, 0, 0, 0);
        }
        return new EngagementChange(since,
                store.count(both(engaged, false, notIn(since))),
                store.count(both(engaged, true, notIn(since))),
                store.count(both(engaged, false, in(since, "s.engaged = ?", false))),
                store.count(both(engaged, true, in(since, "s.engaged = ?", true))),
                store.count(unsubscribed(since)));
    }

    private static SegmentSql notIn(LocalDate day) {
        return new SegmentSql("NOT EXISTS (SELECT 1 FROM engagement_snapshot s WHERE s.snapshot_day = ? AND s.contact_id = c.id)",
                List.of(day));
    }

    private static SegmentSql in(LocalDate day, String extra, Object value) {
        return new SegmentSql("EXISTS (SELECT 1 FROM engagement_snapshot s WHERE s.snapshot_day = ? AND s.contact_id = c.id AND "
                + extra + ")", List.of(day, value));
    }

    private static SegmentSql unsubscribed(LocalDate day) {
        List<Object> p = new ArrayList<>();
        p.add(OptInStatus.UNSUBSCRIBED.name());
        p.add(day);
        p.add(OptInStatus.UNSUBSCRIBED.name());
        return new SegmentSql("c.status = ? AND EXISTS (SELECT 1 FROM engagement_snapshot s WHERE s.snapshot_day = ? "
                + "AND s.contact_id = c.id AND s.status <> ?)", p);
    }

    /** (engaged, or not engaged when {@code negate}) AND other. */
    private static SegmentSql both(SegmentSql engaged, boolean negate, SegmentSql other) {
        List<Object> p = new ArrayList<>(engaged.params());
        p.addAll(other.params());
        return new SegmentSql((negate ? "NOT (" : "(") + engaged.where() + ") AND " + other.where(), p);
    }
}
