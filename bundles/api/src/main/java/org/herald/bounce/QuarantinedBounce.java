package org.herald.bounce;

import java.time.Instant;

/**
 * A received message Herald could not act on, kept with its bytes until an operator retries or
 * deletes it.
 *
 * @param id the entry's id
 * @param key the message's key
 * @param receivedAt when it was quarantined
 * @param source where it came from
 * @param reason why (show it escaped: it may quote the message)
 * @param size the message's size in bytes
 * @since 1.2
 */
public record QuarantinedBounce(long id, String key, Instant receivedAt, String source, String reason,
        long size) {
}
