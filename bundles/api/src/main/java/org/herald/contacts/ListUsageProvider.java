package org.herald.contacts;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * SPI: a bundle that uses lists (forms, campaigns, automations) registers this service so a list
 * it uses is not deleted without the admin saying so.
 */
@ConsumerType
public interface ListUsageProvider {

    /** Human-readable usages of the list, e.g. {@code "form 'newsletter'"}; empty if none. */
    List<String> usagesOf(String listName);
}
