package org.herald.campaigns;

import java.util.List;
import java.util.Map;

/**
 * What a campaign did: messages per status (every status present, 0 where none), the messages still
 * waiting and among them those waiting for a retry after a temporary failure, opens (all and unique
 * contacts), clicks (all, unique, per link), unsubscribes through its links, bounces and complaints.
 * {@code clicksByLink} maps each link to its clicks; {@code links} (1.3) lists the links, the most
 * clicked first, with their clicks and unique clickers. With an A/B test, {@code abTest} says where it
 * stands (the winner and why) and {@code variants} what each variant's sample did; otherwise null and
 * empty.
 */
public record CampaignReport(String campaign, CampaignState state, long messages, Map<MessageStatus, Long> statuses,
        long retrying, long opens, long uniqueOpens, long clicks, long uniqueClicks, Map<String, Long> clicksByLink,
        long unsubscribes, long bounces, long complaints, List<LinkClicks> links, AbTestInfo abTest,
        List<VariantFigures> variants) {

    /** Clicks on one link (its URL as written in the template): all of them and by distinct contacts. */
    public record LinkClicks(String url, long clicks, long uniqueClicks) {
    }

    public CampaignReport {
        statuses = Map.copyOf(statuses);
        clicksByLink = Map.copyOf(clicksByLink);
        links = links == null ? List.of() : List.copyOf(links);
        variants = variants == null ? List.of() : List.copyOf(variants);
    }

    /** The 1.2 report, without the links' unique clicks. */
    public CampaignReport(String campaign, CampaignState state, long messages, Map<MessageStatus, Long> statuses,
            long retrying, long opens, long uniqueOpens, long clicks, long uniqueClicks, Map<String, Long> clicksByLink,
            long unsubscribes, long bounces, long complaints) {
        this(campaign, state, messages, statuses, retrying, opens, uniqueOpens, clicks, uniqueClicks, clicksByLink,
                unsubscribes, bounces, complaints, List.of(), null, List.of());
    }

    /** Messages with a final status. */
    public long done() {
        return messages - statuses.getOrDefault(MessageStatus.WFS, 0L);
    }
}
