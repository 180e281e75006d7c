package org.herald.rest.internal.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.herald.common.ConflictException;
import org.herald.common.InUseException;
import org.herald.common.NotFoundException;
import org.herald.common.Page;
import org.herald.common.ValidationException;
import org.herald.contacts.ChangeContext;
import org.herald.contacts.Choice;
import org.herald.contacts.ConsentEntry;
import org.herald.contacts.Contact;
import org.herald.contacts.ContactExport;
import org.herald.contacts.ContactInput;
import org.herald.contacts.ContactQuery;
import org.herald.contacts.ContactService;
import org.herald.contacts.FieldDefinition;
import org.herald.contacts.FieldService;
import org.herald.contacts.FieldType;
import org.herald.contacts.ImportOptions;
import org.herald.contacts.ImportProgress;
import org.herald.contacts.ImportReport;
import org.herald.contacts.ListService;
import org.herald.contacts.MailingList;
import org.herald.contacts.OptInStatus;
import org.herald.contacts.TagService;
import org.herald.contacts.UpsertResult;

/**
 * A deliberately small stand-in for the contacts bundle, enough to drive the HTTP layer: it keeps
 * contacts in a map, records the change context of the last call and what the import read. The
 * business rules themselves are tested in bundles/contacts.
 */
public final class InMemoryServices {

    public final Contacts contacts = new Contacts();
    public final Fields fieldService = new Fields();
    public final Lists listService = new Lists();
    public final Tags tagService = new Tags();

    private final Map<String, Contact> byId = new ConcurrentHashMap<>();
    private final Map<String, FieldDefinition> fields = new ConcurrentHashMap<>();
    private final Map<String, MailingList> lists = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    public volatile ChangeContext lastContext;
    public volatile ContactInput lastInput;
    public volatile ImportOptions lastImportOptions;
    public volatile long importedChars;
    public volatile RuntimeException failNext;

    void maybeFail() {
        RuntimeException f = failNext;
        if (f != null) {
            failNext = null;
            throw f;
        }
    }

    public final class Contacts implements ContactService {

    @Override
    public UpsertResult upsert(ContactInput input, ChangeContext context) {
        maybeFail();
        lastContext = context;
        lastInput = input;
        if (input.email() == null || !input.email().contains("@")) {
            throw new ValidationException("email", input.email(), "'" + input.email() + "' is not a valid e-mail address");
        }
        Optional<Contact> existing = find(input.email());
        Instant now = Instant.parse("2025-01-02T03:04:05Z");
        Map<String, Object> f = new HashMap<>(existing.map(Contact::fields).orElse(Map.of()));
        input.fields().forEach((k, v) -> {
            if (v == null) {
                f.remove(k);
            } else {
                f.put(k, v);
            }
        });
        Set<String> tags = new LinkedHashSet<>(existing.map(Contact::tags).orElse(Set.of()));
        tags.addAll(input.tags());
        Set<String> ls = new LinkedHashSet<>(existing.map(Contact::lists).orElse(Set.of()));
        ls.addAll(input.lists());
        String id = existing.map(Contact::id).orElseGet(() -> "c" + ids.incrementAndGet());
        Contact c = new Contact(id, input.email().toLowerCase(Locale.ROOT),
                input.status() != null ? input.status() : existing.map(Contact::status).orElse(OptInStatus.UNKNOWN), f,
                tags, ls, true, existing.map(Contact::created).orElse(now), now, null);
        byId.put(id, c);
        UpsertResult.Outcome outcome = existing.isEmpty() ? UpsertResult.Outcome.CREATED
                : existing.get().equals(c) ? UpsertResult.Outcome.UNCHANGED : UpsertResult.Outcome.UPDATED;
        return new UpsertResult(c, outcome);
    }

    @Override
    public Optional<Contact> find(String idOrEmail) {
        if (idOrEmail.contains("@")) {
            return byId.values().stream().filter(c -> c.email().equalsIgnoreCase(idOrEmail) && !c.isDeleted()).findFirst();
        }
        return Optional.ofNullable(byId.get(idOrEmail)).filter(c -> !c.isDeleted());
    }

    @Override
    public Contact get(String idOrEmail) {
        maybeFail();
        return find(idOrEmail).orElseThrow(() -> new NotFoundException("no contact '" + idOrEmail + "'"));
    }

    @Override
    public Contact update(String idOrEmail, ContactInput change, ChangeContext context) {
        lastContext = context;
        Contact c = get(idOrEmail);
        if (change.email() != null && !change.email().equalsIgnoreCase(c.email()) && find(change.email()).isPresent()) {
            throw new ConflictException("the address " + change.email() + " belongs to another contact");
        }
        Contact moved = new Contact(c.id(), change.email() == null ? c.email() : change.email(), c.status(), c.fields(),
                c.tags(), c.lists(), c.monitored(), c.created(), c.updated(), null);
        byId.put(c.id(), moved);
        return moved;
    }

