package org.herald.segments;

import java.util.List;

import org.herald.contacts.Contact;

/** The live count of a condition and a few of the contacts it matches (lowest keys first). */
public record Preview(long count, List<Contact> sample) {
    public Preview {
        sample = List.copyOf(sample);
    }
}
