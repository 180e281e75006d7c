package org.herald.contacts;

import java.util.Objects;

/**
 * Who and what caused a change, recorded with every consent ledger entry: the source, the actor
 * (admin user name, API user, queue name) and, for the contact's own acts, the proof of consent.
 */
public record ChangeContext(ConsentSource source, String actor, String ip, String userAgent, String formId,
        String consentTextVersion) {

    public ChangeContext {
        Objects.requireNonNull(source, "source");
    }

    /** A change made by an administrator at the console. */
    public static ChangeContext manage(String actor) {
        return new ChangeContext(ConsentSource.MANAGE, actor, null, null, null, null);
    }

    /** A change made through the REST API or an integration queue. */
    public static ChangeContext api(String actor) {
        return new ChangeContext(ConsentSource.API, actor, null, null, null, null);
    }

    /** A change made by a CSV import. */
    public static ChangeContext importing(String actor) {
        return new ChangeContext(ConsentSource.IMPORT, actor, null, null, null, null);
    }

    /** The same context with another source (e.g. an import run by an admin). */
    public ChangeContext withSource(ConsentSource other) {
        return new ChangeContext(other, actor, ip, userAgent, formId, consentTextVersion);
    }
}
