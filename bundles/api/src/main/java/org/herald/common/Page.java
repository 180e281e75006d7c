package org.herald.common;

import java.util.List;

/** One page of a larger result: the items and the total number of matches. */
public record Page<T>(long total, int offset, int limit, List<T> items) {
    public Page {
        items = List.copyOf(items);
    }
}
