package org.herald.bounces.processing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.herald.bounce.Bounce;
import org.herald.bounce.BounceClass;
import org.herald.bounce.BounceDisposition;
import org.herald.bounce.BounceReason;
import org.herald.bounce.DomainCount;
import org.herald.bounce.ProcessedBounce;
import org.herald.campaigns.MessageStatus;
import org.herald.common.NotFoundException;
import org.herald.contacts.ConsentEntry;
import org.herald.contacts.ConsentSource;
import org.herald.contacts.Contact;
import org.herald.contacts.OptInStatus;
import org.herald.contacts.internal.TestBed;
import org.herald.store.BounceStore;
import org.herald.store.BounceStore.BounceRow;
import org.herald.store.MessageStore.MessageRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The processor on real Derby, the real classifier and the real tokens: one bed per class, unique addresses per test. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DefaultBounceProcessorTest {

    private BounceBed b;

    @BeforeAll
    void setUp() {
        b = new BounceBed();
    }

    @AfterAll
    void tearDown() {
        b.close();
    }

    @Test
    void hardBounceMatchedByTheSignedEnvelopeSenderMakesTheContactInactiveAndTheMessageUserUnknown() {
        Contact ann = b.contact("ann@dest.test");
        MessageRecord m = b.sent(ann);
        // the report names the address as the remote server rewrote it: the token still matches
        ProcessedBounce r = b.processor.process(BounceBed.hard(b.bounceAddress(m), "ann@dest.test", null), "imap:test");

        assertThat(r.disposition()).isEqualTo(BounceDisposition.APPLIED);
        Bounce bounce = r.bounces().get(0);
        assertThat(bounce.matchedBy()).isEqualTo("token");
        assertThat(bounce.bounceClass()).isEqualTo(BounceClass.HARD);
        assertThat(bounce.effect()).isEqualTo("INACTIVE");
        assertThat(bounce.messageId()).isEqualTo(m.id());
        assertThat(bounce.contactId()).isEqualTo(ann.id());
        assertThat(b.status(ann.id())).isEqualTo(OptInStatus.INACTIVE);
        assertThat(lastConsent(ann).source()).isEqualTo(ConsentSource.BOUNCE);
        assertThat(b.bed.stores.messages().find(m.id()).status()).isEqualTo(MessageStatus.UF);
        assertThat(events(ann.id())).contains("message_bounced@campaign:" + m.campaignId())
                .anySatisfy(e -> assertThat(e).startsWith("status_changed@"))
                .doesNotContain("message_complained@campaign:" + m.campaignId());
    }

    @Test
    void withoutATokenTheOriginalMessageIdMatchesTheMessage() {
        Contact bo = b.contact("bo@dest.test");
        MessageRecord m = b.sent(bo);
        ProcessedBounce r = b.processor.process(BounceBed.dsn("bounces@herald.test", "bo@dest.test", "5.1.2",
                "550 5.1.2 Host unknown: domain dest.test not found", BounceBed.messageId(m)), "imap:test");

        assertThat(r.bounces()).singleElement().satisfies(x -> {
            assertThat(x.matchedBy()).isEqualTo("message-id");
            assertThat(x.campaignId()).isEqualTo(m.campaignId());
        });
        assertThat(b.bed.stores.messages().find(m.id()).status()).isEqualTo(MessageStatus.HF);
        assertThat(b.status(bo.id())).isEqualTo(OptInStatus.INACTIVE);
    }

    @Test
    void aForgedTokenOrAMessageIdOfAnotherRecipientIsNotTrustedAndTheAddressDecides() {
        Contact cy = b.contact("cy@dest.test");
        Contact other = b.contact("other@dest.test");
        MessageRecord theirs = b.sent(other);
        ProcessedBounce r = b.processor.process(BounceBed.hard("bounce+AAAAAAAAAA.BBBBBBBBBB@bounces.herald.test",
                "cy@dest.test", BounceBed.messageId(theirs)), "imap:test");

        assertThat(r.bounces()).singleElement().satisfies(x -> {
            assertThat(x.matchedBy()).isEqualTo("address");
            assertThat(x.contactId()).isEqualTo(cy.id());
            assertThat(x.messageId()).isZero();
        });
        assertThat(b.status(cy.id())).isEqualTo(OptInStatus.INACTIVE);
        assertThat(b.status(other.id())).isEqualTo(OptInStatus.CONFIRMED);
        assertThat(b.bed.stores.messages().find(theirs.id()).status()).isEqualTo(MessageStatus.SENT);
    }

    @Test
    void softBouncesMakeTheContactInactiveOnlyAtTheThresholdSpreadOverSevenDays() {
        Contact di = b.contact("di@dest.test");
        MessageRecord first = b.sent(di);
        b.processor.process(BounceBed.soft(b.bounceAddress(first), "di@dest.test", null), "imap:test");
        assertThat(b.bed.stores.messages().find(first.id()).status()).isEqualTo(MessageStatus.SF);
        b.clock.advance(Duration.ofDays(1));
        b.processor.process(BounceBed.soft(b.bounceAddress(b.sent(di)), "di@dest.test", null), "imap:test");
        b.clock.advance(Duration.ofDays(1));
        b.processor.process(BounceBed.soft(b.bounceAddress(b.sent(di)), "di@dest.test", null), "imap:test");
        // three soft bounces within two days: a bad day of the mailbox, not a dead address
        assertThat(b.status(di.id())).isEqualTo(OptInStatus.CONFIRMED);

        b.clock.advance(Duration.ofDays(5));
        ProcessedBounce fourth = b.processor.process(BounceBed.soft(b.bounceAddress(b.sent(di)), "di@dest.test", null),
                "imap:test");
        assertThat(fourth.bounces().get(0).effect()).isEqualTo("SOFT_COUNTED");
        assertThat(b.status(di.id())).isEqualTo(OptInStatus.INACTIVE);
        assertThat(lastConsent(di).source()).isEqualTo(ConsentSource.BOUNCE);
        b.clock.advance(Duration.ofDays(1));
    }

    @Test
    void anUnconfirmedUserUnknownMakesTheContactInactiveOnlyFromTwoCampaignsThreeDaysApart() {
        Contact fi = b.contact("fi@dest.test");
        MessageRecord first = b.sent(fi);
        ProcessedBounce one = b.processor.process(BounceBed.unconfirmedHard(b.bounceAddress(first), "fi@dest.test", null),
                "imap:test");
        assertThat(one.bounces()).singleElement().satisfies(x -> {
            assertThat(x.bounceClass()).isEqualTo(BounceClass.HARD);
            assertThat(x.effect()).isEqualTo("UNCONFIRMED");
        });
        // the message failed, but "unknown user" (UF) is not established
        assertThat(b.bed.stores.messages().find(first.id()).status()).isEqualTo(MessageStatus.HF);
        assertThat(b.status(fi.id())).isEqualTo(OptInStatus.CONFIRMED);
        assertThat(events(fi.id())).contains("message_bounced@campaign:" + first.campaignId());

        // the same campaign again, days later: still one campaign
        b.clock.advance(Duration.ofDays(4));
        // (another report of the same message, as a relay that retried would send)
        b.processor.process(BounceBed.unconfirmedHard(b.bounceAddress(first), "fi@dest.test", null), "imap:test");
        assertThat(b.status(fi.id())).isEqualTo(OptInStatus.CONFIRMED);

        // and a bounce without a message (matched by the address only) names no campaign
        b.processor.process(BounceBed.unconfirmedHard("bounces@herald.test", "fi@dest.test", null), "imap:test");
        assertThat(b.status(fi.id())).isEqualTo(OptInStatus.CONFIRMED);

        // a second campaign 4 days after the first campaign's first bounce: the address is gone
        MessageRecord second = b.sent(fi);
        ProcessedBounce two = b.processor.process(BounceBed.unconfirmedHard(b.bounceAddress(second), "fi@dest.test", null),
                "imap:test");
        assertThat(two.bounces().get(0).effect()).isEqualTo("UNCONFIRMED");
        assertThat(b.status(fi.id())).isEqualTo(OptInStatus.INACTIVE);
        assertThat(lastConsent(fi).source()).isEqualTo(ConsentSource.BOUNCE);
    }

    @Test
    void unconfirmedUserUnknownsOfTwoCampaignsWithinThreeDaysChangeNothing() {
        Contact gus = b.contact("gus@dest.test");
        b.processor.process(BounceBed.unconfirmedHard(b.bounceAddress(b.sent(gus)), "gus@dest.test", null), "imap:test");
        b.clock.advance(Duration.ofDays(2).plusHours(23));
        b.processor.process(BounceBed.unconfirmedHard(b.bounceAddress(b.sent(gus)), "gus@dest.test", null), "imap:test");
        assertThat(b.status(gus.id())).isEqualTo(OptInStatus.CONFIRMED);
        // a confirmed one (5.1.1) still acts at once
        b.processor.process(BounceBed.hard(b.bounceAddress(b.sent(gus)), "gus@dest.test", null), "imap:test");
        assertThat(b.status(gus.id())).isEqualTo(OptInStatus.INACTIVE);
    }

    @Test
    void theUnconfirmedRuleIsConfigured() {
        try (BounceBed strict = new BounceBed(new TestBed(), Map.of("unconfirmedCampaigns", 3, "unconfirmedMinDays", 1))) {
            Contact hal = strict.contact("hal@dest.test");
            strict.processor.process(BounceBed.unconfirmedHard(strict.bounceAddress(strict.sent(hal)), "hal@dest.test", null),
                    "imap:test");
            strict.clock.advance(Duration.ofDays(1));
            strict.processor.process(BounceBed.unconfirmedHard(strict.bounceAddress(strict.sent(hal)), "hal@dest.test", null),
                    "imap:test");
            assertThat(strict.status(hal.id())).as("two campaigns, three asked").isEqualTo(OptInStatus.CONFIRMED);
            strict.processor.process(BounceBed.unconfirmedHard(strict.bounceAddress(strict.sent(hal)), "hal@dest.test", null),
                    "imap:test");
            assertThat(strict.status(hal.id())).isEqualTo(OptInStatus.INACTIVE);
        }
    }

    @Test
    void theUnconfirmedRuleNeedsDifferentCampaignsFarEnoughApart() {
        Instant t = Instant.parse("2026-11-02T08:00:00Z");
        Instant t3 = t.plus(Duration.ofDays(3));
        var c1 = new BounceStore.CampaignBounces(1, t, t3);
        var c2 = new BounceStore.CampaignBounces(2, t.plusSeconds(60), t.plusSeconds(60));
        var c3 = new BounceStore.CampaignBounces(3, t3, t3);
        // campaign 1 alone spans three days: one campaign is not enough
        assertThat(DefaultBounceProcessor.unconfirmedConfirmed(List.of(c1), 2, 3)).isFalse();
        // campaign 2's bounce came a minute after campaign 1's first, campaign 1's last a minute short of 3 days after it
        assertThat(DefaultBounceProcessor.unconfirmedConfirmed(List.of(c1, c2), 2, 3)).isFalse();
        assertThat(DefaultBounceProcessor.unconfirmedConfirmed(List.of(c2, c3), 2, 3)).isFalse();
        assertThat(DefaultBounceProcessor.unconfirmedConfirmed(List.of(c1, c3), 2, 3)).isTrue();
        assertThat(DefaultBounceProcessor.unconfirmedConfirmed(List.of(c1, c3), 3, 3)).isFalse();
        assertThat(DefaultBounceProcessor.unconfirmedConfirmed(List.of(c2, c3), 2, 2)).isTrue();
    }

    @Test
    void theSameBounceProcessedAgainIsADuplicateAndIsNotCountedTwice() {
        Contact ed = b.contact("ed@dest.test");
        byte[] report = BounceBed.soft(b.bounceAddress(b.sent(ed)), "ed@dest.test", null);
        long eventsBefore = events(ed.id()).size();
        assertThat(b.processor.process(report, "imap:test").disposition()).isEqualTo(BounceDisposition.APPLIED);
        for (int day = 0; day < 3; day++) {
            b.clock.advance(Duration.ofDays(4));
            assertThat(b.processor.process(report, "imap:test").disposition()).isEqualTo(BounceDisposition.DUPLICATE);
        }
        assertThat(b.processor.list(BounceClass.SOFT, ed.id(), 0, 10)).hasSize(1);
        assertThat(events(ed.id())).hasSize((int) eventsBefore + 1);
        assertThat(b.status(ed.id())).isEqualTo(OptInStatus.CONFIRMED);
    }

    @Test
    void aCrashBetweenTheRecordAndTheStatusChangeIsRepairedWhenTheMessageIsFetchedAgain() {
        Contact flo = b.contact("flo@dest.test");
        MessageRecord m = b.sent(flo);
        byte[] report = BounceBed.hard(b.bounceAddress(m), "flo@dest.test", null);
        String key = "sha256:" + DefaultBounceProcessor.sha256(report);
        long contactKey = b.bed.stores.contacts().findById(flo.id()).orElseThrow().key();
        // what the first transaction leaves when the process dies before the contact service's change
        b.bed.stores.bounces().record(key, List.of(new BounceRow(0, key, 0, b.clock.instant(), "imap:test",
                BounceClass.HARD, BounceReason.USER_UNKNOWN, "5.1.1", 550, "flo@dest.test", "550 unknown", null, null,
                contactKey, flo.id(), m.campaignId(), m.id(), "token", BounceBed.SENDER_DOMAIN, "INACTIVE")), List.of(),
                List.of());
        assertThat(b.status(flo.id())).isEqualTo(OptInStatus.CONFIRMED);

        assertThat(b.processor.process(report, "imap:test").disposition()).isEqualTo(BounceDisposition.DUPLICATE);
        assertThat(b.status(flo.id())).isEqualTo(OptInStatus.INACTIVE);
    }

    @Test
    void aComplaintUnsubscribesWithSourceFeedbackComplaint() {
        Contact gil = b.contact("gil@dest.test");
        MessageRecord m = b.sent(gil);
        ProcessedBounce r = b.processor.process(BounceBed.complaint("fbl@herald.test", "gil@dest.test",
                BounceBed.messageId(m)), "imap:test");

        assertThat(r.bounces()).singleElement().satisfies(x -> {
            assertThat(x.bounceClass()).isEqualTo(BounceClass.COMPLAINT);
            assertThat(x.effect()).isEqualTo("UNSUBSCRIBED");
        });
        assertThat(b.status(gil.id())).isEqualTo(OptInStatus.UNSUBSCRIBED);
        assertThat(lastConsent(gil).source()).isEqualTo(ConsentSource.FEEDBACK_COMPLAINT);
        assertThat(events(gil.id())).contains("message_complained@campaign:" + m.campaignId());
        // the message was delivered: a complaint does not change its status
        assertThat(b.bed.stores.messages().find(m.id()).status()).isEqualTo(MessageStatus.SENT);
    }

    @Test
    void aBlockedReportChangesNoContactAndIsCountedPerSendingDomain() {
        Contact hu = b.contact("hu@dest.test");
        MessageRecord m = b.sent(hu);
        ProcessedBounce r = b.processor.process(BounceBed.blocked(b.bounceAddress(m), "hu@dest.test", null), "imap:test");

        assertThat(r.bounces()).singleElement().satisfies(x -> {
            assertThat(x.bounceClass()).isEqualTo(BounceClass.BLOCKED);
            assertThat(x.effect()).isEqualTo("REPORTED");
            assertThat(x.sendingDomain()).isEqualTo(BounceBed.SENDER_DOMAIN);
        });
        assertThat(b.status(hu.id())).isEqualTo(OptInStatus.CONFIRMED);
        assertThat(b.bed.stores.messages().find(m.id()).status()).isEqualTo(MessageStatus.FP);
        assertThat(b.processor.blockedBySendingDomain(b.clock.instant().minusSeconds(60)))
                .extracting(DomainCount::domain).contains(BounceBed.SENDER_DOMAIN);
    }

    @Test
    void anAutoReplyChangesNothing() {
        Contact ivy = b.contact("ivy@dest.test");
        byte[] vacation = ("From: ivy@dest.test\r\nTo: news@news.test\r\nSubject: Out of office: Hello\r\n"
                + "Auto-Submitted: auto-replied\r\nMessage-ID: <v1@dest.test>\r\n\r\nI am away until Monday.\r\n")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        long eventsBefore = events(ivy.id()).size();
        ProcessedBounce r = b.processor.process(vacation, "imap:test");
        assertThat(r.disposition()).isEqualTo(BounceDisposition.APPLIED);
        assertThat(r.bounces()).singleElement().satisfies(x -> {
            assertThat(x.bounceClass()).isEqualTo(BounceClass.AUTOREPLY);
            assertThat(x.effect()).isEqualTo("NONE");
        });
        assertThat(b.status(ivy.id())).isEqualTo(OptInStatus.CONFIRMED);
        assertThat(events(ivy.id())).hasSize((int) eventsBefore);
    }

    @Test
    void whatCannotBeActedOnIsQuarantinedWithItsBytesAndCanBeRetriedOrDeleted() {
        byte[] ordinary = sample("ordinary/ordinary.eml");
        ProcessedBounce r = b.processor.process(ordinary, "imap:test");
        assertThat(r.disposition()).isEqualTo(BounceDisposition.QUARANTINED);
        assertThat(r.note()).contains("no bounce");
        assertThat(b.processor.quarantinedMessage(r.quarantineId())).isEqualTo(ordinary);
        // fetched again after a crash before the mailbox delete: the same entry
        assertThat(b.processor.process(ordinary, "imap:test").quarantineId()).isEqualTo(r.quarantineId());
        assertThat(b.processor.retryQuarantined(r.quarantineId()).quarantineId()).isEqualTo(r.quarantineId());

        byte[] garbage = new byte[] {0, 1, 2, (byte) 0xff, 13, 10, 13, 10, 0};
        ProcessedBounce g = b.processor.process(garbage, "pop3:test");
        assertThat(g.disposition()).isEqualTo(BounceDisposition.QUARANTINED);
        assertThat(b.processor.quarantined(0, 100)).extracting(q -> q.id()).contains(r.quarantineId(), g.quarantineId());

        b.processor.deleteQuarantined(g.quarantineId());
        assertThatThrownBy(() -> b.processor.deleteQuarantined(g.quarantineId())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> b.processor.quarantinedMessage(g.quarantineId())).isInstanceOf(NotFoundException.class);
        b.processor.deleteQuarantined(r.quarantineId());
    }

    @Test
    void aQuarantinedReportIsAppliedOnRetryAndLeavesTheQuarantine() {
        Contact jo = b.contact("jo@dest.test");
        byte[] report = BounceBed.hard("bounces@herald.test", "jo@dest.test", null);
        // as an earlier failure left it
        long id = b.bed.stores.bounces().quarantine("sha256:" + DefaultBounceProcessor.sha256(report), b.clock.instant(),
                "imap:test", "cannot apply: database refused", report).id();

        ProcessedBounce r = b.processor.retryQuarantined(id);
        assertThat(r.disposition()).isEqualTo(BounceDisposition.APPLIED);
        assertThat(b.status(jo.id())).isEqualTo(OptInStatus.INACTIVE);
        assertThat(b.bed.stores.bounces().findQuarantined(id)).isEmpty();
        assertThatThrownBy(() -> b.processor.retryQuarantined(id)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aReportAboutAnUnknownAddressIsRecordedWithoutAContact() {
        ProcessedBounce r = b.processor.process(BounceBed.hard("bounces@herald.test", "nobody@nowhere.test", null),
                "imap:test");
        assertThat(r.bounces()).singleElement().satisfies(x -> {
            assertThat(x.effect()).isEqualTo("NO_CONTACT");
            assertThat(x.contactId()).isNull();
            assertThat(x.matchedBy()).isEqualTo("none");
        });
    }

    @Test
    void everyProjectSampleIsAppliedOrQuarantinedNeverLost() throws Exception {
        List<String> names = List.of("arf/arf-auth-failure.eml", "arf/arf-two.eml", "auto-reply/vacation-de.eml",
                "auto-reply/vacation-header.eml", "mta/ehlo-rejected.eml", "mta/exchange.eml", "mta/exim-base64-latin1.eml",
                "mta/gmail-dmarc.eml", "mta/postfix-plain.eml", "mta/qmail.eml", "mta/sendmail-text.eml",
                "provider/ses-bounce.eml", "provider/ses-complaint.eml", "rfc3464/dsn-delivered.eml",
                "rfc3464/dsn-many-causes.eml", "rfc3464/dsn-two-recipients.eml", "rfc3464/truncated-dsn.eml");
        List<String> seen = new ArrayList<>();
        for (String n : names) {
            ProcessedBounce r = b.processor.process(sample(n), "sample:" + n);
            assertThat(r.disposition()).as(n).isIn(BounceDisposition.APPLIED, BounceDisposition.QUARANTINED);
            seen.add(n + "=" + r.disposition());
            if (r.disposition() == BounceDisposition.APPLIED) {
                assertThat(r.bounces()).as(n).isNotEmpty();
            } else {
                assertThat(b.processor.quarantinedMessage(r.quarantineId())).as(n).isEqualTo(sample(n));
            }
        }
        assertThat(seen).contains("rfc3464/dsn-many-causes.eml=APPLIED", "arf/arf-two.eml=APPLIED");
    }

    // ---- helpers

    private ConsentEntry lastConsent(Contact c) {
        List<ConsentEntry> h = b.bed.contacts.consentHistory(c.id());
        return h.get(h.size() - 1);
    }

    /** The contact's events as type@source, oldest first. */
    private List<String> events(String contactId) {
        try (Connection c = b.bed.dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT e.event_type, e.source FROM contact_event e "
                        + "JOIN contact k ON k.id = e.contact_id WHERE k.public_id = ? ORDER BY e.id")) {
            ps.setString(1, contactId);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1) + "@" + rs.getString(2));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] sample(String name) {
        try (InputStream in = DefaultBounceProcessorTest.class.getResourceAsStream("/samples/" + name)) {
            if (in == null) {
                throw new IllegalStateException("sample " + name + " is not on the test class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unused")
    private static Map<String, Object> none() {
        return Map.of();
    }
}
