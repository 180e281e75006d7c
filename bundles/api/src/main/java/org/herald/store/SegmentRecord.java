package org.herald.store;

import java.time.Instant;

/** A stored segment definition: its condition in canonical JSON. */
public record SegmentRecord(String name, String parentList, String conditions, String description, Instant created,
        Instant updated) {
}
