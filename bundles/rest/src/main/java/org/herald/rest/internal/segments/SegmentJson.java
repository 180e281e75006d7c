package org.herald.rest.internal.segments;

import java.time.Instant;
import java.util.List;

import org.herald.json.HeraldJson;
import org.herald.rest.internal.contacts.ContactJson;
import org.herald.segments.Preview;
import org.herald.segments.Segment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/** The wire shapes of {@code /segments}. */
final class SegmentJson {

    private SegmentJson() {
    }

    /** A segment as answered: its condition in both forms; {@code count} where asked for. */
    record SegmentOut(String name, String parentList, JsonNode conditions, String text, String description,
            String predefined, Instant created, Instant updated, @JsonInclude(JsonInclude.Include.NON_NULL) Long count) {

        static SegmentOut of(Segment s, Long count) {
            return new SegmentOut(s.name(), s.parentList(), tree(s.condition().json()), s.condition().text(),
                    s.description(), s.predefined(), s.created(), s.updated(), count);
        }
    }

    /**
     * A segment or a preview as sent: the condition in JSON ({@code conditions}) or in the textual
     * form ({@code text}); {@code sample} only for a preview.
     */
    record SegmentIn(String name, String parentList, JsonNode conditions, String text, String description, Integer sample) {
    }

    record CopyIn(String name) {
    }

    record PreviewOut(long count, List<ContactJson> sample) {
        static PreviewOut of(Preview p) {
            return new PreviewOut(p.count(), p.sample().stream().map(ContactJson::of).toList());
        }
    }

    static JsonNode tree(String json) {
        try {
            return HeraldJson.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored condition is not JSON", e);
        }
    }
}
