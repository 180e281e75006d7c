package org.herald.campaigns;

import java.time.Instant;
import java.util.List;

/**
 * A campaign as it stands. {@code lists}/{@code segments} are its targets, {@code excludeLists}/
 * {@code excludeSegments} its exclusions; {@code subject} overrides the template's when set.
 * {@code transactional} messages bypass caps and opt-in status (never suppression);
 * {@code allowUnknown} also mails contacts whose opt-in status is UNKNOWN. {@code abTest} (1.3) is its
 * A/B test, null for none.
 */
public record Campaign(long id, String name, String template, String subject, String from, String replyTo,
        CampaignState state, boolean transactional, boolean allowUnknown, List<String> lists,
        List<String> excludeLists, List<String> segments, List<String> excludeSegments, Instant scheduledAt,
        Instant created, Instant startedAt, Instant finishedAt, AbTestInfo abTest) {

    /** The 1.2 campaign, without an A/B test. */
    public Campaign(long id, String name, String template, String subject, String from, String replyTo,
            CampaignState state, boolean transactional, boolean allowUnknown, List<String> lists,
            List<String> excludeLists, List<String> segments, List<String> excludeSegments, Instant scheduledAt,
            Instant created, Instant startedAt, Instant finishedAt) {
        this(id, name, template, subject, from, replyTo, state, transactional, allowUnknown, lists, excludeLists, segments,
                excludeSegments, scheduledAt, created, startedAt, finishedAt, null);
    }

    public Campaign {
        lists = lists == null ? List.of() : List.copyOf(lists);
        excludeLists = excludeLists == null ? List.of() : List.copyOf(excludeLists);
        segments = segments == null ? List.of() : List.copyOf(segments);
        excludeSegments = excludeSegments == null ? List.of() : List.copyOf(excludeSegments);
    }
}
