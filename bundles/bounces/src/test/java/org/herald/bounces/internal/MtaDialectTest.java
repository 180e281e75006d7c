package org.herald.bounces.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.herald.bounce.BounceClass;
import org.herald.bounce.BounceReason;
import org.herald.bounce.BounceRecord;
import org.junit.jupiter.api.Test;

/** Plain-text bounces of MTA families and provider notifications, one synthetic message each. */
class MtaDialectTest extends ClassifierTestSupport {

    @Test
    void qmailGivesEachAddressItsOwnCause() {
        List<BounceRecord> r = sample("mta/qmail.eml");
        assertThat(r).extracting(BounceRecord::recipient).containsExactly("nobody@dest.test", "quota@dest.test");
        assertThat(r.get(0).bounceClass()).isEqualTo(BounceClass.HARD);
        assertThat(r.get(0).reason()).isEqualTo(BounceReason.USER_UNKNOWN);
        assertThat(r.get(1).bounceClass()).isEqualTo(BounceClass.SOFT);
        assertThat(r.get(1).reason()).isEqualTo(BounceReason.MAILBOX_FULL);
        assertThat(r.get(1).replyCode()).isEqualTo(552);
        assertThat(r.get(0).originalMessageId()).isEqualTo("send-3@sender.test");
    }

    @Test
    void postfixTextWithoutADeliveryStatusPartIsReadFromItsWording() {
        BounceRecord x = singleSample("mta/postfix-plain.eml");
        assertThat(x.recipient()).isEqualTo("left@dest.test");
        assertThat(x.status()).isEqualTo("5.1.1");
        assertThat(x.replyCode()).isEqualTo(550);
        assertThat(x.bounceClass()).isEqualTo(BounceClass.HARD);
        assertThat(x.reason()).isEqualTo(BounceReason.USER_UNKNOWN);
    }

    @Test
    void sendmailBlockListRejectionIsBlocked() {
        BounceRecord x = singleSample("mta/sendmail-text.eml");
        assertThat(x.recipient()).isEqualTo("blocked@dest.test");
        assertThat(x.status()).isEqualTo("5.7.1");
        assertThat(x.bounceClass()).isEqualTo(BounceClass.BLOCKED);
        assertThat(x.reason()).isEqualTo(BounceReason.BLOCKED);
    }

    @Test
    void exchangeRecipientNotFoundIsHard() {
        BounceRecord x = singleSample("mta/exchange.eml");
        assertThat(x.recipient()).isEqualTo("left.company@corp.test");
        assertThat(x.bounceClass()).isEqualTo(BounceClass.HARD);
        assertThat(x.reason()).isEqualTo(BounceReason.USER_UNKNOWN);
        assertThat(x.originalMessageId()).isEqualTo("send-5@sender.test");
    }

    @Test
    void gmailDmarcRejectionIsBlockedAlthoughHeadedAddressNotFound() {
        BounceRecord x = singleSample("mta/gmail-dmarc.eml");
        assertThat(x.recipient()).isEqualTo("reader@gmail.test");
        assertThat(x.status()).isEqualTo("5.7.26");
        assertThat(x.bounceClass()).isEqualTo(BounceClass.BLOCKED);
        assertThat(x.reason()).isEqualTo(BounceReason.AUTH_FAILURE);
    }

    @Test
    void providerJsonBounceIsReadPerRecipient() {
        BounceRecord x = singleSample("provider/ses-bounce.eml");
        assertThat(x.recipient()).isEqualTo("missing@dest.test");
        assertThat(x.status()).isEqualTo("5.1.1");
        assertThat(x.bounceClass()).isEqualTo(BounceClass.HARD);
        assertThat(x.originalMessageId()).isEqualTo("0100abc");
    }

    @Test
    void providerJsonComplaintIsAComplaint() {
        BounceRecord x = singleSample("provider/ses-complaint.eml");
        assertThat(x.recipient()).isEqualTo("angry@dest.test");
        assertThat(x.bounceClass()).isEqualTo(BounceClass.COMPLAINT);
        assertThat(x.feedbackType()).isEqualTo("abuse");
    }
}
