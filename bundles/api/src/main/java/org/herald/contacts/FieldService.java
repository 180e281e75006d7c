package org.herald.contacts;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Custom field definitions, global to the installation. */
@ProviderType
public interface FieldService {

    /**
     * Creates a field. The name must match {@code [a-z]+} (upper case, digits and spaces are refused,
     * not folded) and must not be reserved; choices are required for choice types.
     */
    FieldDefinition create(String name, FieldType type, String label, List<Choice> choices);

    /** All fields in display order, system fields last. */
    List<FieldDefinition> list();

    Optional<FieldDefinition> find(String name);

    /** Replaces the choice values and their translations (allowed at any time). */
    FieldDefinition setChoices(String name, List<Choice> choices);

    /** Changes label, display position and visibility; null arguments keep the current value. */
    FieldDefinition update(String name, String label, Integer position, Boolean visible);

    /**
     * The value {@code value} (text as typed, or a typed value) would be stored as in field
     * {@code name}, changing nothing; null when it clears the field. Lets an entry point check every
     * value of a form before it writes any.
     *
     * @throws org.herald.common.ValidationException naming the field and why, for an unknown or
     *         system field or a value the field's type refuses
     * @since 1.5
     */
    Object validate(String name, Object value);
}
