package org.herald.contacts.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.herald.common.ValidationException;
import org.herald.contacts.ChangeContext;
import org.herald.contacts.ConsentAction;
import org.herald.contacts.ConsentEntry;
import org.herald.contacts.ContactInput;
import org.herald.contacts.OptInStatus;
import org.herald.contacts.UpsertResult.Outcome;
import org.herald.store.ContactRecord;
import org.herald.store.EventWrite;
import org.herald.store.FieldRecord;

/**
 * Computes what one input does to one contact: the new state, the consent ledger entries, the
 * events and the outcome. The single one place where input meets the rules, used by upserts, updates and every
 * row of an import, so that all channels validate alike. Pure: reads and writes nothing.
 */
final class ContactChanges {

    /** How the input is applied. */
    enum Mode {
        /** Upserts and updates: a status the rules refuse is an error. */
        SINGLE,
        /** CSV rows, overwriting values: status only for new contacts, or UNSUBSCRIBED/INACTIVE. */
        IMPORT_OVERWRITE,
        /** CSV rows that only fill values the contact does not have yet. */
        IMPORT_FILL_BLANKS;

        boolean isImport() {
            return this != SINGLE;
        }
    }

    record Change(ContactRecord after, List<ConsentEntry> consent, List<EventWrite> events, Outcome outcome) {
    }

    /** What the change needs to know about the installation; {@code maxTags} is the configured tag cap. */
    record Context(Map<String, FieldRecord> fields, Set<String> lists, ChangeContext who, Instant now, int maxTags) {
    }

    private ContactChanges() {
    }

    /**
     * @param before  the live contact, or null to create one
     * @param address the normalised address: of the new contact, or the new address of an update
     *                (null keeps the current one)
     * @param newId   the public id for a new contact
     * @param history the latest ledger entry of each list the existing contact has one for (only those
     *                of the lists {@code in} adds are needed); empty for a new contact
     */
    static Change apply(ContactRecord before, Map<String, ConsentEntry> history, Emails.Address address, String newId,
            ContactInput in, Mode mode, Context ctx) {
        Map<String, Object> fields = new HashMap<>(before == null ? Map.of() : before.fields());
        for (Map.Entry<String, Object> e : in.fields().entrySet()) {
            FieldRecord f = FieldValues.definition(ctx.fields(), e.getKey(), e.getValue());
            Object value = FieldValues.convert(f, e.getValue());
            if (mode == Mode.IMPORT_FILL_BLANKS && fields.get(f.name()) != null) {
                continue;
            }
            if (value == null) {
                if (!mode.isImport()) {
                    fields.remove(f.name());
                }
            } else {
                fields.put(f.name(), value);
            }
        }

        Set<String> tags = new LinkedHashSet<>(before == null ? Set.of() : before.tags());
        for (String t : in.tags()) {
            tags.add(Names.tag(t));
        }
        for (String t : in.removeTags()) {
            tags.remove(Names.tag(t));
        }
        if (tags.size() > ctx.maxTags() && tags.size() > (before == null ? 0 : before.tags().size())) {
            throw new ValidationException("tags", String.valueOf(tags.size()), "tags: the contact would carry "
                    + tags.size() + " tags; a contact carries at most " + ctx.maxTags() + " (tags.max in etc/"
                    + "org.herald.contacts.cfg): remove some first");
        }

        List<ConsentEntry> consent = new ArrayList<>();
        String contactId = before == null ? newId : before.id();
        Set<String> lists = new LinkedHashSet<>(before == null ? Set.of() : before.lists());
        for (String l : in.lists()) {
            String list = existingList(ctx, l);
            if (!lists.contains(list)) {
                StatusRules.checkListJoin(before, list, history.get(list), ctx.who());
                lists.add(list);
                consent.add(entry(contactId, ConsentAction.LIST_SUBSCRIBED, null, null, l, ctx));
            }
        }
        for (String l : in.unsubscribeLists()) {
            if (lists.remove(existingList(ctx, l))) {
                consent.add(entry(contactId, ConsentAction.LIST_UNSUBSCRIBED, null, null, l, ctx));
            }
        }

        OptInStatus from = before == null ? OptInStatus.UNKNOWN : before.status();
        OptInStatus to = statusAfter(before, from, in.status(), mode, ctx);
        if (to != from) {
            // a status entry goes before the list entries of the same change
            consent.add(0, entry(contactId, ConsentAction.STATUS_CHANGED, from, to, null, ctx));
        }

        boolean monitored = in.monitored() != null ? in.monitored() : before == null || before.monitored();
        String email = before == null ? address.email() : address == null ? before.email() : address.email();
        String key = before == null ? address.key() : address == null ? before.emailKey() : address.key();

        if (before == null) {
            ContactRecord created = new ContactRecord(0, newId, email, key, to, fields, tags, lists, monitored, ctx.now(),
                    ctx.now(), null, 0);
            return new Change(created, consent, ContactEvents.of(null, created, ctx.who(), ctx.now()), Outcome.CREATED);
        }
        boolean changed = !email.equals(before.email()) || !key.equals(before.emailKey()) || to != before.status()
                || monitored != before.monitored() || !fields.equals(before.fields()) || !tags.equals(before.tags())
                || !lists.equals(before.lists());
        if (!changed) {
            return new Change(before, List.of(), List.of(), Outcome.UNCHANGED);
        }
        ContactRecord after = new ContactRecord(before.key(), before.id(), email, key, to, fields, tags, lists, monitored,
                before.created(), ctx.now(), before.deletedAt(), before.version(), before.metrics());
        return new Change(after, consent, ContactEvents.of(before, after, ctx.who(), ctx.now()), Outcome.UPDATED);
    }

    private static OptInStatus statusAfter(ContactRecord before, OptInStatus from, OptInStatus wanted, Mode mode,
            Context ctx) {
        if (wanted == null || wanted == from) {
            return from;
        }
        if (mode.isImport() && before != null) {
            // an import only ever reduces mailing of existing contacts, and never lifts a lock
            boolean reduces = wanted == OptInStatus.UNSUBSCRIBED || wanted == OptInStatus.INACTIVE;
            return reduces && StatusRules.allowed(from, wanted, ctx.who()) ? wanted : from;
        }
        StatusRules.check(from, wanted, ctx.who());
        return wanted;
    }

    private static String existingList(Context ctx, String name) {
        if (name == null || !ctx.lists().contains(name)) {
            throw new ValidationException("lists", name, "list '" + name + "' does not exist: create it first (list-create)");
        }
        return name;
    }

    private static ConsentEntry entry(String contactId, ConsentAction action, OptInStatus from, OptInStatus to,
            String list, Context ctx) {
        return ConsentEntry.builder().contactId(contactId).action(action).status(from, to).list(list).context(ctx.who())
                .at(ctx.now()).build();
    }
}
