package org.herald.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.herald.contacts.ListText;
import org.osgi.annotation.versioning.ProviderType;

/** Mailing lists with their per-language texts (memberships belong to the contact aggregate). */
@ProviderType
public interface ListStore {

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
}
