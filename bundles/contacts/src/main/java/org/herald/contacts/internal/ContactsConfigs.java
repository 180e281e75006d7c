package org.herald.contacts.internal;

import java.lang.annotation.Annotation;

/**
 * {@link ContactsConfig} values made in code, for tests and for embedding the contact services outside
 * OSGi (benchmarks, route tests), where Configuration Admin does not make them. In OSGi, Declarative
 * Services builds the configuration from PID {@code org.herald.contacts}; this class is not used there.
 */
public final class ContactsConfigs {

    private ContactsConfigs() {
    }

    /**
     * A configuration with these settings.
     *
     * @param caseSensitiveLocalPart {@code email.caseSensitiveLocalPart}
     * @param purgeTime {@code purge.time}, local time as {@code HH:mm}
     * @param importBatchSize {@code import.batchSize}, rows per JDBC batch during CSV imports
     */
    public static ContactsConfig of(boolean caseSensitiveLocalPart, String purgeTime, int importBatchSize) {
        return of(caseSensitiveLocalPart, purgeTime, importBatchSize, defaultValue("tags_max", Integer.class));
    }

    /** A configuration with these settings; {@code tagsMax} is {@code tags.max}, the most tags one contact carries. */
    public static ContactsConfig of(boolean caseSensitiveLocalPart, String purgeTime, int importBatchSize, int tagsMax) {
        return new Values(caseSensitiveLocalPart, purgeTime, importBatchSize, tagsMax);
    }

    /** The defaults declared on {@link ContactsConfig}, as Declarative Services gives them with no configuration. */
    public static ContactsConfig defaults() {
        return of(defaultValue("email_caseSensitiveLocalPart", Boolean.class), defaultValue("purge_time", String.class),
                defaultValue("import_batchSize", Integer.class));
    }

    /** The same defaults, with another import batch size. */
    public static ContactsConfig withImportBatchSize(int importBatchSize) {
        ContactsConfig d = defaults();
        return of(d.email_caseSensitiveLocalPart(), d.purge_time(), importBatchSize);
    }

    private static <T> T defaultValue(String attribute, Class<T> type) {
        try {
            return type.cast(ContactsConfig.class.getMethod(attribute).getDefaultValue());
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("ContactsConfig has no attribute " + attribute, e);
        }
    }

    private record Values(boolean email_caseSensitiveLocalPart, String purge_time, int import_batchSize, int tags_max)
            implements ContactsConfig {

        @Override
        public Class<? extends Annotation> annotationType() {
            return ContactsConfig.class;
        }
    }
}
