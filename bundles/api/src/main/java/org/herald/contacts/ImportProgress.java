package org.herald.contacts;

import org.osgi.annotation.versioning.ConsumerType;

/** Receives progress of a long import; called from the importing thread. Callers implement it. */
@ConsumerType
@FunctionalInterface
public interface ImportProgress {

    ImportProgress NONE = (rows, report) -> { };

    /** Called after each batch with the number of data rows read so far and the counts so far. */
    void onProgress(long rowsRead, ImportReport soFar);
}
