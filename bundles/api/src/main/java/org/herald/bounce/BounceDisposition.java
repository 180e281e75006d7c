package org.herald.bounce;

/**
 * What became of one received message handed to {@link BounceProcessor#process}.
 *
 * @since 1.2
 */
public enum BounceDisposition {
    /** Its records were stored and their effects applied. */
    APPLIED,
    /** The same message was processed before: nothing was written or applied a second time. */
    DUPLICATE,
    /** Herald could not act on it (unreadable, not a report, or an error): kept with its bytes. */
    QUARANTINED
}
