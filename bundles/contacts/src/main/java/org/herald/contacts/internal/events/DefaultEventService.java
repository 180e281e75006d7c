package org.herald.contacts.internal.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.herald.common.NotFoundException;
import org.herald.common.Page;
import org.herald.common.ValidationException;
import org.herald.contacts.ChangeContext;
import org.herald.contacts.ContactInput;
import org.herald.contacts.internal.DefaultContactService;
import org.herald.events.ContactEvent;
import org.herald.events.EventInput;
import org.herald.events.EventService;
import org.herald.events.EventSummary;
import org.herald.events.EventTypes;
import org.herald.events.IngestReport;
import org.herald.events.IngestResult;
import org.herald.events.IngestResult.Outcome;
import org.herald.events.TimelineQuery;
import org.herald.store.ContactRecord;
import org.herald.store.ContactRef;
import org.herald.store.ContactStore;
import org.herald.store.EventStore;
import org.herald.store.EventWrite;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Ingestion and timelines. A batch is validated event by event, its contacts are looked up in
 * bulk (a few queries, not one per event), contacts are created where an event asks for it, and
 * every valid event is appended in one transaction, which commits before the call returns.
 */
@Component(service = EventService.class, configurationPid = "org.herald.events")
@Designate(ocd = EventsConfig.class)
public class DefaultEventService implements EventService {

    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._:@/+=-]{1,64}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final ObjectMapper SIZE = new ObjectMapper();
    private static final int LATEST = 5;

    private final DefaultContactService contacts;
    private final ContactStore contactStore;
    private final EventStore events;
    private volatile EventsConfig config;

    @Activate
    public DefaultEventService(@Reference DefaultContactService contacts, @Reference ContactStore contactStore,
            @Reference EventStore events, EventsConfig config) {
        this.contacts = contacts;
        this.contactStore = contactStore;
        this.events = events;
        this.config = config;
    }

    @Modified
    void modified(EventsConfig changed) {
        this.config = changed;
    }

    /** One input after validation, waiting for its contact. */
    private static final class Valid {
        final int index;
        final String uid;
        final boolean clientId;
        final EventInput in;
        final Instant occurredAt;
        final BigDecimal amount;
        final String currency;
        String emailKey;
        String email;
        ContactRef contact;

        Valid(int index, String uid, boolean clientId, EventInput in, Instant occurredAt, BigDecimal amount, String currency) {
            this.index = index;
            this.uid = uid;
            this.clientId = clientId;
            this.in = in;
            this.occurredAt = occurredAt;
            this.amount = amount;
            this.currency = currency;
        }
    }

    @Override
    public IngestReport ingest(List<EventInput> inputs, ChangeContext who) {
        EventsConfig cfg = config;
        if (inputs.size() > cfg.ingest_maxBatch()) {
            throw new ValidationException("events", String.valueOf(inputs.size()), "a batch may carry at most "
                    + cfg.ingest_maxBatch() + " events (ingest.maxBatch); this one has " + inputs.size() + ": split it");
        }
        Instant now = Instant.now();
        IngestResult[] results = new IngestResult[inputs.size()];
        List<Valid> valid = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            EventInput in = inputs.get(i);
            try {
                valid.add(validate(i, in, now, cfg));
            } catch (ValidationException e) {
                results[i] = IngestResult.of(i, in == null ? null : in.id(), null, Outcome.REJECTED, e.field(), e.getMessage());
            }
        }
        resolveContacts(valid, who, results);

        List<Valid> toStore = new ArrayList<>();
        List<EventWrite> writes = new ArrayList<>();
        for (Valid v : valid) {
            if (results[v.index] != null) {
                continue;
            }
            ContactRef c = v.contact;
            if (c.deleted()) {
                results[v.index] = IngestResult.of(v.index, v.uid, c.id(), Outcome.REJECTED, "contact",
                        "the contact is deleted: restore it (contact-restore) to record its events");
            } else if (!c.monitored() && EventTypes.isActivity(v.in.type())) {
                results[v.index] = IngestResult.of(v.index, v.uid, c.id(), Outcome.IGNORED, null,
                        "the contact's activity is not recorded (monitoring is off)");
            } else {
                toStore.add(v);
                String source = v.in.source() != null ? v.in.source() : who.source().name();
                writes.add(new EventWrite(v.uid, v.clientId, c.key(), c.id(), v.in.type(), v.occurredAt, now, source,
                        who.actor(), v.in.properties(), v.amount, v.currency));
            }
        }
        long[] positions = events.append(writes);
        for (int i = 0; i < toStore.size(); i++) {
            Valid v = toStore.get(i);
            results[v.index] = positions[i] == 0 ? IngestResult.duplicate(v.index, v.uid, v.contact.id())
                    : IngestResult.stored(v.index, v.uid, v.contact.id(), positions[i]);
        }
        return IngestReport.of(List.of(results));
    }

    private Valid validate(int index, EventInput in, Instant now, EventsConfig cfg) {
        if (in == null) {
            throw new ValidationException("event", null, "the event is empty");
        }
        String type = in.type();
        if (type == null || type.isBlank()) {
            throw new ValidationException("type", null, "'type' is required: page_visit, purchase, cart, cart_abandoned "
                    + "or a custom type name");
        }
        if (EventTypes.HERALD.contains(type)) {
            throw new ValidationException("type", type, "type '" + type + "' is written by Herald itself; send "
                    + "page_visit, purchase, cart, cart_abandoned or a custom type");
        }
        if (!EventTypes.NAME.matcher(type).matches()) {
            throw new ValidationException("type", type, "type '" + type + "' is not a type name: lowercase letters, "
                    + "digits and _, starting with a letter, at most 64 characters");
        }
        String uid;
        boolean clientId = in.id() != null;
        if (clientId) {
            if (!CLIENT_ID.matcher(in.id()).matches()) {
                throw new ValidationException("id", in.id(), "'id' must be 1 to 64 characters of letters, digits "
                        + "and . _ : @ / + = -");
            }
            uid = in.id();
        } else {
            uid = UUID.randomUUID().toString();
        }
        boolean byEmail = in.email() != null && !in.email().isBlank();
        boolean byId = in.contactId() != null && !in.contactId().isBlank();
        if (byEmail == byId) {
            throw new ValidationException("email", in.email(), byEmail
                    ? "give the contact by 'email' or by 'contact' (its id), not both"
                    : "the contact is required: 'email' (its address) or 'contact' (its id)");
        }
        if (byId && in.createContact()) {
            throw new ValidationException("createContact", "true", "'createContact' needs the contact's 'email'");
        }
        Instant occurredAt = in.occurredAt() == null ? now : in.occurredAt();
        if (occurredAt.isAfter(now.plusSeconds(cfg.ingest_futureToleranceSeconds()))) {
            throw new ValidationException("occurredAt", occurredAt.toString(), "'occurredAt' is in the future ("
                    + occurredAt + "; now is " + now + ")");
        }
        if (in.source() != null && in.source().length() > 64) {
            throw new ValidationException("source", in.source(), "'source' may have at most 64 characters");
        }
        int size = propertiesSize(in.properties());
        if (size > cfg.ingest_maxPropertiesBytes()) {
            throw new ValidationException("properties", null, "'properties' take " + size + " bytes as JSON; at most "
                    + cfg.ingest_maxPropertiesBytes() + " are allowed (ingest.maxPropertiesBytes)");
        }
        BigDecimal amount = null;
        String currency = null;
        if (type.equals(EventTypes.PURCHASE) || type.equals(EventTypes.CART) || type.equals(EventTypes.CART_ABANDONED)) {
            Object value = in.properties().get("value");
            boolean required = type.equals(EventTypes.PURCHASE);
            if (value == null && required) {
                throw new ValidationException("properties.value", null, "a purchase needs 'properties.value', "
                        + "the order's total (a number, e.g. 49.90)");
            }
            if (value != null) {
                amount = decimal(value);
                if (amount.signum() < 0) {
                    throw new ValidationException("properties.value", value.toString(), "'properties.value' cannot be negative");
                }
            }
            Object cur = in.properties().get("currency");
            if (cur != null) {
                if (!(cur instanceof String c) || !CURRENCY.matcher(c).matches()) {
                    throw new ValidationException("properties.currency", String.valueOf(cur),
                            "'properties.currency' must be an ISO 4217 code such as EUR");
                }
                currency = c;
            }
            Object items = in.properties().get("items");
            if (items != null && !(items instanceof List<?>)) {
                throw new ValidationException("properties.items", null, "'properties.items' must be an array");
            }
        }
        if (type.equals(EventTypes.PAGE_VISIT)) {
            Object url = in.properties().get("url");
            if (url != null && !(url instanceof String)) {
                throw new ValidationException("properties.url", String.valueOf(url), "'properties.url' must be a string");
            }
        }
        return new Valid(index, uid, clientId, in, occurredAt, amount, currency);
    }

    private static BigDecimal decimal(Object value) {
        try {
            if (value instanceof BigDecimal d) {
                return d;
            }
            if (value instanceof Number n) {
                return new BigDecimal(n.toString());
            }
            return new BigDecimal(value.toString().strip());
        } catch (NumberFormatException e) {
            throw new ValidationException("properties.value", value.toString(), "'properties.value' must be a number, "
                    + "e.g. 49.90");
        }
    }

    private static int propertiesSize(Map<String, Object> properties) {
        if (properties.isEmpty()) {
            return 2;
        }
        try {
            return SIZE.writeValueAsBytes(properties).length;
        } catch (JsonProcessingException e) {
            throw new ValidationException("properties", null, "'properties' cannot be written as JSON: " + e.getOriginalMessage());
        }
    }

    /** Finds the contact of every valid event in bulk, creating those the events ask for. */
    private void resolveContacts(List<Valid> valid, ChangeContext who, IngestResult[] results) {
        Map<String, Valid> firstByKey = new LinkedHashMap<>();
        List<String> ids = new ArrayList<>();
        for (Valid v : valid) {
            if (v.in.email() != null && !v.in.email().isBlank()) {
                try {
                    var address = contacts.normalize(v.in.email());
                    v.emailKey = address.key();
                    v.email = address.email();
                    firstByKey.putIfAbsent(v.emailKey, v);
                } catch (ValidationException e) {
                    results[v.index] = IngestResult.of(v.index, v.uid, null, Outcome.REJECTED, "email", e.getMessage());
                }
            } else {
                ids.add(v.in.contactId().strip());
            }
        }
        Map<String, ContactRef> byKey = firstByKey.isEmpty() ? new HashMap<>()
                : new HashMap<>(contactStore.refsByEmailKeys(firstByKey.keySet()));
        Map<String, ContactRef> byId = ids.isEmpty() ? Map.of() : contactStore.refsByIds(ids);
        List<String> created = new ArrayList<>();
        for (Valid v : valid) {
            if (results[v.index] != null || v.emailKey == null || byKey.containsKey(v.emailKey)
                    || created.contains(v.emailKey) || !v.in.createContact()) {
                continue;
            }
            try {
                contacts.upsert(ContactInput.builder(v.email).build(), who);
                created.add(v.emailKey);
            } catch (ValidationException | org.herald.common.ConflictException e) {
                results[v.index] = IngestResult.of(v.index, v.uid, null, Outcome.REJECTED, "email", e.getMessage());
            }
        }
        if (!created.isEmpty()) {
            byKey.putAll(contactStore.refsByEmailKeys(created));
        }
        for (Valid v : valid) {
            if (results[v.index] != null) {
                continue;
            }
            ContactRef ref = v.emailKey != null ? byKey.get(v.emailKey) : byId.get(v.in.contactId().strip());
            if (ref == null) {
                results[v.index] = IngestResult.of(v.index, v.uid, null, Outcome.UNKNOWN_CONTACT,
                        v.emailKey != null ? "email" : "contact", v.emailKey != null
                                ? "no contact has this address; set \"createContact\": true to create it with the event"
                                : "no contact has this id");
            } else {
                v.contact = ref;
            }
        }
    }

    @Override
    public Page<ContactEvent> timeline(String idOrEmail, TimelineQuery query) {
        if (query.limit() < 1 || query.limit() > TimelineQuery.MAX_LIMIT) {
            throw new ValidationException("limit", String.valueOf(query.limit()), "'limit' must be between 1 and "
                    + TimelineQuery.MAX_LIMIT);
        }
        if (query.offset() < 0) {
            throw new ValidationException("offset", String.valueOf(query.offset()), "'offset' cannot be negative");
        }
        for (String type : query.types()) {
            if (!EventTypes.NAME.matcher(type).matches()) {
                throw new ValidationException("type", type, "'" + type + "' is not an event type name");
            }
        }
        return events.timeline(contact(idOrEmail).key(), query);
    }

    @Override
    public EventSummary summary(String idOrEmail) {
        ContactRecord c = contact(idOrEmail);
        Map<String, Long> counts = events.countsByType(c.key());
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        java.util.Set<String> notActivity = new java.util.HashSet<>(EventTypes.HERALD);
        notActivity.removeIf(EventTypes::isActivity);
        Instant last = total == 0 ? null : events.lastActivity(c.key(), notActivity);
        List<ContactEvent> latest = total == 0 ? List.of()
                : events.timeline(c.key(), TimelineQuery.latest().withPage(0, LATEST)).items();
        return EventSummary.of(total, counts, last, latest);
    }

    private ContactRecord contact(String idOrEmail) {
        return contacts.resolve(idOrEmail)
                .orElseThrow(() -> new NotFoundException("no contact with id or e-mail '" + idOrEmail + "'"));
    }
}
