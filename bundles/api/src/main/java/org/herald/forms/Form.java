package org.herald.forms;

import java.time.Instant;
import java.util.List;

/**
 * A subscription form: the fields it asks for (the address always, required), the lists a
 * subscriber joins, the consent text shown (its current version), whether double opt-in is on (the
 * default), where the browser goes after a post that was accepted or refused (hosts restricted to
 * the configured ones: {@code null} for Herald's own page), and the language of its pages and
 * confirmation message ({@code null}: the contact's, else English).
 */
public record Form(String name, String title, List<FormField> fields, List<String> lists, ConsentText consent,
        boolean doubleOptIn, String successUrl, String errorUrl, String language, Instant created, Instant updated) {

    public Form {
        fields = List.copyOf(fields);
        lists = List.copyOf(lists);
    }
}
