package org.herald.events.json;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.herald.common.ValidationException;
import org.herald.contacts.ChangeContext;
import org.herald.events.EventInput;
import org.herald.events.EventService;
import org.herald.events.IngestReport;
import org.herald.events.IngestResult;
import org.herald.json.HeraldJson;
import org.herald.json.JsonProblem;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One event as an integrator sends it: members {@code id} (optional, makes it idempotent),
 * {@code type}, {@code email} or {@code contact} (the contact's id), {@code occurredAt} (ISO-8601
 * with offset, optional), {@code source} (optional label), {@code properties} (an object) and
 * {@code createContact} (optional boolean); any other member is refused. A body is one such
 * object or an array of them.
 */
public final class EventInputJson {

    public static final String EMPTY_MESSAGE = "the body is empty: send an event object or an array of them";

    /** Read as a tree first (one bad item must not refuse the batch); decimals kept exact in the tree. */
    private static final ObjectMapper MAPPER = HeraldJson.mapper()
            .setNodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true));

    private final String id;
    private final String type;
    private final String email;
    private final String contact;
    private final String occurredAt;
    private final String source;
    private final Map<String, Object> properties;
    private final Boolean createContact;

    @JsonCreator
    private EventInputJson(@JsonProperty("id") String id, @JsonProperty("type") String type,
            @JsonProperty("email") String email, @JsonProperty("contact") String contact,
            @JsonProperty("occurredAt") String occurredAt, @JsonProperty("source") String source,
            @JsonProperty("properties") Map<String, Object> properties,
            @JsonProperty("createContact") Boolean createContact) {
        this.id = id;
        this.type = type;
        this.email = email;
        this.contact = contact;
        this.occurredAt = occurredAt;
        this.source = source;
        this.properties = properties;
        this.createContact = createContact;
    }

    /** One item of a batch: the document, or why it could not be read. */
    public static final class Item {
        private final EventInputJson document;
        private final ValidationException error;

        private Item(EventInputJson document, ValidationException error) {
            this.document = document;
            this.error = error;
        }

        public EventInputJson document() {
            return document;
        }

        public ValidationException error() {
            return error;
        }
    }

    /**
     * Reads a body (UTF-8): one event object or an array of them. A body that is not JSON, or not
     * an object or array, is refused whole; an array item of the wrong shape is refused alone.
     */
    public static List<Item> read(byte[] json) {
        if (json == null || json.length == 0) {
            throw new ValidationException("body", null, EMPTY_MESSAGE);
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw JsonProblem.of(e).toValidationException();
        } catch (IOException e) {
            throw new ValidationException("body", null, "the body could not be read: " + e.getMessage());
        }
        if (root == null || root.isNull() || root.isMissingNode()) {
            throw new ValidationException("body", null, EMPTY_MESSAGE);
        }
        List<JsonNode> nodes = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(nodes::add);
        } else if (root.isObject()) {
            nodes.add(root);
        } else {
            throw new ValidationException("body", null, "the body must be an event object or an array of them");
        }
        List<Item> items = new ArrayList<>(nodes.size());
        for (JsonNode node : nodes) {
            if (!node.isObject()) {
                items.add(new Item(null, new ValidationException("event", null, "each event must be a JSON object")));
                continue;
            }
            try {
                items.add(new Item(MAPPER.treeToValue(node, EventInputJson.class), null));
            } catch (JsonProcessingException e) {
                items.add(new Item(null, JsonProblem.of(e).toValidationException()));
            }
        }
        return items;
    }

    /**
     * The {@link EventInput} this document asks for.
     *
     * @throws ValidationException for an {@code occurredAt} that is not an ISO-8601 time with offset
     */
    public EventInput toInput() {
        Instant at = null;
        if (occurredAt != null) {
            try {
                at = OffsetDateTime.parse(occurredAt).toInstant();
            } catch (DateTimeParseException e) {
                throw new ValidationException("occurredAt", occurredAt, "'occurredAt' must be an ISO-8601 time with "
                        + "offset, e.g. 2026-11-30T10:15:30Z");
            }
        }
        return EventInput.builder(type).id(id).email(email).contactId(contact).occurredAt(at).source(source)
                .properties(properties).createContact(Boolean.TRUE.equals(createContact)).build();
    }

    /**
     * Ingests a read batch through the service: items that could not be read or converted are
     * REJECTED in place, the rest go to {@link EventService#ingest} in one call; the results keep
     * the batch's order and indexes. The one way REST, the queue and the console ingest.
     */
    public static IngestReport ingest(EventService events, List<Item> items, ChangeContext context) {
        IngestResult[] results = new IngestResult[items.size()];
        List<EventInput> inputs = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            ValidationException error = item.error();
            EventInput input = null;
            if (error == null) {
                try {
                    input = item.document().toInput();
                } catch (ValidationException e) {
                    error = e;
                }
            }
            if (error != null) {
                results[i] = IngestResult.of(i, item.document() == null ? null : item.document().id,
                        null, IngestResult.Outcome.REJECTED, error.field(), error.getMessage());
            } else {
                inputs.add(input);
                positions.add(i);
            }
        }
        if (!inputs.isEmpty()) {
            IngestReport report = events.ingest(inputs, context);
            for (int k = 0; k < positions.size(); k++) {
                IngestResult r = report.results().get(k);
                int i = positions.get(k);
                results[i] = r.outcome() == IngestResult.Outcome.STORED
                        ? IngestResult.stored(i, r.id(), r.contactId(), r.sequence())
                        : r.outcome() == IngestResult.Outcome.DUPLICATE ? IngestResult.duplicate(i, r.id(), r.contactId())
                        : IngestResult.of(i, r.id(), r.contactId(), r.outcome(), r.field(), r.reason());
            }
        }
        return IngestReport.of(List.of(results));
    }

    public String id() {
        return id;
    }

    public String type() {
        return type;
    }
}
