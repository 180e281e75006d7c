package org.herald.contacts.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code org.herald.contacts}. */
@ObjectClassDefinition(id = "org.herald.contacts", name = "Herald contacts",
        description = "Address uniqueness, the nightly purge of deleted contacts, the import batch size and the tag cap")
public @interface ContactsConfig {

    @AttributeDefinition(name = "Case-sensitive local part",
            description = "When true, ann@example.com and Ann@example.com are two contacts (the domain is always case-insensitive)")
    boolean email_caseSensitiveLocalPart() default false;

    @AttributeDefinition(name = "Purge time", description = "Local time (HH:mm) of the daily purge of soft-deleted contacts")
    String purge_time() default "02:00";

    @AttributeDefinition(name = "Import batch size", description = "Rows per JDBC batch and transaction during CSV imports", min = "1")
    int import_batchSize() default 1000;

    @AttributeDefinition(name = "Tags per contact",
            description = "The most tags one contact carries; a change that would add beyond it is refused", min = "1")
    int tags_max() default 100;
}
