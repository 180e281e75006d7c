package org.herald.contacts;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Lists: unlimited, organised by the subscriber's idea of a communication type. */
@ProviderType
public interface ListService {

    MailingList create(String name);

    List<MailingList> list();

    Optional<MailingList> find(String name);

    MailingList get(String name);

    MailingList rename(String name, String newName);

    /** Sets (or with both values null removes) the public name and description in one language. */
    MailingList setText(String name, String language, String publicName, String description);

    /**
     * What stops the list from being deleted: its members and every {@link ListUsageProvider}'s
     * usages (forms, campaigns, automations). Empty when it can go.
     */
    List<String> usages(String name);

    /**
     * Deletes the list. Without {@code force} a list with {@link #usages} is refused with an
     * {@link org.herald.common.InUseException} naming them.
     */
    void delete(String name, boolean force);
}
