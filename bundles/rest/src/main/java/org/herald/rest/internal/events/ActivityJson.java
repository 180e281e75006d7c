package org.herald.rest.internal.events;

import java.time.Instant;
import java.util.Map;

import org.herald.events.EventSummary;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A contact's timeline in brief, on {@code GET /contacts/{idOrEmail}}: {@code events} (how many
 * there are), {@code lastActivity} (the last interaction: open, click, visit, cart, order, form or
 * custom event; null without one) and {@code countsByType} (most frequent first). The events
 * themselves are on {@code GET /contacts/{idOrEmail}/events}.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ActivityJson(long events, Instant lastActivity, Map<String, Long> countsByType) {

    public static ActivityJson of(EventSummary s) {
        return new ActivityJson(s.total(), s.lastActivity(), s.countsByType());
    }
}
