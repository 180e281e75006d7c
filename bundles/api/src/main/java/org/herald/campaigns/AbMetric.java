package org.herald.campaigns;

/** What decides an A/B test: the variant with the highest share of its sample wins. */
public enum AbMetric {
    /** Contacts who opened, of the variant's messages sent. */
    OPENS,
    /** Contacts who clicked, of the variant's messages sent. */
    CLICKS,
    /** Revenue of the purchases attributed to the variant's messages, per message sent. */
    REVENUE
}
