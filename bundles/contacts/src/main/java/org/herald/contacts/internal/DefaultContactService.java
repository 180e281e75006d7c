package org.herald.contacts.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.herald.common.ConflictException;
import org.herald.common.NotFoundException;
import org.herald.common.Page;
import org.herald.common.TransientException;
import org.herald.common.ValidationException;
import org.herald.contacts.ChangeContext;
import org.herald.contacts.ConsentEntry;
import org.herald.contacts.ConsentSource;
import org.herald.contacts.Contact;
import org.herald.contacts.ContactExport;
import org.herald.contacts.ContactInput;
import org.herald.contacts.ContactQuery;
import org.herald.contacts.ContactService;
import org.herald.contacts.ImportOptions;
import org.herald.contacts.ImportProgress;
import org.herald.contacts.ImportReport;
import org.herald.contacts.OptInStatus;
import org.herald.contacts.UpsertResult;
import org.herald.contacts.UpsertResult.Outcome;
import org.herald.store.ContactFilter;
import org.herald.store.ContactRecord;
import org.herald.store.ContactStore;
import org.herald.store.ContactWrite;
import org.herald.store.DuplicateKeyException;
import org.herald.store.FieldRecord;
import org.herald.store.FieldStore;
import org.herald.store.ListStore;
import org.herald.store.SettingStore;
import org.herald.store.SuppressionStore;
import org.herald.contacts.internal.events.Scoring;
import org.herald.events.EventTypes;
import org.herald.store.StaleRecordException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The contact service: every channel's upserts and changes go through {@link ContactChanges} and
 * the store's single write (imports through the same rules in batches, see {@link CsvImport}).
 * Owns the daily purge of soft-deleted contacts (one scheduler thread, stopped on deactivation).
 */
