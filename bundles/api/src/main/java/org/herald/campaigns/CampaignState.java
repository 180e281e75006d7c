package org.herald.campaigns;

/** Where a campaign is in its life. */
public enum CampaignState {
    /** Being written; can be edited. */
    DRAFT,
    /** Will start sending at its scheduled time. */
    SCHEDULED,
    /** Recipients are queued and messages go out. */
    SENDING,
    /** Sending stopped for now; the waiting messages stay waiting. */
    PAUSED,
    /** Every message has its final status. */
    SENT,
    /** Stopped for good; the messages still waiting became C. */
    CANCELLED;

    /** Whether nothing more happens to the campaign. */
    public boolean isFinal() {
        return this == SENT || this == CANCELLED;
    }
}
