package org.herald.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.herald.common.Page;
import org.herald.contacts.ConsentEntry;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Persistence of the contact aggregate: the contact row with its typed custom field values, its
 * tags, list memberships, consent ledger and system values (score, e-commerce figures), and the
 * events its changes cause (written in the same transaction as the change). Every method is one
 * transaction and thread-safe.
 * <p>
 * Contacts are looked up by their uniqueness key ({@code emailKey}, computed by the caller) or by
 * their public id. Field values are Java values typed by {@link FieldRecord#type()}: text, choice
 * and phone {@code String}, number {@code Long}, decimal {@code java.math.BigDecimal}, date
 * {@code java.time.LocalDate}, boolean {@code Boolean}, multi-choice {@code List<String>}.
 */
@ProviderType
public interface ContactStore {

    // ---- single contacts

    /** The contact (live or soft-deleted) owning this uniqueness key. */
    Optional<ContactRecord> findByKey(String emailKey);

    /** The contact (live or soft-deleted) with this public id. */
    Optional<ContactRecord> findById(String publicId);

    /** The contact (live or soft-deleted) with this internal key. */
    Optional<ContactRecord> findByInternalKey(long key);

    /**
     * Writes one contact, its ledger entries and its events in one transaction: an insert when
     * {@code write.before()} is null, else an update guarded by the record's version. A key taken
     * meanwhile is a {@link DuplicateKeyException}; a record changed meanwhile a
     * {@link StaleRecordException} (the caller re-reads and retries). Returns the stored record.
     */
    ContactRecord write(ContactWrite write);

    /** Live (or, with {@code deleted}, only soft-deleted) contacts matching the filter, oldest first. */
    Page<ContactRecord> query(ContactFilter filter, int offset, int limit);

    long count(ContactFilter filter);

    /**
     * Streams every matching contact to {@code sink} in creation order, reading in chunks so that
     * memory stays flat whatever the number of contacts. Returns how many were passed on.
     */
    long forEach(ContactFilter filter, Consumer<ContactRecord> sink);

    /**
     * Light references (no values) of the contacts owning these uniqueness keys, by key: one query per
     * chunk. The look-up takes no row locks, so it neither waits for nor deadlocks with writers
     * holding contact rows; it may therefore see a contact whose creating transaction has not
     * committed yet (the same holds for {@link #refsByIds}).
     */
    Map<String, ContactRef> refsByEmailKeys(Collection<String> emailKeys);

    /** Light references of the contacts with these public ids, by id. */
    Map<String, ContactRef> refsByIds(Collection<String> publicIds);

    /** The consent ledger of one contact, oldest first. */
    List<ConsentEntry> consent(long contactKey);

    /**
     * The latest consent ledger entry of each list, per contact (by internal key, then list name), for
     * these contacts; a contact without list entries is absent. What the rules about joining a list
     * again read, for one contact or a whole import batch (one query per chunk). Since 2.2.
     */
    Map<Long, Map<String, ConsentEntry>> latestListEntries(Collection<Long> contactKeys);

    /** Marks the contact deleted at {@code at} (or restores it when {@code at} is null), with its event. */
    ContactRecord setDeleted(long contactKey, Instant at, Instant updated, EventWrite event);

    /** Removes contacts soft-deleted before {@code cutoff} with everything about them (events too); returns how many. */
    int purgeDeletedBefore(Instant cutoff);

    /**
     * Erases a contact with its values, tags, memberships, ledger and events, stores
     * {@code suppressionHash} in the suppression table and appends {@code forgotten} (the one
     * event about the contact that stays, so downstream systems learn of the erasure), in one
     * transaction.
     */
    void erase(long contactKey, String suppressionHash, Instant at, EventWrite forgotten);

    /** Every tag carried by at least one live contact, with the number of such contacts, by name. */
    List<TagCount> tagCounts();

    record TagCount(String name, long contacts) {
    }

    // ---- bulk path

    /**
     * Opens a bulk session (imports): lookups of many keys at once and batched writes, one
     * transaction per {@link BulkSession#write} call. Close it when done.
     */
    BulkSession openBulk();

    /** Batched reads and writes for imports: no query per row, no entity per row. */
    interface BulkSession extends AutoCloseable {

        /** The contacts (live or deleted) owning any of these keys, by key, with fields, tags and lists. */
        Map<String, ContactRecord> findByKeys(Collection<String> emailKeys);

        /**
         * Writes all given contacts and their ledger entries in one transaction using JDBC
         * batches. Any {@link DuplicateKeyException} or {@link StaleRecordException} rolls the
         * whole batch back; the caller re-reads and retries.
         */
        void write(List<ContactWrite> writes);

        @Override
        void close();
    }
}
