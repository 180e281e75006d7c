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

    /** The post field of the consent box, on every form with a consent text. */
    public static final String CONSENT_FIELD = "consent";

    /** Whether a consent box's value means ticked ({@code on}, {@code true}, {@code yes} or {@code 1}). */
    public static boolean ticked(String value) {
        if (value == null) {
            return false;
        }
        String v = value.strip().toLowerCase(java.util.Locale.ROOT);
        return v.equals("on") || v.equals("true") || v.equals("yes") || v.equals("1");
    }

    public FormPost {
        values = Map.copyOf(values);
        proof = proof == null ? RequestProof.NONE : proof;
    }
}
