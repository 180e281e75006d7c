package org.herald.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.herald.bounce.BounceClass;
import org.herald.bounce.BounceReason;
import org.herald.campaigns.MessageStatus;
import org.herald.contacts.OptInStatus;
import org.herald.store.BounceStore;
import org.herald.store.BounceStore.BounceRow;
import org.herald.store.BounceStore.MessageBounce;
import org.herald.store.ContactRecord;
import org.herald.store.ContactWrite;
import org.herald.store.EventWrite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bounce table and the quarantine on the selected database (Derby, or PostgreSQL in the second run). */
class JdbcBounceStoreTest {

    private DataSource ds;
    private Stores store;
    private final Instant now = Instant.parse("2026-11-25T10:00:00Z");

    @BeforeEach
    void setUp() {
        ds = Databases.fresh();
        store = Stores.open(ds);
    }

    @AfterEach
    void tearDown() {
        store.close();
        TestDatabases.drop(ds);
    }

    private ContactRecord contact(String email) {
        String id = String.format("%026d", Math.abs(email.hashCode()));
        return store.contacts().write(new ContactWrite(null, new ContactRecord(0, id, email, email, OptInStatus.CONFIRMED,
                Map.of(), Set.of(), Set.of(), true, now, now, null, 0), List.of()));
    }

    private BounceRow row(String key, int seq, BounceClass c, ContactRecord contact, Instant at, String domain) {
        return new BounceRow(0, key, seq, at, "test", c, c == BounceClass.SOFT ? BounceReason.MAILBOX_FULL
                : BounceReason.USER_UNKNOWN, "5.1.1", 550, contact == null ? "x@y.test" : contact.email(),
                "550 <script>no</script>", null, "c1.m1@h.test", contact == null ? 0 : contact.key(),
                contact == null ? null : contact.id(), 0, 0, "address", domain, "NONE");
    }

    private EventWrite event(ContactRecord c) {
        return new EventWrite(UUID.randomUUID().toString(), false, c.key(), c.id(), "message_bounced", now, now, "bounce",
                "test", Map.of("class", "SOFT"), null, null);
    }

    @Test
    void aKeyIsRecordedOnceWithItsEventsAndASecondRecordWritesNothing() {
        ContactRecord ann = contact("ann@dest.test");
        long eventsBefore = count("contact_event");
        assertThat(store.bounces().record("k1", List.of(row("k1", 0, BounceClass.SOFT, ann, now, "a.test")), List.of(),
                List.of(event(ann)))).isTrue();
        assertThat(store.bounces().record("k1", List.of(row("k1", 0, BounceClass.SOFT, ann, now, "a.test")), List.of(),
                List.of(event(ann)))).isFalse();
        assertThat(store.bounces().recorded("k1")).isTrue();
        assertThat(store.bounces().softBounces(ann.key()).count()).isEqualTo(1);
        assertThat(count("contact_event")).isEqualTo(eventsBefore + 1);
        BounceRow read = store.bounces().ofKey("k1").get(0);
        assertThat(read.diagnostic()).isEqualTo("550 <script>no</script>");
        assertThat(read.reason()).isEqualTo(BounceReason.MAILBOX_FULL);
        assertThat(read.replyCode()).isEqualTo(550);
        assertThat(read.contactId()).isEqualTo(ann.id());
    }

    @Test
    void softBouncesAreCountedWithTheirSpanAndListedNewestFirst() {
        ContactRecord bob = contact("bob@dest.test");
        for (int i = 0; i < 3; i++) {
            String key = "soft-" + i;
            store.bounces().record(key, List.of(row(key, 0, BounceClass.SOFT, bob, now.plusSeconds(86_400L * 4 * i),
                    "a.test")), List.of(), List.of());
        }
        store.bounces().record("hard", List.of(row("hard", 0, BounceClass.HARD, bob, now, "a.test")), List.of(), List.of());
        var soft = store.bounces().softBounces(bob.key());
        assertThat(soft.count()).isEqualTo(3);
        assertThat(soft.first()).isEqualTo(now);
        assertThat(soft.last()).isEqualTo(now.plusSeconds(86_400L * 8));
        assertThat(store.bounces().list(null, bob.key(), 0, 10)).extracting(BounceRow::bounceKey)
                .containsExactly("soft-2", "soft-1", "hard", "soft-0"); // same time: the later first
        assertThat(store.bounces().list(BounceClass.HARD, 0, 0, 10)).extracting(BounceRow::bounceKey).containsExactly("hard");
    }

