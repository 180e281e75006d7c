package org.herald.bounce;

import java.util.List;

/**
 * The outcome of {@link BounceProcessor#process} for one received message.
 *
 * @param key the message's key (the hash of its bytes, or the provider's event id)
 * @param disposition applied, duplicate or quarantined
 * @param bounces the records stored now (empty for a duplicate or a quarantined message)
 * @param quarantineId the quarantine entry when quarantined, else 0
 * @param note why it was quarantined, or {@code null}
 * @since 1.2
 */
public record ProcessedBounce(String key, BounceDisposition disposition, List<Bounce> bounces, long quarantineId,
        String note) {

    public ProcessedBounce {
        bounces = bounces == null ? List.of() : List.copyOf(bounces);
    }
}
