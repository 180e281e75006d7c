package org.herald.routes.forms.internal;

import java.util.List;
import java.util.Map;

import org.herald.preferences.RequestProof;

/** A post as the servlet read it, handed to the route: the form, every field with its values, and the proof. */
record FormRequest(String form, Map<String, List<String>> values, RequestProof proof) {

    FormRequest {
        values = Map.copyOf(values);
    }

    String first(String name) {
        List<String> v = values.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }
}
