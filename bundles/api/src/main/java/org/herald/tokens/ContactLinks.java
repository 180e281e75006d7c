package org.herald.tokens;

import java.time.Instant;

/**
 * A contact's current subscriber links: the preference page, the unsubscribe page (not tied to a
 * message: it offers leaving every list or all marketing) and the double opt-in confirmation, valid
 * until {@code confirmExpiresAt}.
 */
public record ContactLinks(String contactId, String preferencesUrl, String unsubscribeUrl, String confirmUrl,
        Instant confirmExpiresAt) {
}
