package org.herald.store;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Custom field definitions. Each field is a typed value column of the contact table, so creating
 * a field changes the schema; definitions changed on one node are seen by the others sharing the
 * database within a second.
 */
@ProviderType
public interface FieldStore {

    /** All custom field definitions, by position then name. */
    List<FieldRecord> fields();

    /**
     * Stores a new field and adds its value column. A field with that name is a
     * {@link org.herald.common.ConflictException}. The name must already be validated ({@code [a-z]+}).
     */
    FieldRecord createField(FieldRecord field);

    /** Replaces label, position, visibility and choices of an existing field (name and type never change). */
    FieldRecord updateField(FieldRecord field);
}
