package org.herald.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.herald.campaigns.MailChoices;
import org.herald.campaigns.MessageStatus;
import org.herald.contacts.OptInStatus;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The messages of campaigns, one row per (campaign, contact), and the contacts' sending choices.
 * Contact-scale, so set-based: recipients are selected by SQL and queued in batches, status changes
 * are batched, and each write appends its contact events in the same transaction.
 */
@ProviderType
public interface MessageStore {

    /**
     * Who to select: live contacts with one of {@code statuses} that are members of {@code lists} or
     * match one of {@code segments}, and neither members of {@code excludeLists} nor matching one of
     * {@code excludeSegments}.
     */
    record AudienceQuery(Set<String> lists, Set<String> excludeLists, Set<OptInStatus> statuses,
            List<SegmentCompiler.CompiledSegment> segments, List<SegmentCompiler.CompiledSegment> excludeSegments) {
        public AudienceQuery {
            lists = Set.copyOf(lists);
            excludeLists = Set.copyOf(excludeLists);
            statuses = Set.copyOf(statuses);
            segments = segments == null ? List.of() : List.copyOf(segments);
            excludeSegments = excludeSegments == null ? List.of() : List.copyOf(excludeSegments);
        }

        /** Lists only (2.3). */
        public AudienceQuery(Set<String> lists, Set<String> excludeLists, Set<OptInStatus> statuses) {
            this(lists, excludeLists, statuses, List.of(), List.of());
        }
    }

    /**
     * A selected contact, with the lists its unsubscribe link leaves: the target lists it is a member
     * of and the parent lists of the target segments it matches.
     */
    record Recipient(long contactKey, String contactId, List<String> lists, String variant) {
        public Recipient {
            lists = List.copyOf(lists);
        }

        /** Without an A/B variant (2.3). */
        public Recipient(long contactKey, String contactId, List<String> lists) {
            this(contactKey, contactId, lists, null);
        }

        /** This recipient with the A/B test variant {@code name}. */
        public Recipient withVariant(String name) {
            return new Recipient(contactKey, contactId, lists, name);
        }
    }

    /**
     * Recipients after contact key {@code afterKey} in key order, at most {@code limit}: each contact
     * once however many target lists and segments it is in.
     */
    List<Recipient> recipients(AudienceQuery query, long afterKey, int limit);

    /** A message as stored, with what the sender needs of its contact. */
    record MessageRecord(long id, long campaignId, long contactKey, String contactId, String email,
            OptInStatus contactStatus, boolean contactDeleted, MessageStatus status, List<String> lists,
            Instant queuedAt, Instant statusAt, Instant sentAt, Instant nextAttemptAt, int attempts,
            Instant firstFailureAt, String reply, String variant) {
        public MessageRecord {
            lists = lists == null ? List.of() : List.copyOf(lists);
        }

        /** Without an A/B variant (2.3). */
        public MessageRecord(long id, long campaignId, long contactKey, String contactId, String email,
                OptInStatus contactStatus, boolean contactDeleted, MessageStatus status, List<String> lists,
                Instant queuedAt, Instant statusAt, Instant sentAt, Instant nextAttemptAt, int attempts,
                Instant firstFailureAt, String reply) {
            this(id, campaignId, contactKey, contactId, email, contactStatus, contactDeleted, status, lists, queuedAt,
                    statusAt, sentAt, nextAttemptAt, attempts, firstFailureAt, reply, null);
        }
    }

    /**
     * Queues one message WFS per recipient not yet queued for the campaign (a recipient queued before
     * is skipped, so queueing again after a crash adds only the missing ones), appending
     * {@code event} of each queued message in the same transaction. Returns the messages queued.
     */
    List<MessageRecord> enqueue(long campaignId, List<Recipient> recipients, Instant at,
            Function<MessageRecord, EventWrite> event);

    /**
     * WFS messages due at {@code now} (next attempt not after it) of campaigns that are SENDING, in
     * campaign and id order, at most {@code limit}; each is leased: its next attempt moves to
     * {@code leaseUntil} in the same transaction, so another caller does not take it meanwhile.
     */
    List<MessageRecord> lease(Instant now, Instant leaseUntil, int limit);

    MessageRecord find(long messageId);

    /** One status change: to {@code status} (or, when {@code retryAt} is set, stays WFS until then). */
    record StatusChange(long messageId, MessageStatus status, Instant at, Instant retryAt, String reply) {
    }

    /**
     * Applies the changes of messages that are still WFS (others are left alone: a message reaches a
     * final status once), appending {@code event} of each message whose status became final, in one
     * transaction; returns the messages changed, after the change.
     */
    List<MessageRecord> change(List<StatusChange> changes, Function<MessageRecord, EventWrite> event);

