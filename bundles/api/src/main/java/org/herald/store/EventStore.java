package org.herald.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;

import org.herald.common.Page;
import org.herald.events.ContactEvent;
import org.herald.events.TimelineQuery;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The event log. Appends take the next positions in one short critical section at the end of
 * their transaction, so positions grow in commit order: a reader that has seen position N has
 * seen every event committed before it, and never gets a smaller position later. Consumers keep
 * their position under a name ({@link #claim}, {@link #advance}); with several nodes a lease
 * makes sure one node at a time advances a name.
 */
@ProviderType
public interface EventStore {

    /**
     * Appends the events in one transaction, in the given order. Returns, per event, its log
     * position, or 0 where an event with the same client-supplied id exists (a duplicate, not
     * stored again; also for a repeat inside the batch).
     */
    long[] append(List<EventWrite> events);

    /** One contact's events, newest first. */
    Page<ContactEvent> timeline(long contactKey, TimelineQuery query);

    /** Number of events per type of one contact. */
    Map<String, Long> countsByType(long contactKey);

    /** When the contact last did one of its activity types (types outside {@code notActivity}). */
    Instant lastActivity(long contactKey, Set<String> notActivity);

    /**
     * Events after {@code position} up to {@code upTo} (inclusive) in log order, of the given types
     * (empty = all), at most {@code limit}.
     */
    List<ContactEvent> after(long position, long upTo, Set<String> types, int limit);

    /** The last position in the log (0 when empty). */
    long lastPosition();

    // ---- consumers

    /**
     * Claims (or renews) the lease of consumer {@code name} for {@code owner} and returns its
     * position, or empty while another owner holds an unexpired lease. A name never seen starts
     * at 0, or at the current end of the log when {@code startAtEnd}.
     */
    OptionalLong claim(String name, String owner, Duration lease, boolean startAtEnd);

    /** Moves the consumer's position forward (never back) if {@code owner} still holds the lease. */
    boolean advance(String name, String owner, long position, Duration lease);

    /** Releases the lease (on shutdown) so another node may take over at once. */
    void release(String name, String owner);

    /** Sets an event aside for a consumer after it failed {@code attempts} times. */
    void park(String name, ContactEvent event, int attempts, String error, Instant at);

    /** Events set aside for a consumer, oldest first. */
    List<ParkedEvent> parked(String name);

    record ParkedEvent(String consumer, long position, String eventId, int attempts, String error, Instant at) {
    }

    // ---- system values kept from events (contacts named by public id)

    /** Points one event gave its contact. */
    record Points(long position, String contactId, int points) {
    }

    /** A contact's score before and after a {@link #score} call. */
    record ScoreChange(String contactId, long before, long after) {
    }

    /**
     * Records the points of each event that has none yet (an event scored before is skipped, so
     * scoring twice changes nothing), adds them to the contacts' scores, and appends the events
     * {@code consequences} returns for each changed score (e.g. a stage change), all in one
     * transaction. Returns the score changes.
     */
    List<ScoreChange> score(List<Points> points, Function<ScoreChange, List<EventWrite>> consequences);

    /** Sets the contacts' scores (a recomputation, e.g. after decay) and appends the consequences, in one transaction. */
    List<ScoreChange> rescore(Map<String, Long> scores, Function<ScoreChange, List<EventWrite>> consequences);

    /** A scored event of one contact, for a recomputation. */
    record ScoredEvent(long position, int points, Instant occurredAt) {
    }

    /** The scored events (points not 0) of one contact, oldest first. */
    List<ScoredEvent> scoredEvents(String contactId);

    /** Ids of contacts with a score other than 0, after {@code afterId} in id order, at most {@code limit}. */
    List<String> scoredContacts(String afterId, int limit);

    /** Recomputes ORDER_NUMBER and ORDER_SUMMARY of these contacts from their events of {@code purchaseType}. */
    void recomputeOrders(Collection<String> contactIds, String purchaseType);
}
