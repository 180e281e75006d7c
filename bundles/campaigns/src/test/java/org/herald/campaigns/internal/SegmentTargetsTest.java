package org.herald.campaigns.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.herald.audience.internal.AudienceConfig;
import org.herald.audience.internal.DefaultSegmentService;
import org.herald.audience.internal.Stages;
import org.herald.campaigns.CampaignInput;
import org.herald.campaigns.TemplateInput;
import org.herald.common.ValidationException;
import org.herald.contacts.ContactInput;
import org.herald.contacts.FieldType;
import org.herald.contacts.OptInStatus;
import org.herald.contacts.internal.Configs;
import org.herald.contacts.internal.TestBed;
import org.herald.mail.DeliveryOutcome;
import org.herald.mail.DeliveryResult;
import org.herald.mail.OutboundMessage;
import org.herald.segments.SegmentInput;
import org.herald.store.MessageStore.MessageRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Campaigns that target segments: the audience bundle's segment service over the same database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SegmentTargetsTest {

    private DefaultSegmentService segments;
    private final CampaignBed cb = new CampaignBed(Map.of("leaseSeconds", 0L, "queueBatchSize", 2), bed -> {
        segments = new DefaultSegmentService(bed.stores.segments(), bed.contacts, bed.fields, bed.lists,
                new Stages(Configs.defaults(Stages.Config.class)), Configs.defaults(AudienceConfig.class));
        return segments;
    });

    @AfterAll
    void close() {
        cb.close();
    }

    private void contact(String email, OptInStatus status, List<String> lists, List<String> tags, Integer years) {
        ContactInput.Builder b = ContactInput.builder(email).status(status).list(lists.toArray(String[]::new))
                .tag(tags.toArray(String[]::new));
        if (years != null) {
            b.field("years", years);
        }
        cb.bed.contacts.upsert(b.build(), TestBed.ADMIN);
    }

    @Test
    void listsAndSegmentsMinusExclusionsEachAddressOnceWithTheParentListAsTheListLeft() {
        cb.bed.lists.create("news");
        cb.bed.lists.create("other");
        cb.bed.fields.create("years", FieldType.NUMBER, null, null);
        segments.create(SegmentInput.builder("vips").parentList("news").text("tag vip").build(), "admin");
        segments.create(SegmentInput.builder("gold").text("tag gold").build(), "admin");
        segments.create(SegmentInput.builder("blocked").text("tag blocked").build(), "admin");
        segments.create(SegmentInput.builder("seniors").text("years >= 50").build(), "admin");

        contact("vip@a.test", OptInStatus.CONFIRMED, List.of("news"), List.of("vip"), null);
        contact("both@a.test", OptInStatus.CONFIRMED, List.of("news", "other"), List.of("vip"), 30);
        contact("member@a.test", OptInStatus.CONFIRMED, List.of("news"), List.of(), null);
        contact("gold@a.test", OptInStatus.CONFIRMED, List.of(), List.of("gold"), null);
        contact("goldvip@a.test", OptInStatus.CONFIRMED, List.of("news"), List.of("gold", "vip"), null);
        contact("blocked@a.test", OptInStatus.CONFIRMED, List.of("news"), List.of("vip", "blocked"), null);
        contact("senior@a.test", OptInStatus.CONFIRMED, List.of("other"), List.of(), 60);
        contact("unsub@a.test", OptInStatus.UNSUBSCRIBED, List.of("news"), List.of("vip"), null);
        contact("notparent@a.test", OptInStatus.CONFIRMED, List.of(), List.of("vip"), null);
        cb.templates.save("tpl", TemplateInput.builder().subject("Hi").html("<p>Hi</p>").build());
        cb.campaigns.create("targets", CampaignInput.builder("tpl").list("other").segment("vips", "gold")
                .excludeSegment("blocked", "seniors").build());
        assertThat(cb.campaigns.get("targets").segments()).containsExactly("vips", "gold");

        cb.campaigns.send("targets", "admin");
        Map<String, List<String>> listsLeft = new HashMap<>();
        List<OutboundMessage> batch;
        while (!(batch = cb.campaigns.take(100)).isEmpty()) {
            for (OutboundMessage m : batch) {
                MessageRecord r = cb.bed.stores.messages().find(m.messageId());
                assertThat(listsLeft.put(m.to(), r.lists())).as("each address once").isNull();
                cb.campaigns.report(DeliveryResult.of(m.messageId(), DeliveryOutcome.ACCEPTED, 250, "ok", Instant.now()));
            }
        }
        // member: only in the segment's parent list; blocked, senior: excluded by a segment; unsub: not
        // mailable; notparent: tagged vip but outside the segment's parent list. vip@ has no years, so
        // "years >= 50" is UNKNOWN for it, which must not exclude it (the segment does not hold it).
        assertThat(listsLeft).containsOnlyKeys("vip@a.test", "both@a.test", "gold@a.test", "goldvip@a.test");
        assertThat(listsLeft.get("vip@a.test")).containsExactly("news");
        assertThat(listsLeft.get("both@a.test")).containsExactly("news", "other");
        assertThat(listsLeft.get("gold@a.test")).isEmpty();
        assertThat(listsLeft.get("goldvip@a.test")).containsExactly("news");
        assertThat(cb.campaigns.report("targets").messages()).isEqualTo(4);
    }

    @Test
    void aSegmentThatDoesNotExistIsRefused() {
        cb.templates.save("tpl2", TemplateInput.builder().subject("Hi").html("<p>Hi</p>").build());
        assertThatThrownBy(() -> cb.campaigns.create("missing", CampaignInput.builder("tpl2").segment("nosuch").build()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("nosuch");
        assertThatThrownBy(() -> cb.campaigns.create("missing", CampaignInput.builder("tpl2").segment("never-opened")
                .excludeSegment("nosuch").build())).isInstanceOf(ValidationException.class).hasMessageContaining("nosuch");
    }
}
