package org.herald.contacts.internal;

import java.util.List;

import org.herald.contacts.TagService;
import org.herald.store.ContactStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Tags in use with their live contact counts. */
@Component(service = TagService.class)
public class DefaultTagService implements TagService {

    private final ContactStore store;

    @Activate
    public DefaultTagService(@Reference ContactStore store) {
        this.store = store;
    }

    @Override
    public List<TagCount> tags() {
        return store.tagCounts().stream().map(t -> new TagCount(t.name(), t.contacts())).toList();
    }
}
