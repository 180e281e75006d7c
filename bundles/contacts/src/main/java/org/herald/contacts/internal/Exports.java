package org.herald.contacts.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.herald.json.HeraldJson;
import org.herald.store.ContactFilter;
import org.herald.store.ContactRecord;
import org.herald.store.ContactStore;
import org.herald.store.FieldRecord;
import org.herald.store.FieldStore;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Bulk exports, streamed: the store hands over contacts chunk by chunk and each is written at
 * once, so memory does not grow with the number of contacts. The CSV has the columns the
 * importer reads back (id, created and updated are ignored on import).
 */
final class Exports {

    /** Herald's one JSON configuration, so the export writes decimals as the REST API does (plain). */
    private static final ObjectMapper JSON = HeraldJson.mapper();

    private Exports() {
    }

    static long csv(ContactStore store, FieldStore fieldStore, ContactFilter filter, Writer out) throws IOException {
        List<FieldRecord> fields = fieldStore.fields();
        List<String> header = new ArrayList<>(List.of("id", "email", "status"));
        fields.forEach(f -> header.add(f.name()));
        header.addAll(List.of("tags", "lists", "monitored", "created", "updated", "score", "ORDER_NUMBER", "ORDER_SUMMARY",
                "ORDER_AVG"));
        CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180);
        printer.printRecord(header);
        try {
            long n = store.forEach(filter, r -> {
                List<Object> cells = new ArrayList<>(header.size());
                cells.add(r.id());
                cells.add(r.email());
                cells.add(r.status().name());
                for (FieldRecord f : fields) {
                    cells.add(FieldValues.toCell(r.fields().get(f.name())));
                }
                cells.add(String.join("|", new TreeSet<>(r.tags())));
                cells.add(String.join("|", new TreeSet<>(r.lists())));
                cells.add(r.monitored());
                cells.add(r.created());
                cells.add(r.updated());
                cells.add(r.metrics().score());
                cells.add(r.metrics().orderNumber());
                cells.add(r.metrics().orderSummary().toPlainString());
                cells.add(r.metrics().orderAverage().toPlainString());
                try {
                    printer.printRecord(cells);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            printer.flush();
            return n;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    static long json(DefaultContactService service, ContactFilter filter, OutputStream out) throws IOException {
        ContactStore store = service.store();
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartArray();
            long n;
            try {
                n = store.forEach(filter, r -> {
                    try {
                        write(g, r, service.toContact(r).metrics());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            g.writeEndArray();
            g.flush();
            return n;
        }
    }

    /** One contact as the REST API's contact JSON. */
    private static void write(JsonGenerator g, ContactRecord r, org.herald.contacts.ContactMetrics m) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", r.id());
        g.writeStringField("email", r.email());
        g.writeStringField("status", r.status().name());
        g.writeObjectFieldStart("fields");
        for (var e : r.fields().entrySet()) {
            g.writeFieldName(e.getKey());
            Object v = e.getValue();
            if (v instanceof Long l) {
                g.writeNumber(l);
            } else if (v instanceof java.math.BigDecimal d) {
                g.writeNumber(d);
            } else if (v instanceof Boolean b) {
                g.writeBoolean(b);
            } else if (v instanceof List<?> list) {
                g.writeStartArray();
                for (Object item : list) {
                    g.writeString(String.valueOf(item));
                }
                g.writeEndArray();
            } else {
                g.writeString(String.valueOf(v));
            }
        }
        g.writeEndObject();
        g.writeArrayFieldStart("tags");
        for (String t : new TreeSet<>(r.tags())) {
            g.writeString(t);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("lists");
        for (String l : new TreeSet<>(r.lists())) {
            g.writeString(l);
        }
        g.writeEndArray();
        g.writeBooleanField("monitored", r.monitored());
        g.writeStringField("created", r.created().toString());
        g.writeStringField("updated", r.updated().toString());
        if (r.deletedAt() == null) {
            g.writeNullField("deletedAt");
        } else {
            g.writeStringField("deletedAt", r.deletedAt().toString());
        }
        g.writeObjectFieldStart("metrics");
        g.writeNumberField("score", m.score());
        if (m.stage() != null) {
            g.writeStringField("stage", m.stage());
        }
        g.writeNumberField("orderNumber", m.orderNumber());
        g.writeNumberField("orderSummary", m.orderSummary());
        g.writeNumberField("orderAverage", m.orderAverage());
        g.writeEndObject();
        g.writeEndObject();
    }
}
