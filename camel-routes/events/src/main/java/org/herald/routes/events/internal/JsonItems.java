package org.herald.routes.events.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.herald.json.HeraldJson;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * The items of an event document exactly as the sender wrote them: the array's elements, or the
 * one object. Sliced from the bytes by the parser's offsets, so a dead letter carries the original
 * text (numbers, spacing, member order), not a re-serialisation. Only for bodies that
 * {@link org.herald.events.json.EventInputJson#read} accepted.
 */
final class JsonItems {

    private JsonItems() {
    }

    static List<String> of(byte[] body) {
        try (JsonParser p = HeraldJson.mapper().getFactory().createParser(body)) {
            JsonToken root = p.nextToken();
            List<String> items = new ArrayList<>();
            if (root == JsonToken.START_ARRAY) {
                for (JsonToken t = p.nextToken(); t != null && t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    items.add(slice(body, p));
                }
            } else {
                items.add(slice(body, p));
            }
            return items;
        } catch (IOException e) {
            throw new UncheckedIOException("an accepted event document could not be read again", e);
        }
    }

    /** The current value, from its first byte to just after its last. */
    private static String slice(byte[] body, JsonParser p) throws IOException {
        int start = (int) p.currentTokenLocation().getByteOffset();
        if (p.currentToken().isStructStart()) {
            p.skipChildren();
        } else {
            p.finishToken(); // strings are read lazily: move past the closing quote
        }
        int end = (int) p.currentLocation().getByteOffset();
        return new String(body, start, end - start, StandardCharsets.UTF_8);
    }
}
