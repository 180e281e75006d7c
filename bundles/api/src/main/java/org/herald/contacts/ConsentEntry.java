package org.herald.contacts;

import java.time.Instant;

/**
 * One append-only entry of the consent ledger. For {@link ConsentAction#STATUS_CHANGED} the
 * from/to statuses are set; for list actions {@code list} names the list.
 */
public record ConsentEntry(long id, String contactId, Channel channel, ConsentAction action, OptInStatus fromStatus,
        OptInStatus toStatus, String list, ConsentSource source, Instant at, String actor, String ip,
        String userAgent, String formId, String consentTextVersion) {
}
