package org.herald.contacts;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** Tags across all contacts. Adding and removing tags on a contact is {@link ContactService}'s. */
@ProviderType
public interface TagService {

    /** Every tag in use with the number of live contacts carrying it, by name. */
    List<TagCount> tags();

    record TagCount(String name, long contacts) {
    }
}
