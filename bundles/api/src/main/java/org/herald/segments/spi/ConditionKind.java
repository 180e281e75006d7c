package org.herald.segments.spi;

import com.fasterxml.jackson.databind.JsonNode;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A kind of condition, registered as an OSGi service. {@link #key()} is both the JSON member that
 * marks a node of this kind ({@code {"<key>": …}}) and the keyword that starts its textual form
 * ({@code <key> …}). A key must not be one of Herald's own ({@code and or not field tag list status
 * score stage orders spent created event} and the event words of docs/segments.md).
 * Errors are {@link org.herald.common.ValidationException}s whose field is the path given and whose
 * message starts with it ({@code and[1].tier: must be a number}).
 */
@ConsumerType
public interface ConditionKind {

    String key();

    /** Reads a node of this kind (an object holding member {@link #key()}); {@code path} names it. */
    ConditionTerm fromJson(JsonNode node, String path);

    /** Reads the textual form; the keyword has been consumed. */
    ConditionTerm fromText(TextReader in, String path);
}
