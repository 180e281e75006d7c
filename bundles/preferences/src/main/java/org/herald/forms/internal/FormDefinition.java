package org.herald.forms.internal;

import java.util.List;

import org.herald.forms.FormField;

/** The JSON document a form's definition is stored as (everything but its name, consent text and times). */
public record FormDefinition(String title, List<FormField> fields, List<String> lists, boolean doubleOptIn, String successUrl,
        String errorUrl, String language) {

    public FormDefinition {
        fields = fields == null ? List.of() : List.copyOf(fields);
        lists = lists == null ? List.of() : List.copyOf(lists);
    }
}
