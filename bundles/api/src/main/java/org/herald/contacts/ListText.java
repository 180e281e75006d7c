package org.herald.contacts;

/** A list's public name and description in one language, shown on forms and the preference center. */
public record ListText(String publicName, String description) {
}
