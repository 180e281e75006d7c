package org.herald.contacts.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.herald.common.InUseException;
import org.herald.common.NotFoundException;
import org.herald.common.ValidationException;
import org.herald.contacts.ListService;
import org.herald.contacts.ListText;
import org.herald.contacts.ListUsageProvider;
import org.herald.contacts.MailingList;
import org.herald.store.ListStore;
import org.herald.store.ListRecord;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists and their public texts. Deleting a list asks its members count and every
 * {@link ListUsageProvider} (forms, campaigns, automations come and go as bundles) first.
 */
@Component(service = ListService.class)
public class DefaultListService implements ListService {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultListService.class);

    private final ListStore store;
    private final List<ListUsageProvider> usageProviders = new CopyOnWriteArrayList<>();

    @Activate
    public DefaultListService(@Reference ListStore store) {
        this.store = store;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addUsageProvider(ListUsageProvider provider) {
        usageProviders.add(provider);
    }

    public void removeUsageProvider(ListUsageProvider provider) {
        usageProviders.remove(provider);
    }

    @Override
    public MailingList create(String name) {
        return toList(store.createList(Names.listName(name), Instant.now()));
    }

    @Override
    public List<MailingList> list() {
        return store.lists().stream().map(DefaultListService::toList).toList();
    }

    @Override
    public Optional<MailingList> find(String name) {
        return name == null ? Optional.empty() : store.findList(name).map(DefaultListService::toList);
    }

    @Override
    public MailingList get(String name) {
        return find(name).orElseThrow(() -> new NotFoundException("list '" + name + "' does not exist"));
    }

    @Override
    public MailingList rename(String name, String newName) {
        get(name);
        return toList(store.renameList(name, Names.listName(newName)));
    }

    @Override
    public MailingList setText(String name, String language, String publicName, String description) {
        Names.language(language);
        if (publicName != null && publicName.length() > 255) {
            throw new ValidationException("publicName", publicName.substring(0, 40) + "…", "a public name has at most 255 characters");
        }
        if (description != null && description.length() > 4000) {
            throw new ValidationException("description", description.substring(0, 40) + "…",
                    "a description has at most 4000 characters");
        }
        ListText text = publicName == null && description == null ? null : new ListText(publicName, description);
        return toList(store.setListText(name, language, text));
    }

    @Override
    public List<String> usages(String name) {
        MailingList list = get(name);
        List<String> usages = new ArrayList<>();
        if (list.members() > 0) {
            usages.add(list.members() + (list.members() == 1 ? " subscribed contact" : " subscribed contacts"));
        }
        for (ListUsageProvider p : usageProviders) {
            try {
                usages.addAll(p.usagesOf(name));
            } catch (RuntimeException e) {
                // a broken provider must not let the list go silently
                LOG.warn("List usage provider {} failed", p.getClass().getName(), e);
                usages.add("unknown usage (" + p.getClass().getSimpleName() + " failed: " + e.getMessage() + ")");
            }
        }
        return usages;
    }

    @Override
    public void delete(String name, boolean force) {
        List<String> usages = usages(name);
        if (!usages.isEmpty() && !force) {
            throw new InUseException("list '" + name + "' is in use: " + String.join(", ", usages)
                    + "; delete it with force to remove it anyway", usages);
        }
        store.deleteList(name);
        LOG.info("List {} deleted{}", name, usages.isEmpty() ? "" : " (forced, it had " + usages.size() + " usages)");
    }

    static MailingList toList(ListRecord r) {
        return new MailingList(r.name(), r.texts(), r.members(), r.created());
    }
}