    @Test
    void unconfirmedHardBouncesAreGroupedPerCampaignLeavingOutConfirmedOnesAndUnmatchedMessages() {
        ContactRecord eve = contact("eve@dest.test");
        ContactRecord fay = contact("fay@dest.test");
        store.bounces().record("u1", List.of(hard("u1", eve, 7, now, BounceStore.UNCONFIRMED)), List.of(), List.of());
        store.bounces().record("u2", List.of(hard("u2", eve, 7, now.plusSeconds(3_600), BounceStore.UNCONFIRMED)), List.of(),
                List.of());
        store.bounces().record("u3", List.of(hard("u3", eve, 9, now.plusSeconds(86_400L * 4), BounceStore.UNCONFIRMED)),
                List.of(), List.of());
        // a confirmed HARD, one that matched no message, and another contact's: not counted
        store.bounces().record("c1", List.of(hard("c1", eve, 11, now, "INACTIVE")), List.of(), List.of());
        store.bounces().record("n1", List.of(hard("n1", eve, 0, now, BounceStore.UNCONFIRMED)), List.of(), List.of());
        store.bounces().record("f1", List.of(hard("f1", fay, 13, now, BounceStore.UNCONFIRMED)), List.of(), List.of());

        assertThat(store.bounces().unconfirmedHardByCampaign(eve.key())).containsExactly(
                new BounceStore.CampaignBounces(7, now, now.plusSeconds(3_600)),
                new BounceStore.CampaignBounces(9, now.plusSeconds(86_400L * 4), now.plusSeconds(86_400L * 4)));
        assertThat(store.bounces().unconfirmedHardByCampaign(fay.key())).extracting(BounceStore.CampaignBounces::campaignId)
                .containsExactly(13L);
    }

    private BounceRow hard(String key, ContactRecord c, long campaign, Instant at, String effect) {
        return new BounceRow(0, key, 0, at, "test", BounceClass.HARD, BounceReason.USER_UNKNOWN, "5.0.0", 550, c.email(),
                "550 User unknown", null, null, c.key(), c.id(), campaign, campaign == 0 ? 0 : campaign * 10, "token",
                "news.test", effect);
    }

    @Test
    void blockedReportsAreCountedPerSendingDomain() {
        store.bounces().record("b1", List.of(row("b1", 0, BounceClass.BLOCKED, null, now, "news.test"),
                row("b1", 1, BounceClass.BLOCKED, null, now, "news.test")), List.of(), List.of());
        store.bounces().record("b2", List.of(row("b2", 0, BounceClass.BLOCKED, null, now, null)), List.of(), List.of());
        store.bounces().record("b3", List.of(row("b3", 0, BounceClass.BLOCKED, null, now.minusSeconds(3600), "old.test")),
                List.of(), List.of());
        assertThat(store.bounces().countBySendingDomain(BounceClass.BLOCKED, now.minusSeconds(60)))
                .containsExactly(new org.herald.store.BounceStore.DomainCount("news.test", 2),
                        new org.herald.store.BounceStore.DomainCount("unknown", 1));
    }

    @Test
    void aSentMessageTakesTheBounceStatusInTheRecordingTransaction() {
        ContactRecord cy = contact("cy@dest.test");
        long campaign = store.campaigns().create(new org.herald.store.CampaignStore.CampaignRecord(0, "c", "t", null, null,
                null, org.herald.campaigns.CampaignState.SENDING, false, false, List.of("l"), List.of(), List.of(), List.of(),
                null, now, now, null)).id();
        var m = store.messages().enqueue(campaign, List.of(new org.herald.store.MessageStore.Recipient(cy.key(), cy.id(),
                List.of("l"))), now, r -> event(cy)).get(0);
        store.messages().change(List.of(new org.herald.store.MessageStore.StatusChange(m.id(), MessageStatus.SENT, now,
                null, "250 ok")), r -> event(cy));
        store.bounces().record("k", List.of(row("k", 0, BounceClass.HARD, cy, now, "a.test")),
                List.of(new MessageBounce(m.id(), MessageStatus.UF, now, "550 5.1.1 unknown")), List.of(event(cy)));
        assertThat(store.messages().find(m.id()).status()).isEqualTo(MessageStatus.UF);
        // a final failure stays as it is
        store.bounces().record("k2", List.of(row("k2", 0, BounceClass.SOFT, cy, now, "a.test")),
                List.of(new MessageBounce(m.id(), MessageStatus.SF, now, "452")), List.of());
        assertThat(store.messages().find(m.id()).status()).isEqualTo(MessageStatus.UF);
    }

    @Test
    void quarantinedBytesRoundTripOncePerKeyAndCanBeDeleted() {
        byte[] raw = new byte[70_000];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = (byte) i;
        }
        var q = store.bounces().quarantine("q1", now, "imap:test", "not a report", raw);
        assertThat(store.bounces().quarantine("q1", now, "imap:test", "again", raw).id()).isEqualTo(q.id());
        assertThat(q.size()).isEqualTo(raw.length);
        assertThat(store.bounces().quarantinedMessage(q.id())).hasValueSatisfying(b -> assertThat(b).isEqualTo(raw));
        assertThat(store.bounces().quarantined(0, 10)).extracting(org.herald.store.BounceStore.Quarantined::reason)
                .containsExactly("not a report");
        assertThat(store.bounces().deleteQuarantined(q.id())).isTrue();
        assertThat(store.bounces().deleteQuarantined(q.id())).isFalse();
        assertThat(store.bounces().quarantinedMessage(q.id())).isEmpty();
    }

    @Test
    void erasingAContactErasesItsBounces() {
        ContactRecord dee = contact("dee@dest.test");
        store.bounces().record("e", List.of(row("e", 0, BounceClass.HARD, dee, now, "a.test")), List.of(), List.of());
        store.contacts().erase(dee.key(), "h".repeat(64), now, null);
        assertThat(store.bounces().recorded("e")).isFalse();
    }

    private long count(String table) {
        try (var c = ds.getConnection(); var s = c.createStatement(); var rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
