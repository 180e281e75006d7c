package org.herald.contacts;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.herald.common.Page;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Everything that creates, changes, reads or erases contacts. Every interface (console, REST,
 * queue, import) goes through this service so the same rules apply everywhere:
 * <ul>
 * <li>one contact per address: upserts are keyed on the normalised e-mail;</li>
 * <li>UNSUBSCRIBED and INACTIVE are only lifted by the contact's own act
 * ({@link ConsentSource#isContactsOwnAct()}), never by an admin, API or import;</li>
 * <li>every change of status or list membership appends a {@link ConsentEntry};</li>
 * <li>addresses erased with {@link #forget} are refused by admin channels.</li>
 * </ul>
 * Contacts are addressed by "id or e-mail": a string containing {@code @} is an address.
 * Errors are {@link org.herald.common.RejectedException}s whose message names the bad input, or
 * {@link org.herald.common.TransientException}s (database unavailable, a write that kept losing a
 * race) after which the same call may succeed later.
 */
@ProviderType
public interface ContactService {

    /** Creates the contact or updates the one with the same address. */
    UpsertResult upsert(ContactInput input, ChangeContext context);

    /** Finds a live (not deleted) contact by id or e-mail. */
    Optional<Contact> find(String idOrEmail);

    /** Like {@link #find} but a missing contact is a {@link org.herald.common.NotFoundException}. */
    Contact get(String idOrEmail);

    /**
     * Changes an existing contact. A non-null {@code change.email()} moves the contact to that
     * address; an address owned by another contact is a {@link org.herald.common.ConflictException}.
     */
    Contact update(String idOrEmail, ContactInput change, ChangeContext context);

    /** Sets the opt-in status under the transition rules. */
    Contact setStatus(String idOrEmail, OptInStatus status, ChangeContext context);

    Contact subscribe(String idOrEmail, String list, ChangeContext context);

    Contact unsubscribe(String idOrEmail, String list, ChangeContext context);

    Contact addTags(String idOrEmail, List<String> tags, ChangeContext context);

    Contact removeTags(String idOrEmail, List<String> tags, ChangeContext context);

    /** Turns activity recording on or off for this contact. */
    Contact setMonitored(String idOrEmail, boolean monitored, ChangeContext context);

    Page<Contact> list(ContactQuery query);

    long count(ContactQuery query);

    /** Soft-deletes: the contact disappears from lists and queries but can be restored until the purge. */
    Contact delete(String idOrEmail, ChangeContext context);

    /** Restores a soft-deleted contact (by id or address) that has not been purged yet. */
    Contact restore(String idOrEmail, ChangeContext context);

    /** Removes for good the contacts deleted before {@code cutoff}; returns how many. */
    int purgeDeleted(Instant cutoff);

    /**
     * Erases the contact and everything about it, irreversibly. Only a salted hash of the address
     * is kept so that imports and admin channels do not add it again.
     */
    void forget(String idOrEmail, ChangeContext context);

    /** Whether the address was erased with {@link #forget}. */
    boolean isSuppressed(String email);

    /** Everything stored about one contact, for a data-subject access request. */
    ContactExport export(String idOrEmail);

    /** The consent ledger of one contact, oldest first. */
    List<ConsentEntry> consentHistory(String idOrEmail);

    /**
     * Imports contacts from CSV (header row required; columns {@code email}, field names,
     * {@code tags}, {@code lists}, {@code status}). Bad rows are reported, never abort the rest.
     */
    ImportReport importCsv(Reader csv, ImportOptions options, ChangeContext context, ImportProgress progress)
            throws IOException;

    /** Writes the matching contacts as CSV (all fields, tags and lists) regardless of the query's paging. */
    long exportCsv(Writer out, ContactQuery query) throws IOException;

    /** Writes the matching contacts as a JSON array regardless of the query's paging. */
    long exportJson(OutputStream out, ContactQuery query) throws IOException;
}