    /** Ids of the campaign's WFS messages after {@code afterId}, at most {@code limit}. */
    List<Long> waiting(long campaignId, long afterId, int limit);

    /** Messages per status of a campaign. */
    Map<MessageStatus, Long> counts(long campaignId);

    /** WFS messages of the campaign that failed at least once and wait for a retry. */
    long retrying(long campaignId);

    /** Whether the campaign has WFS messages. */
    boolean hasWaiting(long campaignId);

    /**
     * For each contact, when it was last sent a marketing message at or after {@code since} by a
     * campaign other than {@code exceptCampaign} (contacts without one are absent).
     */
    Map<Long, Instant> lastMarketingSends(Collection<Long> contactKeys, long exceptCampaign, Instant since);

    /**
     * For ONE_MESSAGE: contacts with a marketing message of another campaign queued at or after
     * {@code since} and before the message of {@code campaignId}, that was sent or is still waiting.
     */
    Set<Long> queuedEarlier(Collection<Long> contactKeys, long campaignId, Instant since);

    MailChoices choices(long contactKey);

    /** Sets a contact's choices and appends {@code event}, in one transaction. */
    void setChoices(long contactKey, MailChoices choices, Instant at, EventWrite event);

    /**
     * Sets a contact's choices, appends {@code event} and the consent ledger entry {@code consent}
     * (a {@link org.herald.contacts.ConsentAction#CHOICES_CHANGED} entry), in one transaction.
     */
    void setChoices(long contactKey, MailChoices choices, Instant at, EventWrite event,
            org.herald.contacts.ConsentEntry consent);

    /** Counts of a campaign's message events by type (all and distinct contacts). */
    record EventCount(String type, long events, long contacts) {
    }

    /** Message events of the campaign whose events carry {@code source}, counted by type. */
    List<EventCount> eventCounts(String source);

    /** The figures of one A/B variant's sample messages: queued, sent, opens and clicks (all and distinct contacts). */
    record VariantCount(String variant, long messages, long sent, long opens, long uniqueOpens, long clicks,
            long uniqueClicks) {
    }

    /** Per variant, the figures of the campaign's sample messages (those with a variant) and their events ({@code source}). */
    List<VariantCount> variantCounts(long campaignId, String source);

    /**
     * A purchase event of a contact that was sent a sample message of an A/B test, after it was sent:
     * its message and variant, time, amount and properties, and when the contact first clicked the
     * message (null if it did not), for the campaign bundle's attribution rule.
     */
    record VariantPurchase(String variant, long messageId, Instant at, java.math.BigDecimal amount,
            Map<String, Object> properties, Instant firstClick) {
    }

    /** The purchases after the sample messages of the campaign were sent, up to {@code until}. */
    List<VariantPurchase> variantPurchases(long campaignId, String source, Instant until);

    /** Clicks on one link (URL) of a campaign: all and by distinct contacts. */
    record LinkCount(String url, long clicks, long contacts) {
    }

    /** The click events carrying {@code source} counted per link, the most clicked first (then by URL). */
    List<LinkCount> linkClicks(String source);

    // ---- transactional system messages (the double opt-in confirmation)

    /**
     * A system message as stored: its rendered message ({@code body}, the transport's JSON of
     * {@link org.herald.mail.OutboundMessage}, without its id) and its delivery state.
     */
    record SystemMessage(long id, long contactKey, String contactId, String kind, MessageStatus status, String body,
            int attempts, Instant queuedAt, Instant firstFailureAt) {
    }

    /** Queues a system message WFS, due now, appending {@code event}, in one transaction; returns its id. */
    long queueSystem(long contactKey, String kind, String body, Instant at, EventWrite event);

    /** WFS system messages due at {@code now}, at most {@code limit}, leased until {@code leaseUntil}. */
    List<SystemMessage> leaseSystem(Instant now, Instant leaseUntil, int limit);

    /** The system message {@code id}, if {@code id} is one. */
    java.util.Optional<SystemMessage> findSystem(long id);

    /**
     * Changes a WFS system message to {@code status} (or, with {@code retryAt}, keeps it WFS until
     * then), appending {@code event} (may be null) when the status became final; false when it was not WFS.
     */
    boolean changeSystem(long id, MessageStatus status, Instant at, Instant retryAt, String reply, EventWrite event);

    /** How many system messages of {@code kind} were queued for the contact at or after {@code since}. */
    int countSystem(long contactKey, String kind, Instant since);
}
