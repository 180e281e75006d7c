package org.herald.audience.internal.events;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.herald.events.ContactEvent;
import org.herald.events.EventTypes;
import org.herald.events.spi.ContactEventListener;
import org.herald.store.SegmentStore;
import org.herald.store.SegmentStore.Activity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Keeps the per-contact activity summaries that behavioural segment conditions count on, as events
 * arrive: per event type ({@code ref} ''), per campaign ({@code campaign:<id>}, from the event's
 * {@code campaign} property) and per clicked link ({@code link:<url>}, from {@code link} or
 * {@code url}), and one {@code @interaction} row for the interactions that count for engagement.
 * Idempotent: the store skips an event a summary row has already counted (by log position).
 */
@Component(service = ContactEventListener.class, immediate = true,
        property = {ContactEventListener.NAME + "=herald.audience.activity"})
public class ActivityListener implements ContactEventListener {

    /** Interactions (DESIGN.md: an open, click, page or product view, add-to-cart or order). */
    public static final Set<String> INTERACTIONS = Set.of(EventTypes.MESSAGE_OPENED, EventTypes.MESSAGE_CLICKED,
            EventTypes.PAGE_VISIT, "product_view", EventTypes.CART, EventTypes.PURCHASE);
    public static final String INTERACTION = "@interaction";

    private final SegmentStore store;

    @Activate
    public ActivityListener(@Reference SegmentStore store) {
        this.store = store;
    }

    /** Whether events of this type are summarised: messages and everything contacts do. */
    static boolean summarised(String type) {
        return type.startsWith("message_") || EventTypes.isActivity(type);
    }

    @Override
    public void onEvents(List<ContactEvent> events) {
        store.recordActivity(activities(events));
    }

    static List<Activity> activities(List<ContactEvent> events) {
        List<Activity> out = new ArrayList<>();
        for (ContactEvent e : events) {
            if (e.contactId() == null || !summarised(e.type())) {
                continue;
            }
            BigDecimal amount = amount(e);
            out.add(new Activity(e.sequence(), e.contactId(), e.type(), "", e.occurredAt(), amount));
            Object campaign = e.properties().get("campaign");
            if (campaign != null) {
                out.add(new Activity(e.sequence(), e.contactId(), e.type(), ref("campaign:", campaign), e.occurredAt(), amount));
            }
            Object link = e.properties().get("link") != null ? e.properties().get("link") : e.properties().get("url");
            if (link != null && e.type().equals(EventTypes.MESSAGE_CLICKED)) {
                out.add(new Activity(e.sequence(), e.contactId(), e.type(), ref("link:", link), e.occurredAt(), amount));
            }
            if (INTERACTIONS.contains(e.type())) {
                out.add(new Activity(e.sequence(), e.contactId(), INTERACTION, "", e.occurredAt(), null));
            }
        }
        return out;
    }

    private static String ref(String prefix, Object value) {
        String s = prefix + value;
        return s.length() > 512 ? s.substring(0, 512) : s;
    }

    private static BigDecimal amount(ContactEvent e) {
        Object v = e.properties().get("value");
        if (v instanceof BigDecimal d) {
            return d;
        }
        if (v instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        if (v instanceof String s) {
            try {
                return new BigDecimal(s);
            } catch (NumberFormatException ignored) {
                return null;
            }
        }
        return null;
    }
}
