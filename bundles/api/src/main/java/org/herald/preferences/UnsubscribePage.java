package org.herald.preferences;

import java.util.List;

/**
 * What the unsubscribe page shows: the address, the page language, the communication types the
 * default choice leaves (empty when the link names none the contact is on: then the default is
 * {@link UnsubscribeChoice#ALL}), and whether the contact is already unsubscribed from everything.
 */
public record UnsubscribePage(String contactId, String email, String language, List<Topic> leaving,
        boolean alreadyUnsubscribedFromAll, UnsubscribeChoice defaultChoice) {

    public UnsubscribePage {
        leaving = List.copyOf(leaving);
    }
}
