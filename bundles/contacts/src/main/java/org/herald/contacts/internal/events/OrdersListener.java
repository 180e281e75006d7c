package org.herald.contacts.internal.events;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.herald.events.ContactEvent;
import org.herald.events.EventTypes;
import org.herald.events.spi.ContactEventListener;
import org.herald.store.EventStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The e-commerce figures ORDER_NUMBER and ORDER_SUMMARY (ORDER_AVG follows from them), recomputed
 * from a contact's purchase events whenever one arrives: a recomputation, so delivering an event
 * twice changes nothing.
 */
@Component(service = ContactEventListener.class, immediate = true,
        property = {ContactEventListener.NAME + "=herald.orders", ContactEventListener.TYPES + "=" + EventTypes.PURCHASE})
public class OrdersListener implements ContactEventListener {

    private final EventStore store;

    @Activate
    public OrdersListener(@Reference EventStore store) {
        this.store = store;
    }

    @Override
    public void onEvents(List<ContactEvent> events) {
        Set<String> contacts = new LinkedHashSet<>();
        for (ContactEvent e : events) {
            if (e.type().equals(EventTypes.PURCHASE)) {
                contacts.add(e.contactId());
            }
        }
        store.recomputeOrders(contacts, EventTypes.PURCHASE);
    }
}
