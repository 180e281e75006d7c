package org.herald.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.herald.common.Page;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Segments: their definitions, the evaluation of compiled conditions ({@link SegmentSql}) over the
 * live contacts, the per-contact activity summaries kept from the event log, and the daily
 * engagement snapshots. Every evaluation is one SQL statement; contacts are never filtered in memory.
 */
@ProviderType
public interface SegmentStore {

    // ---- definitions

    List<SegmentRecord> segments();

    Optional<SegmentRecord> find(String name);

    /** Stores a new segment; a name taken is a {@link org.herald.common.ConflictException}. */
    SegmentRecord create(SegmentRecord segment);

    /** Replaces parent list, conditions and description of an existing segment. */
    SegmentRecord update(SegmentRecord segment);

    void delete(String name);

    // ---- evaluation (live contacts only)

    SqlDialect dialect();

    long count(SegmentSql sql);

    /** Matching live contacts per opt-in status name. */
    Map<String, Long> countByStatus(SegmentSql sql);

    /** Matching live contacts in key order. */
    Page<ContactRecord> page(SegmentSql sql, int offset, int limit);

    /** Streams the matching live contacts in key order, a chunk at a time; returns how many. */
    long forEach(SegmentSql sql, Consumer<ContactRecord> sink);

    /** Which of the conditions (by the caller's names) the live contact with this public id matches. */
    List<String> matching(String contactId, Map<String, SegmentSql> conditions);

    /**
     * The {@code parts - 1} cut points dividing the matching contacts into {@code parts} groups of
     * (about) equal size by the SQL value expression {@code value} (over {@code c}), lowest first;
     * empty when none match. Values are Long, BigDecimal or Instant as the expression gives.
     */
    List<Object> cutPoints(SegmentSql population, String value, int parts);

    // ---- activity summaries

    /** One activity of a contact from one event: for summary row (activity, ref). */
    record Activity(long position, String contactId, String activity, String ref, Instant at,
            java.math.BigDecimal amount) {
    }

    /**
     * Adds the activities to the per-contact summaries ({@code contact_activity}: count, first and
     * last time, total amount), in one transaction. An activity whose position a summary row has
     * already counted is skipped, so delivering an event twice changes nothing. Activities of
     * contacts that no longer exist are dropped.
     */
    void recordActivity(List<Activity> activities);

    // ---- engagement snapshots

    /**
     * Replaces the snapshot of {@code day}: every live contact with its opt-in status and whether
     * it matches {@code engaged}; drops the snapshots before {@code keepFrom}.
     */
    long snapshot(LocalDate day, SegmentSql engaged, LocalDate keepFrom);

    /** The days that have a snapshot, oldest first. */
    List<LocalDate> snapshotDays();
}
