package org.herald.contacts;

import java.time.Instant;
import java.util.List;

/** Everything Herald stores about one contact (GDPR access request). */
public record ContactExport(Instant exportedAt, Contact contact, List<ConsentEntry> consent) {
    public ContactExport {
        consent = List.copyOf(consent);
    }
}
