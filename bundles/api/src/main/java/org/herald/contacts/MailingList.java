package org.herald.contacts;

import java.time.Instant;
import java.util.Map;

/**
 * A list contacts subscribe to. {@code name} is the admin's identifier; {@code texts} holds the
 * public name and description per language code; {@code members} counts live subscribed contacts.
 */
public record MailingList(String name, Map<String, ListText> texts, long members, Instant created) {
    public MailingList {
        texts = texts == null ? Map.of() : Map.copyOf(texts);
    }
}
