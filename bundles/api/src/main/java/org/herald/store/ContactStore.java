package org.herald.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.herald.common.Page;
import org.herald.contacts.ConsentEntry;
import org.herald.contacts.ListText;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Persistence of contacts, custom field definitions, lists, tags, the consent ledger, the
 * suppression list and settings. Every method is one transaction and thread-safe.
 * <p>
 * Contacts are looked up by their uniqueness key ({@code emailKey}, computed by the caller) or by
 * their public id. Field values are Java values typed by {@link FieldRecord#type()}: text, choice
 * and phone {@code String}, number {@code Long}, decimal {@code java.math.BigDecimal}, date
 * {@code java.time.LocalDate}, boolean {@code Boolean}, multi-choice {@code List<String>}.
 */
@ProviderType
public interface ContactStore {

    // ---- custom field definitions

    /** All custom field definitions, by position then name. */
    List<FieldRecord> fields();

    /**
     * Stores a new field and adds its value column. A field with that name is a
     * {@link org.herald.common.ConflictException}. The name must already be validated ({@code [a-z]+}).
     */
    FieldRecord createField(FieldRecord field);

    /** Replaces label, position, visibility and choices of an existing field (name and type never change). */
    FieldRecord updateField(FieldRecord field);

    // ---- lists

    /** All lists by name, with their live member counts. */
    List<ListRecord> lists();

    Optional<ListRecord> findList(String name);

    /** The names of all lists (cheap: no member counts). */
    Set<String> listNames();

    /** A name in use is a {@link org.herald.common.ConflictException}. */
    ListRecord createList(String name, Instant created);

    ListRecord renameList(String name, String newName);

    /** Sets the text of one language, or removes it when {@code text} is null. */
    ListRecord setListText(String name, String language, ListText text);

    /** Deletes the list and its memberships (ledger entries naming it stay). */
    void deleteList(String name);

    // ---- tags

    /** Every tag carried by at least one live contact, with the number of such contacts, by name. */
    List<TagCount> tagCounts();

    record TagCount(String name, long contacts) {
    }

    // ---- single contacts

    /** The contact (live or soft-deleted) owning this uniqueness key. */
    Optional<ContactRecord> findByKey(String emailKey);

    /** The contact (live or soft-deleted) with this public id. */
    Optional<ContactRecord> findById(String publicId);

    /**
     * Writes one contact and its ledger entries in one transaction: an insert when
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

    /** The consent ledger of one contact, oldest first. */
    List<ConsentEntry> consent(long contactKey);

    /** Marks the contact deleted at {@code at}, or restores it when {@code at} is null. */
    ContactRecord setDeleted(long contactKey, Instant at, Instant updated);

    /** Removes contacts soft-deleted before {@code cutoff} with everything about them; returns how many. */
    int purgeDeletedBefore(Instant cutoff);

    /**
     * Erases a contact with its values, tags, memberships and ledger, and stores
     * {@code suppressionHash} in the suppression table, in one transaction.
     */
    void erase(long contactKey, String suppressionHash, Instant at);

    // ---- suppression and settings

    boolean isSuppressed(String suppressionHash);

    /** Of the given hashes, those in the suppression table (one query). */
    Set<String> suppressed(Collection<String> suppressionHashes);

    void liftSuppression(String suppressionHash);

    /**
     * The setting's value; when absent, stores {@code initial} first. Safe when several nodes race:
     * all of them get the value stored first.
     */
    String setting(String name, String initial);

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