    @Override
    public Contact setStatus(String idOrEmail, OptInStatus status, ChangeContext context) {
        lastContext = context;
        Contact c = get(idOrEmail);
        if (c.status().isLocked() && !context.source().isContactsOwnAct()) {
            throw new ConflictException("contact is " + c.status() + ": only the contact's own opt-in changes that");
        }
        return put(new Contact(c.id(), c.email(), status, c.fields(), c.tags(), c.lists(), c.monitored(), c.created(),
                c.updated(), null));
    }

    private Contact put(Contact c) {
        byId.put(c.id(), c);
        return c;
    }

    @Override
    public Contact subscribe(String idOrEmail, String list, ChangeContext context) {
        lastContext = context;
        Contact c = get(idOrEmail);
        listService.get(list);
        Set<String> ls = new LinkedHashSet<>(c.lists());
        ls.add(list);
        return put(new Contact(c.id(), c.email(), c.status(), c.fields(), c.tags(), ls, c.monitored(), c.created(),
                c.updated(), null));
    }

    @Override
    public Contact unsubscribe(String idOrEmail, String list, ChangeContext context) {
        lastContext = context;
        Contact c = get(idOrEmail);
        Set<String> ls = new LinkedHashSet<>(c.lists());
        ls.remove(list);
        return put(new Contact(c.id(), c.email(), c.status(), c.fields(), c.tags(), ls, c.monitored(), c.created(),
                c.updated(), null));
    }

    @Override
    public Contact addTags(String idOrEmail, List<String> tags, ChangeContext context) {
        lastContext = context;
        Contact c = get(idOrEmail);
        Set<String> ts = new LinkedHashSet<>(c.tags());
        ts.addAll(tags);
        return put(new Contact(c.id(), c.email(), c.status(), c.fields(), ts, c.lists(), c.monitored(), c.created(),
                c.updated(), null));
    }

    @Override
    public Contact removeTags(String idOrEmail, List<String> tags, ChangeContext context) {
        lastContext = context;
        Contact c = get(idOrEmail);
        Set<String> ts = new LinkedHashSet<>(c.tags());
        tags.forEach(ts::remove);
        return put(new Contact(c.id(), c.email(), c.status(), c.fields(), ts, c.lists(), c.monitored(), c.created(),
                c.updated(), null));
    }

    @Override
    public Contact setMonitored(String idOrEmail, boolean monitored, ChangeContext context) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Page<Contact> list(ContactQuery query) {
        List<Contact> all = byId.values().stream().filter(c -> c.isDeleted() == query.deleted())
                .filter(c -> query.status() == null || c.status() == query.status())
                .sorted((a, b) -> a.email().compareTo(b.email())).toList();
        List<Contact> page = all.stream().skip(query.offset()).limit(query.limit()).toList();
        return new Page<>(all.size(), query.offset(), query.limit(), page);
    }

    @Override
    public long count(ContactQuery query) {
        return list(query.page(0, ContactQuery.MAX_LIMIT)).total();
    }

    @Override
    public Contact delete(String idOrEmail, ChangeContext context) {
        lastContext = context;
        Contact c = get(idOrEmail);
        return put(new Contact(c.id(), c.email(), c.status(), c.fields(), c.tags(), c.lists(), c.monitored(),
                c.created(), c.updated(), Instant.parse("2025-01-03T00:00:00Z")));
    }

    @Override
    public Contact restore(String idOrEmail, ChangeContext context) {
        lastContext = context;
        Contact c = byId.values().stream().filter(x -> x.id().equals(idOrEmail) || x.email().equalsIgnoreCase(idOrEmail))
                .findFirst().orElseThrow(() -> new NotFoundException("no deleted contact '" + idOrEmail + "'"));
        return put(new Contact(c.id(), c.email(), c.status(), c.fields(), c.tags(), c.lists(), c.monitored(),
                c.created(), c.updated(), null));
    }

    @Override
    public int purgeDeleted(Instant cutoff) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void forget(String idOrEmail, ChangeContext context) {
        lastContext = context;
        byId.remove(get(idOrEmail).id());
    }

    @Override
    public boolean isSuppressed(String email) {
        return false;
    }

    @Override
    public ContactExport export(String idOrEmail) {
        return new ContactExport(Instant.parse("2025-01-04T00:00:00Z"), get(idOrEmail), consentHistory(idOrEmail));
    }

    @Override
    public List<ConsentEntry> consentHistory(String idOrEmail) {
        Contact c = get(idOrEmail);
        return List.of(new ConsentEntry(1, c.id(), org.herald.contacts.Channel.EMAIL,
                org.herald.contacts.ConsentAction.STATUS_CHANGED, OptInStatus.UNKNOWN, c.status(), null,
                org.herald.contacts.ConsentSource.API, Instant.parse("2025-01-02T03:04:05Z"), "admin", null, null, null,
                null));
    }

    /** Reads the whole CSV (so size limits and decoding are exercised) and counts its data rows as created. */
    @Override
    public ImportReport importCsv(Reader csv, ImportOptions options, ChangeContext context, ImportProgress progress)
            throws IOException {
        lastContext = context;
        lastImportOptions = options;
        long chars = 0;
        long rows = -1;
        List<ImportReport.RowError> errors = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(csv)) {
            String line;
            while ((line = in.readLine()) != null) {
                chars += line.length() + 1;
                rows++;
                if (rows > 0 && !line.contains("@")) {
                    errors.add(new ImportReport.RowError(rows + 1, "column email: '" + line + "' is not an address"));
                }
            }
        }
        importedChars = chars;
        long bad = errors.size();
        return new ImportReport(Math.max(rows, 0) - bad, 0, 0, bad, errors);
    }

