package org.herald.forms.internal;

import java.util.ArrayList;
import java.util.List;

import org.herald.contacts.ListUsageProvider;
import org.herald.store.FormStore;
import org.herald.store.FormStore.FormRecord;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The forms that subscribe to a list, so the list is not deleted without the admin saying so. A
 * component of its own, on the store alone: the list service asks every usage provider, and the
 * form service needs the list service.
 */
@Component(service = ListUsageProvider.class)
public class FormListUsage implements ListUsageProvider {

    private final FormStore store;

    @Activate
    public FormListUsage(@Reference FormStore store) {
        this.store = store;
    }

    @Override
    public List<String> usagesOf(String listName) {
        List<String> out = new ArrayList<>();
        for (FormRecord r : store.forms()) {
            if (DefaultFormService.read(r).lists().contains(listName)) {
                out.add("form '" + r.name() + "'");
            }
        }
        return out;
    }
}
