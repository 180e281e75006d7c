package org.herald.rest.internal.events;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.herald.common.ValidationException;
import org.herald.events.TimelineQuery;
import org.herald.rest.internal.contacts.Params;

/** The query parameters of a timeline request as a {@link TimelineQuery}; a bad one is a 400 naming it. */
public final class Timelines {

    private Timelines() {
    }

    /**
     * {@code type} repeated and/or comma-separated ({@code type=purchase,cart&type=page_visit}),
     * {@code since} (inclusive) and {@code until} (exclusive) as ISO-8601 times or dates, and the page.
     * Type names are checked by the service.
     */
    public static TimelineQuery query(List<String> types, String since, String until, String offset, String limit) {
        Set<String> names = new LinkedHashSet<>();
        if (types != null) {
            for (String value : types) {
                if (value == null) {
                    continue;
                }
                for (String part : value.split(",")) {
                    if (!part.isBlank()) {
                        names.add(part.strip());
                    }
                }
            }
        }
        Instant from = Params.time("since", since);
        Instant to = Params.time("until", until);
        if (from != null && to != null && !to.isAfter(from)) {
            throw new ValidationException("until", until, "'until' (" + to + ") must be after 'since' (" + from + ")");
        }
        return TimelineQuery.latest().withTypes(names).withSince(from).withUntil(to)
                .withPage(Params.integer("offset", offset, 0), Params.integer("limit", limit, TimelineQuery.DEFAULT_LIMIT));
    }
}
