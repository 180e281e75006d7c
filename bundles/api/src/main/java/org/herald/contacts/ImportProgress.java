package org.herald.contacts;

/** Receives progress of a long import; called from the importing thread. */
@FunctionalInterface
public interface ImportProgress {

    ImportProgress NONE = (rows, report) -> { };

    /** Called after each batch with the number of data rows read so far and the counts so far. */
    void onProgress(long rowsRead, ImportReport soFar);
}
