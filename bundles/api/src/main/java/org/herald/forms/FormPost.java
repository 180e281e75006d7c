package org.herald.forms;

import java.util.List;
import java.util.Map;

import org.herald.preferences.RequestProof;

/**
 * A post to a form as Herald received it: the values by field name (each field's values in order;
 * a multiple-choice field may have several), the consent the subscriber gave (the consent text's
 * checkbox: required when the form has a consent text) and the proof of the request.
 */
public record FormPost(String form, Map<String, List<String>> values, boolean consentGiven, RequestProof proof) {

    public FormPost {
        values = Map.copyOf(values);
        proof = proof == null ? RequestProof.NONE : proof;
    }
}
