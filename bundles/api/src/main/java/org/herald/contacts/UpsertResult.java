package org.herald.contacts;

/** The contact after an upsert and what happened to it. */
public record UpsertResult(Contact contact, Outcome outcome) {

    public enum Outcome {
        CREATED, UPDATED, UNCHANGED
    }
}
