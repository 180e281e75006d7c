package org.herald.bounces.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.herald.bounce.BounceClass;
import org.herald.bounce.BounceReason;
import org.herald.bounce.BounceRecord;
import org.junit.jupiter.api.Test;

/** The standard forms: RFC 3464 DSNs, RFC 5965 ARF, RFC 3834 auto-replies, and ordinary mail. */
class RfcFormsTest extends ClassifierTestSupport {

    @Test
    void deliveryStatusGivesOneRecordPerRecipientBlock() {
        List<BounceRecord> r = sample("rfc3464/dsn-two-recipients.eml");
        assertThat(r).hasSize(2);
        BounceRecord gone = r.get(0);
        assertThat(gone.recipient()).isEqualTo("gone@dest.test");
        assertThat(gone.status()).isEqualTo("5.1.1");
        assertThat(gone.replyCode()).isEqualTo(550);
        assertThat(gone.reason()).isEqualTo(BounceReason.USER_UNKNOWN);
        assertThat(gone.bounceClass()).isEqualTo(BounceClass.HARD);
        assertThat(gone.diagnostic()).contains("User unknown in virtual mailbox table");
        assertThat(gone.originalRecipient()).isEqualTo("gone@dest.test");
        assertThat(gone.originalMessageId()).isEqualTo("send-42@sender.test");
        BounceRecord slow = r.get(1);
        assertThat(slow.recipient()).isEqualTo("slow@dest.test");
        assertThat(slow.status()).isEqualTo("4.4.1");
        assertThat(slow.bounceClass()).isEqualTo(BounceClass.SOFT);
        assertThat(slow.reason()).isEqualTo(BounceReason.NETWORK_ERROR);
    }

    @Test
    void eachRecipientBlockOfAReportKeepsItsOwnCause() {
        List<BounceRecord> r = sample("rfc3464/dsn-many-causes.eml");
        assertThat(r).extracting(BounceRecord::recipient).containsExactly("unknown@dest.test", "full@dest.test",
                "someone@nowhere.test", "listed@dest.test", "big@dest.test", "closed@dest.test", "strict@dest.test",
                "busy@dest.test", "infected@dest.test");
        assertThat(r).extracting(BounceRecord::reason).containsExactly(BounceReason.USER_UNKNOWN, BounceReason.MAILBOX_FULL,
                BounceReason.HOST_UNKNOWN, BounceReason.BLOCKED, BounceReason.TOO_LARGE, BounceReason.SUSPENDED,
                BounceReason.AUTH_FAILURE, BounceReason.SPEEDING, BounceReason.VIRUS_DETECTED);
        assertThat(r).extracting(BounceRecord::bounceClass).containsExactly(BounceClass.HARD, BounceClass.SOFT,
                BounceClass.HARD, BounceClass.BLOCKED, BounceClass.BLOCKED, BounceClass.HARD, BounceClass.BLOCKED,
                BounceClass.SOFT, BounceClass.BLOCKED);
        assertThat(r).extracting(BounceRecord::status).containsExactly("5.1.1", "5.2.2", "5.1.2", "5.7.1", "5.3.4", "5.2.1",
                "5.7.26", "4.7.0", "5.7.0");
        assertThat(r).allSatisfy(x -> assertThat(x.originalMessageId()).isEqualTo("send-77@sender.test"));
    }

    @Test
    void deliveredActionIsDeliveredNotABounce() {
        BounceRecord x = singleSample("rfc3464/dsn-delivered.eml");
        assertThat(x.recipient()).isEqualTo("happy@dest.test");
        assertThat(x.bounceClass()).isEqualTo(BounceClass.DELIVERED);
    }

    @Test
    void arfReportGivesAComplaintPerOriginalRecipient() {
        List<BounceRecord> r = sample("arf/arf-two.eml");
        assertThat(r).extracting(BounceRecord::recipient).containsExactly("first@isp.test", "second@isp.test");
        assertThat(r).allSatisfy(x -> {
            assertThat(x.bounceClass()).isEqualTo(BounceClass.COMPLAINT);
            assertThat(x.feedbackType()).isEqualTo("abuse");
            assertThat(x.originalMessageId()).isEqualTo("send-7@sender.test");
        });
    }

    @Test
    void arfAuthFailureIsBlockedNotAComplaint() {
        BounceRecord x = singleSample("arf/arf-auth-failure.eml");
        assertThat(x.bounceClass()).isEqualTo(BounceClass.BLOCKED);
        assertThat(x.reason()).isEqualTo(BounceReason.AUTH_FAILURE);
        assertThat(x.feedbackType()).isEqualTo("auth-failure");
    }

    @Test
    void autoSubmittedAutoRepliedIsAnAutoReplyFromTheReplier() {
        BounceRecord x = singleSample("auto-reply/vacation-header.eml");
        assertThat(x.recipient()).isEqualTo("bob@kunde.test");
        assertThat(x.bounceClass()).isEqualTo(BounceClass.AUTOREPLY);
    }

    @Test
    void germanOutOfOfficeInQuotedPrintableLatin1IsAnAutoReply() {
        BounceRecord x = singleSample("auto-reply/vacation-de.eml");
        assertThat(x.recipient()).isEqualTo("anna@kunde.test");
        assertThat(x.bounceClass()).isEqualTo(BounceClass.AUTOREPLY);
    }

    @Test
    void ordinaryMailGivesNoRecordEvenWhenItSaysDoesNotExist() {
        assertThat(sample("ordinary/ordinary.eml")).isEmpty();
    }

    @Test
    void xFailedRecipientsAndBase64Latin1TextAreRead() {
        BounceRecord x = singleSample("mta/exim-base64-latin1.eml");
        assertThat(x.recipient()).isEqualTo("full@dest.test");
        assertThat(x.status()).isEqualTo("5.2.2");
        assertThat(x.replyCode()).isEqualTo(552);
        assertThat(x.reason()).isEqualTo(BounceReason.MAILBOX_FULL);
        assertThat(x.bounceClass()).isEqualTo(BounceClass.SOFT);
        assertThat(x.diagnostic()).contains("Boîte pleine");
        assertThat(x.originalMessageId()).isEqualTo("send-9@sender.test");
    }

    @Test
    void rejectionBeforeAnyRecipientIsBlockedNeverHard() {
        BounceRecord x = singleSample("mta/ehlo-rejected.eml");
        assertThat(x.recipient()).isEqualTo("anyone@dest.test");
        assertThat(x.bounceClass()).isEqualTo(BounceClass.BLOCKED);
    }
}
