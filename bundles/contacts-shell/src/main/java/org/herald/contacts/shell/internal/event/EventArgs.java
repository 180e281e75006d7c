package org.herald.contacts.shell.internal.event;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.herald.common.ValidationException;
import org.herald.json.HeraldJson;
import org.herald.shell.Args;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Parsing of the event commands' options; every error names the option and the value as typed. */
final class EventArgs {

    /** Decimals kept as typed ({@code 49.90} stays 49.90), as the event input reads them. */
    static final ObjectMapper MAPPER = HeraldJson.mapper().setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
    /** A number as an integrator would write one: no leading zeros (so {@code 007} stays text), no exponent. */
    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?");

    private EventArgs() {
    }

    /**
     * A point in time: ISO-8601 with offset ({@code 2026-11-30T10:15:30Z}) or a date
     * ({@code 2026-11-30}, the start of that day in UTC); null when not given.
     */
    static Instant time(String raw, String option) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String v = raw.strip();
        try {
            return v.length() == 10 ? LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            throw new ValidationException(option, raw, "option " + option + " '" + raw + "' is not a time: write "
                    + "e.g. 2026-11-30T10:15:30Z, 2026-11-30T12:15:30+02:00 or 2026-11-30");
        }
    }

    /** Type names from repeated and comma-separated options, in the order given. */
    static Set<String> types(Collection<String> values) {
        Set<String> types = new LinkedHashSet<>();
        for (String v : Args.names(values)) {
            for (String part : v.split(",")) {
                if (!part.isBlank()) {
                    types.add(part.strip());
                }
            }
        }
        return types;
    }

    /**
     * The event's properties: the {@code --json} object, then every {@code -p name=value} on top (a
     * value that reads as a number becomes one, exactly; anything else stays text; {@code name=}
     * is an empty text).
     */
    static ObjectNode properties(String json, Collection<String> pairs) {
        ObjectNode properties;
        if (json == null || json.isBlank()) {
            properties = MAPPER.createObjectNode();
        } else {
            JsonNode node;
            try {
                node = MAPPER.readTree(json);
            } catch (JsonProcessingException e) {
                throw new ValidationException("--json", json, "option --json is not valid JSON: "
                        + e.getOriginalMessage() + " (quote the whole object: --json '{\"value\":49.90}')");
            }
            if (node == null || !node.isObject()) {
                throw new ValidationException("--json", json, "option --json must be a JSON object, e.g. "
                        + "--json '{\"value\":49.90,\"currency\":\"EUR\"}'");
            }
            properties = (ObjectNode) node;
        }
        for (Map.Entry<String, Object> e : Args.fieldValues(pairs, "-p").entrySet()) {
            properties.set(e.getKey(), value(e.getValue() == null ? "" : (String) e.getValue()));
        }
        return properties;
    }

    static JsonNode value(String text) {
        JsonNodeFactory nodes = MAPPER.getNodeFactory();
        if (NUMBER.matcher(text).matches()) {
            if (text.indexOf('.') < 0) {
                BigInteger whole = new BigInteger(text);
                return whole.bitLength() < 64 ? nodes.numberNode(whole.longValue()) : nodes.numberNode(new BigDecimal(whole));
            }
            return nodes.numberNode(new BigDecimal(text));
        }
        return nodes.textNode(text);
    }
}
