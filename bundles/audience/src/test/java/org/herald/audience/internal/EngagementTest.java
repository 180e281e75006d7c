package org.herald.audience.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.herald.audience.internal.events.ActivityListener;
import org.herald.contacts.ContactInput;
import org.herald.contacts.OptInStatus;
import org.herald.contacts.internal.TestBed;
import org.herald.events.EventTypes;
import org.herald.segments.Engagement;
import org.herald.segments.EngagementShares;
import org.herald.store.EventWrite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EngagementTest {

    private TestBed bed;
    private DefaultSegmentService segments;
    private DefaultEngagementService engagement;
    private ActivityListener listener;

    @BeforeEach
    void setUp() {
        bed = new TestBed();
        segments = new DefaultSegmentService(bed.stores.segments(), bed.contacts, bed.fields, bed.lists,
                new Stages(Configs.stages("prospect=0")), Configs.audience());
        engagement = new DefaultEngagementService(bed.stores.segments(), Configs.audience(), false);
        listener = new ActivityListener(bed.stores.segments());
    }

    @AfterEach
    void tearDown() {
        engagement.deactivate();
        bed.close();
    }

    private String contact(String email, OptInStatus status, int ageDays) throws Exception {
        String id = bed.contacts.upsert(ContactInput.builder(email).status(status).build(), TestBed.API).contact().id();
        try (var c = bed.dataSource.getConnection();
                var ps = c.prepareStatement("UPDATE contact SET created_at = ? WHERE public_id = ?")) {
            ps.setTimestamp(1, Timestamp.from(Instant.now().minus(Duration.ofDays(ageDays))));
            ps.setString(2, id);
            ps.executeUpdate();
        }
        return id;
    }

    private void opened(String id, int daysAgo) {
        long key = bed.stores.contacts().findById(id).orElseThrow().key();
        bed.stores.events().append(List.of(new EventWrite(UUID.randomUUID().toString(), false, key, id,
                EventTypes.MESSAGE_OPENED, Instant.now().minus(Duration.ofDays(daysAgo)), Instant.now(), "TEST", null,
                Map.of("campaign", "c1"), null, null)));
        listener.onEvents(bed.stores.events().after(0, Long.MAX_VALUE, Set.of(), 10000));
    }

    private static EngagementShares group(Engagement e, OptInStatus s) {
        return e.byStatus().stream().filter(g -> g.group().equals(s.name())).findFirst().orElseThrow();
    }

    @Test
    void sharesAddUpToAHundredPerStatusAndFollowTheEvents() throws Exception {
        String old1 = contact("old1@eng.test", OptInStatus.CONFIRMED, 400);
        contact("old2@eng.test", OptInStatus.CONFIRMED, 400);
        contact("old3@eng.test", OptInStatus.CONFIRMED, 400);
        contact("young@eng.test", OptInStatus.PENDING, 3);
        opened(old1, 200); // too long ago to count

        Engagement before = engagement.engagement();
        assertThat(group(before, OptInStatus.CONFIRMED).engaged()).isZero();
        assertThat(group(before, OptInStatus.PENDING).engagedShare()).isEqualByComparingTo("100.00");
        assertThat(before.overall().engagedShare()).isEqualByComparingTo("25.00");
        assertThat(segments.count("unengaged")).isEqualTo(3);

        LocalDate today = LocalDate.now(ZoneId.systemDefault());
        engagement.snapshot(today.minusDays(30));
        opened(old1, 1);
        contact("new@eng.test", OptInStatus.CONFIRMED, 0);
        bed.contacts.setStatus("old2@eng.test", OptInStatus.UNSUBSCRIBED, TestBed.ADMIN);

        Engagement after = engagement.engagement();
        EngagementShares confirmed = group(after, OptInStatus.CONFIRMED);
        assertThat(confirmed.engaged()).isEqualTo(2);
        assertThat(confirmed.unengaged()).isEqualTo(1);
        assertThat(confirmed.engagedShare()).isEqualByComparingTo("66.67");
        assertThat(confirmed.engagedShare().add(confirmed.unengagedShare())).isEqualByComparingTo(new BigDecimal("100.00"));
        assertThat(segments.count("engaged")).isEqualTo(3);
        assertThat(after.change().since()).isEqualTo(today.minusDays(30));
        assertThat(after.change().newEngaged()).isEqualTo(1);
        assertThat(after.change().becameEngaged()).isEqualTo(1);
        assertThat(after.change().becameUnengaged()).isZero();
        assertThat(after.change().unsubscribed()).isEqualTo(1);
        assertThat(bed.stores.segments().snapshotDays()).containsExactly(today.minusDays(30));
    }
}
