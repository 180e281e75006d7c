package org.herald.store.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.herald.campaigns.CampaignState;
import org.herald.store.CampaignStore.CampaignRecord;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A campaign definition and its state; targets are names, one per line. */
@Entity
@Table(name = "campaign")
public class CampaignEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "name", nullable = false, length = 64)
    private String name;

    @Column(name = "template_name", nullable = false, length = 64)
    private String template;

    @Column(name = "subject", length = 998)
    private String subject;

    @Column(name = "from_address", length = 320)
    private String from;

    @Column(name = "reply_to", length = 320)
    private String replyTo;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 16)
    private CampaignState state;

    @Column(name = "transactional", nullable = false)
    private boolean transactional;

    @Column(name = "allow_unknown", nullable = false)
    private boolean allowUnknown;

    @Column(name = "target_lists", length = 4000)
    private String lists;

    @Column(name = "exclude_lists", length = 4000)
    private String excludeLists;

    @Column(name = "target_segments", length = 4000)
    private String segments;

    @Column(name = "exclude_segments", length = 4000)
    private String excludeSegments;

    @Column(name = "scheduled_at")
    private Timestamp scheduledAt;

    @Column(name = "created_at", nullable = false)
    private Timestamp created;

    @Column(name = "started_at")
    private Timestamp startedAt;

    @Column(name = "finished_at")
    private Timestamp finishedAt;

    @Column(name = "ab_test", length = 4000)
    private String abTest;

    @Column(name = "ab_winner", length = 64)
    private String abWinner;

    @Column(name = "ab_reason", length = 2000)
    private String abReason;

    @Column(name = "ab_decided_at")
    private Timestamp abDecidedAt;

    @Column(name = "ab_rest_queued_at")
    private Timestamp abRestQueuedAt;

    public CampaignEntity() {
    }

    CampaignEntity(CampaignRecord c) {
        this.name = c.name();
        this.state = c.state();
        this.created = Timestamp.from(c.created());
        apply(c);
    }

    long id() {
        return id;
    }

    CampaignState state() {
        return state;
    }

    /** The definition; not the name, state or times. */
    void apply(CampaignRecord c) {
        this.template = c.template();
        this.subject = c.subject();
        this.from = c.from();
        this.replyTo = c.replyTo();
        this.transactional = c.transactional();
        this.allowUnknown = c.allowUnknown();
        this.lists = join(c.lists());
        this.excludeLists = join(c.excludeLists());
        this.segments = join(c.segments());
        this.excludeSegments = join(c.excludeSegments());
        this.abTest = c.abTest();
    }

    String abWinner() {
        return abWinner;
    }

    void decide(String winner, String reason, Instant at) {
        this.abWinner = winner;
        this.abReason = reason == null || reason.length() <= 2000 ? reason : reason.substring(0, 2000);
        this.abDecidedAt = Timestamp.from(at);
    }

    void restQueued(Instant at) {
        this.abRestQueuedAt = Timestamp.from(at);
    }

    void move(CampaignState to, Instant scheduled, Instant started, Instant finished) {
        this.state = to;
        if (scheduled != null) {
            this.scheduledAt = Timestamp.from(scheduled);
        }
        if (started != null) {
            this.startedAt = Timestamp.from(started);
        }
        if (finished != null) {
            this.finishedAt = Timestamp.from(finished);
        }
    }

    CampaignRecord toRecord() {
        return new CampaignRecord(id, name, template, subject, from, replyTo, state, transactional, allowUnknown,
                split(lists), split(excludeLists), split(segments), split(excludeSegments), instant(scheduledAt),
                created.toInstant(), instant(startedAt), instant(finishedAt), abTest, abWinner, abReason,
                instant(abDecidedAt), instant(abRestQueuedAt));
    }

    static String join(List<String> names) {
        return names.isEmpty() ? null : String.join("\n", names);
    }

    static List<String> split(String names) {
        return names == null || names.isEmpty() ? List.of() : Arrays.asList(names.split("\n"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
