package org.herald.bounces.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.herald.bounce.BounceClass;
import org.herald.bounce.BounceReason;
import org.herald.bounce.BounceRecord;
import org.junit.jupiter.api.Test;

/** Provider notifications (JSON in a mail) read with Herald's Jackson configuration. */
class ProviderJsonTest extends ClassifierTestSupport {

    private static final String HEAD = "From: AWS Notifications <no-reply@sns.amazonaws.com>\n"
            + "To: ops@sender.test\nSubject: AWS Notification Message\nContent-Type: text/plain; charset=UTF-8\n\n";
    private static final String FOOTER = "\n\n--\nIf you wish to stop receiving notifications from this topic, click below.\n";

    @Test
    void lineBrokenByTheMailTransportInsideAStringIsStillRead() {
        BounceRecord x = singleText(HEAD + "{\"notificationType\":\"Bounce\",\"bounce\":{\"bounceType\":\"Permanent\","
                + "\"bouncedRecipients\":[{\"emailAddress\":\"gone@dest.test\",\"status\":\"5.1.1\","
                + "\"diagnosticCode\":\"smtp; 550 5.1.1 user unknown\"}]},\"mail\":{\"messageId\":\"0100x\","
                + "\"headers\":[{\"name\":\"!\n Content-Transfer-Encoding\",\"value\":\"base64\"}]}}" + FOOTER);
        assertThat(x.recipient()).isEqualTo("gone@dest.test");
        assertThat(x.replyCode()).isEqualTo(550);
        assertThat(x.bounceClass()).isEqualTo(BounceClass.HARD);
        assertThat(x.originalMessageId()).isEqualTo("0100x");
    }

    @Test
    void escapedCharactersInTheDiagnosticAreDecoded() {
        BounceRecord x = singleText(HEAD + "{\"eventType\":\"Bounce\",\"bounce\":{\"bounceType\":\"Permanent\","
                + "\"bouncedRecipients\":[{\"emailAddress\":\"q@dest.test\",\"status\":\"5.1.1\","
                + "\"diagnosticCode\":\"smtp; 550 5.1.1 \\\"q\\\" unknown\\n here\"}]}}");
        assertThat(x.diagnostic()).isEqualTo("smtp; 550 5.1.1 \"q\" unknown here");
    }

    @Test
    void deliveryNotificationGivesADeliveredRecordPerRecipient() {
        assertThat(text(HEAD + "{\"notificationType\":\"Delivery\",\"mail\":{\"messageId\":\"m1\"},"
                + "\"delivery\":{\"recipients\":[\"a@dest.test\",\"b@dest.test\"]}}"))
                .extracting(BounceRecord::recipient, BounceRecord::bounceClass)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a@dest.test", BounceClass.DELIVERED),
                        org.assertj.core.groups.Tuple.tuple("b@dest.test", BounceClass.DELIVERED));
    }

    @Test
    void transientBounceWithoutDiagnosticTakesItsReasonFromTheSubType() {
        BounceRecord x = singleText(HEAD + "{\"notificationType\":\"Bounce\",\"bounce\":{\"bounceType\":\"Transient\","
                + "\"bounceSubType\":\"MailboxFull\",\"bouncedRecipients\":[{\"emailAddress\":\"full@dest.test\"}]}}");
        assertThat(x.reason()).isEqualTo(BounceReason.MAILBOX_FULL);
    }

    @Test
    void brokenJsonIsNotReadAsANotification() {
        assertThat(text(HEAD + "{\"notificationType\":\"Bounce\",\"bounce\":{\"bouncedRecipients\":[{\"emailAddress\":"))
                .noneMatch(r -> r.recipient() != null && r.recipient().contains("dest.test"));
    }
}