@Component(service = {ContactService.class, DefaultContactService.class}, configurationPid = "org.herald.contacts")
@Designate(ocd = ContactsConfig.class)
public class DefaultContactService implements ContactService {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultContactService.class);
    private static final int ATTEMPTS = 3;
    private static final LocalTime DEFAULT_PURGE = LocalTime.of(2, 0);

    private final ContactStore store;
    private final FieldStore fieldStore;
    private final ListStore listStore;
    private final SuppressionStore suppressionStore;
    private final Scoring scoring;
    private final Suppression suppression;
    private final ScheduledExecutorService scheduler;
    /** Lease of a claimed nightly run: renewed every third of it while the work goes on. */
    public static final Duration RUN_LEASE = Duration.ofMinutes(2);
    private final ScheduledRuns runs;
    private final SettingStore settingStore;
    private volatile Settings settings;
    private ScheduledFuture<?> nextPurge;

    /** The configuration as used: parsed once per (re)configuration. */
    record Settings(Emails emails, LocalTime purgeTime, int batchSize, int maxTags) {
        static Settings of(ContactsConfig config) {
            LocalTime purge;
            try {
                purge = LocalTime.parse(config.purge_time().strip());
            } catch (DateTimeParseException e) {
                LOG.error("purge.time '{}' is not a time like 02:00; using {}", config.purge_time(), DEFAULT_PURGE);
                purge = DEFAULT_PURGE;
            }
            return new Settings(new Emails(config.email_caseSensitiveLocalPart()), purge, Math.max(1, config.import_batchSize()),
                    Math.max(1, config.tags_max()));
        }
    }

    @Activate
    public DefaultContactService(@Reference ContactStore store, @Reference FieldStore fieldStore,
            @Reference ListStore listStore, @Reference SuppressionStore suppressionStore,
            @Reference SettingStore settingStore, @Reference Scoring scoring, ContactsConfig config) {
        this.store = store;
        this.fieldStore = fieldStore;
        this.listStore = listStore;
        this.suppressionStore = suppressionStore;
        this.settingStore = settingStore;
        this.scoring = scoring;
        this.settings = Settings.of(config);
        this.suppression = new Suppression(suppressionStore, settingStore);
        this.runs = new ScheduledRuns(settingStore, RUN_LEASE, "herald-contacts-purge-lease");
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "herald-contacts-purge");
            t.setDaemon(true);
            return t;
        });
        schedulePurge();
    }

    @Modified
    void modified(ContactsConfig config) {
        this.settings = Settings.of(config);
        schedulePurge();
    }

    @Deactivate
    public void deactivate() {
        scheduler.shutdownNow();
        runs.close();
    }

    private synchronized void schedulePurge() {
        if (nextPurge != null) {
            nextPurge.cancel(false);
        }
        ZonedDateTime now = ZonedDateTime.now(ZoneId.systemDefault());
        ZonedDateTime at = now.with(settings.purgeTime()).withSecond(0).withNano(0);
        if (!at.isAfter(now)) {
            at = at.plusDays(1);
        }
        Instant moment = at.toInstant();
        long delay = Duration.between(now.toInstant(), moment).toMillis();
        nextPurge = scheduler.schedule(() -> runPurge(moment), delay, TimeUnit.MILLISECONDS);
    }

    private void runPurge(Instant moment) {
        try {
            // every node schedules the purge; the node that claims tonight's run does it, and another
            // finishes it the same day if that node dies midway (its lease runs out)
            boolean ran = runs.runOnce(PURGE_JOB, moment, moment.plus(Duration.ofHours(20)), () -> {
                int purged = purgeDeleted(moment);
                LOG.info("Nightly purge removed {} deleted contacts", purged);
            });
            if (!ran) {
                LOG.info("Nightly purge of {} is another node's", moment);
            }
        } catch (RuntimeException e) {
            LOG.error("Nightly purge of deleted contacts failed; it runs again tomorrow", e);
        } finally {
            if (!scheduler.isShutdown()) {
                schedulePurge();
            }
        }
    }

    /** The name under which nodes claim the nightly purge ({@link SettingStore#claimRun}). */
    static final String PURGE_JOB = "contacts.purge";

    Settings settings() {
        return settings;
    }

    ContactStore store() {
        return store;
    }

    FieldStore fieldStore() {
        return fieldStore;
    }

    ListStore listStore() {
        return listStore;
    }

    SuppressionStore suppressionStore() {
        return suppressionStore;
    }

    Suppression suppression() {
        return suppression;
    }

    // ---- reads

    @Override
    public Optional<Contact> find(String idOrEmail) {
        return resolve(idOrEmail).filter(r -> !r.isDeleted()).map(this::toContact);
    }

    @Override
    public Contact get(String idOrEmail) {
        return toContact(live(idOrEmail));
    }

    /** An address as the uniqueness rule sees it (this installation's case rule). */
    public Emails.Address normalize(String email) {
        return settings.emails().normalize(email);
    }

    /** The contact (live or deleted) addressed by id or e-mail. */
    public Optional<ContactRecord> resolve(String idOrEmail) {
        if (idOrEmail == null || idOrEmail.isBlank()) {
            return Optional.empty();
        }
        if (idOrEmail.contains("@")) {
            Emails.Address address;
            try {
                address = settings.emails().normalize(idOrEmail);
            } catch (ValidationException e) {
                return Optional.empty();
            }
            return store.findByKey(address.key());
        }
        return store.findById(idOrEmail.strip());
    }

    private ContactRecord live(String idOrEmail) {
        ContactRecord r = any(idOrEmail);
        if (r.isDeleted()) {
            throw deleted(r);
        }
        return r;
    }

    /** A soft-deleted contact is not found, and the answer says so and how to bring it back. */
    private NotFoundException deleted(ContactRecord r) {
        return new NotFoundException("contact " + r.id() + " " + r.email() + " was deleted at "
                + r.deletedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + ": restore it with contact-restore "
                + r.id() + " (REST: POST /contacts/" + r.id() + "/restore) before the nightly purge at "
                + settings.purgeTime() + " removes it");
    }

    private ContactRecord any(String idOrEmail) {
        return resolve(idOrEmail).orElseThrow(() -> notFound(idOrEmail));
    }

    private static NotFoundException notFound(String idOrEmail) {
        return new NotFoundException("no contact with id or e-mail '" + idOrEmail + "'");
    }

    /** The API view of a stored contact, with the stage its score gives under the current scoring rules. */
    public Contact toContact(ContactRecord r) {
        Map<String, Object> fields = new LinkedHashMap<>();
        r.fields().forEach((k, v) -> fields.put(k, FieldValues.toApi(v)));
        return new Contact(r.id(), r.email(), r.status(), fields, r.tags(), r.lists(), r.monitored(), r.created(),
                r.updated(), r.deletedAt(), r.metrics().withStage(scoring.rules().stageOf(r.metrics().score())));
    }

    ContactChanges.Context changeContext(ContactInput in, ChangeContext who) {
        Map<String, FieldRecord> fields = new LinkedHashMap<>();
        for (FieldRecord f : fieldStore.fields()) {
            fields.put(f.name(), f);
        }
        boolean needsLists = !in.lists().isEmpty() || !in.unsubscribeLists().isEmpty();
        return new ContactChanges.Context(fields, needsLists ? listStore.listNames() : Set.of(), who, Instant.now(),
                settings.maxTags());
    }

    /** The latest ledger entry per list of an existing contact, read only when the input adds a list it is not on. */
    Map<String, ConsentEntry> listHistory(ContactRecord before, ContactInput in) {
        if (before == null || before.lists().containsAll(in.lists())) {
            return Map.of();
        }
        return store.latestListEntries(List.of(before.key())).getOrDefault(before.key(), Map.of());
    }

    // ---- writes

    @Override
    public UpsertResult upsert(ContactInput input, ChangeContext context) {
        Emails.Address address = settings.emails().normalize(input.email());
        for (int attempt = 1; ; attempt++) {
            Optional<ContactRecord> existing = store.findByKey(address.key());
            if (existing.isPresent() && existing.get().isDeleted()) {
                throw deletedOwner(address.email());
            }
            if (existing.isEmpty() && !suppression.admit(address.key(), context)) {
                throw Suppression.refused(address.email());
            }
            // an existing contact keeps the spelling it has: the same key is the same address
            ContactChanges.Change change = ContactChanges.apply(existing.orElse(null),
                    listHistory(existing.orElse(null), input), existing.isPresent() ? null : address, PublicIds.next(), input,
                    ContactChanges.Mode.SINGLE, changeContext(input, context));
            if (change.outcome() == Outcome.UNCHANGED) {
                return new UpsertResult(toContact(change.after()), Outcome.UNCHANGED);
            }
            try {
                ContactRecord stored = store.write(new ContactWrite(existing.orElse(null), change.after(), change.consent(),
                        change.events()));
                return new UpsertResult(toContact(stored), change.outcome());
            } catch (DuplicateKeyException | StaleRecordException e) {
                if (attempt == ATTEMPTS) {
                    // lost every race: nothing wrong with the input, so the caller may try again later
                    throw new TransientException("the contact kept changing while saving; try again", e);
                }
            }
        }
    }

    @Override
    public Contact update(String idOrEmail, ContactInput change, ChangeContext context) {
        for (int attempt = 1; ; attempt++) {
            ContactRecord before = live(idOrEmail);
            Emails.Address address = null;
            if (change.email() != null) {
                address = settings.emails().normalize(change.email());
                if (!address.key().equals(before.emailKey())) {
                    Optional<ContactRecord> owner = store.findByKey(address.key());
                    if (owner.isPresent()) {
                        throw owner.get().isDeleted() ? deletedOwner(address.email())
                                : new ConflictException("the address " + address.email()
                                        + " belongs to another contact; an address can only have one contact");
                    }
                    if (!suppression.admit(address.key(), context)) {
                        throw Suppression.refused(address.email());
                    }
                }
            }
            ContactChanges.Change result = ContactChanges.apply(before, listHistory(before, change), address, null, change,
                    ContactChanges.Mode.SINGLE, changeContext(change, context));
            if (result.outcome() == Outcome.UNCHANGED) {
                return toContact(before);
            }
            try {
                return toContact(store.write(new ContactWrite(before, result.after(), result.consent(), result.events())));
            } catch (DuplicateKeyException e) {
                throw new ConflictException("the address " + address.email() + " belongs to another contact");
            } catch (StaleRecordException e) {
                if (attempt == ATTEMPTS) {
                    throw new TransientException("the contact kept changing while saving; try again", e);
                }
            }
        }
    }

    private static ConflictException deletedOwner(String email) {
        return new ConflictException("the address " + email + " belongs to a deleted contact: restore it "
                + "(contact-restore) or wait for the nightly purge");
    }

    private static ContactInput.Builder change() {
        return ContactInput.builder(null);
    }

    @Override
    public Contact setStatus(String idOrEmail, OptInStatus status, ChangeContext context) {
        if (status == null) {
            throw new ValidationException("status", null, "status: a status is required");
        }
        return update(idOrEmail, change().status(status).build(), context);
    }

    @Override
    public Contact subscribe(String idOrEmail, String list, ChangeContext context) {
        return update(idOrEmail, change().list(list).build(), context);
    }

    @Override
    public Contact unsubscribe(String idOrEmail, String list, ChangeContext context) {
        return update(idOrEmail, change().unsubscribe(list).build(), context);
    }

    @Override
    public Contact addTags(String idOrEmail, List<String> tags, ChangeContext context) {
        return update(idOrEmail, change().tag(tags.toArray(String[]::new)).build(), context);
    }

    @Override
    public Contact removeTags(String idOrEmail, List<String> tags, ChangeContext context) {
        return update(idOrEmail, change().untag(tags.toArray(String[]::new)).build(), context);
    }

    @Override
    public Contact setMonitored(String idOrEmail, boolean monitored, ChangeContext context) {
        return update(idOrEmail, change().monitored(monitored).build(), context);
    }

    static ContactFilter filter(ContactQuery q) {
        return new ContactFilter(q.status(), q.list(), q.tag() == null ? null : Names.tag(q.tag()), q.search(), q.deleted());
    }

    @Override
    public Page<Contact> list(ContactQuery query) {
        Page<ContactRecord> page = store.query(filter(query), query.offset(), query.limit());
        return new Page<>(page.total(), page.offset(), page.limit(),
                page.items().stream().map(this::toContact).toList());
    }

    @Override
    public long count(ContactQuery query) {
        return store.count(filter(query));
    }

    @Override
    public Contact delete(String idOrEmail, ChangeContext context) {
        ContactRecord r = live(idOrEmail);
        Instant now = Instant.now();
        LOG.debug("Contact {} deleted by {}", r.id(), context.actor());
        return toContact(store.setDeleted(r.key(), now, now, ContactEvents.event(EventTypes.DELETED, context, now, null)));
    }

    @Override
    public Contact restore(String idOrEmail, ChangeContext context) {
        ContactRecord r = any(idOrEmail);
        if (!r.isDeleted()) {
            return toContact(r);
        }
        Instant now = Instant.now();
        return toContact(store.setDeleted(r.key(), null, now, ContactEvents.event(EventTypes.RESTORED, context, now, null)));
    }

    @Override
    public int purgeDeleted(Instant cutoff) {
        return store.purgeDeletedBefore(cutoff);
    }

    @Override
    public void forget(String idOrEmail, ChangeContext context) {
        ContactRecord r = any(idOrEmail);
        Instant now = Instant.now();
        store.erase(r.key(), suppression.hash(r.emailKey()), now, ContactEvents.event(EventTypes.FORGOTTEN, context, now, null));
        LOG.info("Contact {} erased at the contact's request ({} by {})", r.id(), context.source(), context.actor());
    }

    @Override
    public boolean isSuppressed(String email) {
        return suppressionStore.isSuppressed(suppression.hash(settings.emails().normalize(email).key()));
    }

    @Override
    public ContactExport export(String idOrEmail) {
        ContactRecord r = any(idOrEmail);
        return new ContactExport(Instant.now(), toContact(r), store.consent(r.key()));
    }

    @Override
    public List<ConsentEntry> consentHistory(String idOrEmail) {
        return store.consent(any(idOrEmail).key());
    }

    // ---- bulk

    @Override
    public ImportReport importCsv(Reader csv, ImportOptions options, ChangeContext context, ImportProgress progress)
            throws IOException {
        // an import is recorded as one whoever runs it (console, REST): the ledger says IMPORT and the actor
        ChangeContext importing = context.source() == ConsentSource.IMPORT ? context : context.withSource(ConsentSource.IMPORT);
        return new CsvImport(this, options, importing, progress == null ? ImportProgress.NONE : progress).run(csv);
    }

    @Override
    public long exportCsv(Writer out, ContactQuery query) throws IOException {
        return Exports.csv(store, fieldStore, filter(query), out);
    }

    @Override
    public long exportJson(OutputStream out, ContactQuery query) throws IOException {
        return Exports.json(this, filter(query), out);
    }
}
