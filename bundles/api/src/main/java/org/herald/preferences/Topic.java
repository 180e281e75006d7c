package org.herald.preferences;

/**
 * A communication type as the subscriber sees it: a public list, with its public name and
 * description in the page's language, and whether the contact is subscribed to it.
 */
public record Topic(String list, String name, String description, boolean subscribed) {
}
