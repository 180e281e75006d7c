package org.herald.rest.internal.events;

import java.util.List;

import org.herald.common.Page;
import org.herald.events.ContactEvent;
import org.herald.events.json.ContactEventJson;

/** {@code GET /contacts/{idOrEmail}/events}: one page of a timeline, newest first, in the published event shape. */
public record EventPageJson(long total, int offset, int limit, List<ContactEventJson> items) {

    public static EventPageJson of(Page<ContactEvent> page) {
        return new EventPageJson(page.total(), page.offset(), page.limit(),
                page.items().stream().map(ContactEventJson::of).toList());
    }
}
