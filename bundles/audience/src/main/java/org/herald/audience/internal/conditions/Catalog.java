package org.herald.audience.internal.conditions;

import java.util.List;
import java.util.Optional;

import org.herald.contacts.FieldDefinition;
import org.herald.store.SqlDialect;

/** What the built-in kinds check names against while parsing, and the SQL dialect they write. */
public interface Catalog {

    Optional<FieldDefinition> field(String name);

    boolean listExists(String name);

    /** Score stages (label, lowest score), lowest first; empty when none are configured. */
    List<Stage> stages();

    SqlDialect dialect();

    record Stage(String label, long from) {
    }
}
