package org.herald.segments;

import java.time.LocalDate;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Engagement (DESIGN.md "Precise rules"): engaged = at least one interaction (open, click, page or
 * product view, cart, order) in the last N days, or younger than N days; shares per opt-in status;
 * the 30-day change from the daily snapshots kept in the database.
 */
@ProviderType
public interface EngagementService {

    Engagement engagement();

    /** Takes the snapshot of {@code day} now (the daily job does this; again the same day replaces it). */
    void snapshot(LocalDate day);
}