    @Override
    public long exportCsv(Writer out, ContactQuery query) throws IOException {
        out.write("email,status\r\n");
        long n = 0;
        for (Contact c : contacts.list(query.page(0, ContactQuery.MAX_LIMIT)).items()) {
            out.write(c.email() + "," + c.status() + "\r\n");
            n++;
        }
        return n;
    }

    @Override
    public long exportJson(OutputStream out, ContactQuery query) throws IOException {
        StringBuilder json = new StringBuilder("[");
        for (Contact c : contacts.list(query.page(0, ContactQuery.MAX_LIMIT)).items()) {
            json.append(json.length() > 1 ? "," : "").append("{\"email\":\"").append(c.email()).append("\"}");
        }
        out.write(json.append(']').toString().getBytes(StandardCharsets.UTF_8));
        return 0;
    }

    }

    public final class Fields implements FieldService {

    @Override
    public FieldDefinition create(String name, FieldType type, String label, List<Choice> choices) {
        if (!name.matches("[a-z]+")) {
            throw new ValidationException("name", name, "field names are lowercase letters a-z only");
        }
        if (fields.containsKey(name)) {
            throw new ConflictException("a field named '" + name + "' exists");
        }
        FieldDefinition f = new FieldDefinition(name, type, label, fields.size() + 1, true, choices, false);
        fields.put(name, f);
        return f;
    }

    @Override
    public List<FieldDefinition> list() {
        return fields.values().stream().sorted((a, b) -> Integer.compare(a.position(), b.position())).toList();
    }

    @Override
    public Optional<FieldDefinition> find(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    @Override
    public FieldDefinition setChoices(String name, List<Choice> choices) {
        FieldDefinition f = fields.get(name);
        if (f == null) {
            throw new NotFoundException("no field named '" + name + "'");
        }
        FieldDefinition changed = new FieldDefinition(f.name(), f.type(), f.label(), f.position(), f.visible(), choices,
                f.system());
        fields.put(name, changed);
        return changed;
    }

    @Override
    public FieldDefinition update(String name, String label, Integer position, Boolean visible) {
        FieldDefinition f = fields.get(name);
        if (f == null) {
            throw new NotFoundException("no field named '" + name + "'");
        }
        FieldDefinition changed = new FieldDefinition(f.name(), f.type(), label == null ? f.label() : label,
                position == null ? f.position() : position, visible == null ? f.visible() : visible, f.choices(),
                f.system());
        fields.put(name, changed);
        return changed;
    }

    }

    public final class Lists implements ListService {

    @Override
    public MailingList create(String name) {
        if (lists.containsKey(name)) {
            throw new ConflictException("a list named '" + name + "' exists");
        }
        MailingList l = new MailingList(name, Map.of(), 0, Instant.parse("2025-01-01T00:00:00Z"));
        lists.put(name, l);
        return l;
    }

    @Override
    public List<MailingList> list() {
        return List.copyOf(lists.values());
    }

    @Override
    public Optional<MailingList> find(String name) {
        return Optional.ofNullable(lists.get(name));
    }

    @Override
    public MailingList get(String name) {
        MailingList l = lists.get(name);
        if (l == null) {
            throw new NotFoundException("no list named '" + name + "'");
        }
        long members = byId.values().stream().filter(c -> c.lists().contains(name)).count();
        return new MailingList(l.name(), l.texts(), members, l.created());
    }

    @Override
    public MailingList rename(String name, String newName) {
        MailingList l = get(name);
        lists.remove(name);
        MailingList renamed = new MailingList(newName, l.texts(), l.members(), l.created());
        lists.put(newName, renamed);
        return renamed;
    }

    @Override
    public MailingList setText(String name, String language, String publicName, String description) {
        MailingList l = get(name);
        Map<String, org.herald.contacts.ListText> texts = new LinkedHashMap<>(l.texts());
        texts.put(language, new org.herald.contacts.ListText(publicName, description));
        MailingList changed = new MailingList(name, texts, l.members(), l.created());
        lists.put(name, changed);
        return changed;
    }

    @Override
    public List<String> usages(String name) {
        long members = get(name).members();
        return members == 0 ? List.of() : List.of(members + " members");
    }

    @Override
    public void delete(String name, boolean force) {
        List<String> usages = usages(name);
        if (!force && !usages.isEmpty()) {
            throw new InUseException("list '" + name + "' is in use: " + usages + "; use force to delete anyway", usages);
        }
        lists.remove(name);
    }

    }

    public final class Tags implements TagService {

    @Override
    public List<TagCount> tags() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        byId.values().forEach(c -> c.tags().forEach(t -> counts.merge(t, 1L, Long::sum)));
        return counts.entrySet().stream().map(e -> new TagCount(e.getKey(), e.getValue())).toList();
    }
    }
}
