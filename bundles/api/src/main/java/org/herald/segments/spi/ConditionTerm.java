package org.herald.segments.spi;

import com.fasterxml.jackson.databind.JsonNode;
import org.osgi.annotation.versioning.ConsumerType;

/** One parsed leaf of a condition tree: its canonical forms and its SQL. */
@ConsumerType
public interface ConditionTerm {

    /** The canonical JSON object (holds the kind's key). */
    JsonNode toJson();

    /** The textual form, starting with the kind's keyword, readable back by {@link ConditionKind#fromText}. */
    String toText();

    /**
     * Writes a boolean SQL expression over the contact row {@link SqlWriter#contact()}; every value
     * goes through {@link SqlWriter#bind}.
     */
    void toSql(SqlWriter sql);
}
