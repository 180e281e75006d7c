package org.herald.preferences;

import java.util.List;

import org.herald.campaigns.Frequency;
import org.herald.contacts.OptInStatus;

/**
 * What a contact's preference page shows: its address, the page language, the communication types
 * (public lists) with its subscriptions, its frequency choice ({@code null}: no cap), whether it chose
 * "one message a week", whether it is unsubscribed from all marketing, and its editable fields.
 */
public record PreferencePage(String contactId, String email, String language, OptInStatus status,
        List<Topic> topics, Frequency frequency, boolean oneMessageWeekly, List<PublicField> fields) {

    public PreferencePage {
        topics = List.copyOf(topics);
        fields = List.copyOf(fields);
    }

    /** Whether the contact receives no marketing mail at all (UNSUBSCRIBED or INACTIVE). */
    public boolean unsubscribedFromAll() {
        return status == OptInStatus.UNSUBSCRIBED || status == OptInStatus.INACTIVE;
    }
}
