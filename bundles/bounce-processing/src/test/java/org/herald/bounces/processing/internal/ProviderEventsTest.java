package org.herald.bounces.processing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.herald.bounce.BounceClass;
import org.herald.bounce.BounceDisposition;
import org.herald.bounce.ProcessedBounce;
import org.herald.campaigns.MessageStatus;
import org.herald.common.ValidationException;
import org.herald.contacts.Contact;
import org.herald.contacts.OptInStatus;
import org.herald.store.MessageStore.MessageRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Provider webhook notifications (SES, SendGrid, Mailgun, Postmark) through the processor, on real Derby. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProviderEventsTest {

    private BounceBed b;

    @BeforeAll
    void setUp() {
        b = new BounceBed();
    }

    @AfterAll
    void tearDown() {
        b.close();
    }

    private List<ProcessedBounce> post(String provider, String json) {
        return b.processor.processProviderEvents(provider, json.getBytes(StandardCharsets.UTF_8));
    }

    /** The SES notification as SNS posts it: its JSON as the Message string. */
    private static String sns(String sesNotification) {
        return "{\"Type\":\"Notification\",\"MessageId\":\"sns-1\",\"TopicArn\":\"arn:aws:sns:eu-west-1:1:bounces\","
                + "\"Message\":" + com.fasterxml.jackson.databind.node.TextNode.valueOf(sesNotification) + "}";
    }

    @Test
    void anSesPermanentBounceThroughSnsIsMatchedByTheEnvelopeTokenAndMakesTheContactInactiveOnce() {
        Contact ann = b.contact("ann.ses@dest.test");
        MessageRecord m = b.sent(ann);
        String ses = """
                {"notificationType":"Bounce","bounce":{"feedbackId":"fb-%d","bounceType":"Permanent","bounceSubType":"General",
                 "bouncedRecipients":[{"emailAddress":"ann.ses@dest.test","action":"failed","status":"5.1.1",
                 "diagnosticCode":"smtp; 550 5.1.1 user unknown"}],"timestamp":"2026-11-02T08:00:00.000Z"},
                 "mail":{"messageId":"ses-%d","source":"%s","destination":["ann.ses@dest.test"],
                 "headers":[{"name":"Message-ID","value":"%s"}]}}
                """.formatted(m.id(), m.id(), b.bounceAddress(m), BounceBed.messageId(m));
        List<ProcessedBounce> r = post("ses", sns(ses));

        assertThat(r).singleElement().satisfies(p -> {
            assertThat(p.disposition()).isEqualTo(BounceDisposition.APPLIED);
            assertThat(p.key()).isEqualTo("ses:fb-" + m.id());
            assertThat(p.bounces().get(0).bounceClass()).isEqualTo(BounceClass.HARD);
            assertThat(p.bounces().get(0).matchedBy()).isEqualTo("token");
            assertThat(p.bounces().get(0).source()).isEqualTo("webhook:ses");
        });
        assertThat(b.status(ann.id())).isEqualTo(OptInStatus.INACTIVE);
        assertThat(b.bed.stores.messages().find(m.id()).status()).isEqualTo(MessageStatus.UF);
        assertThat(post("ses", sns(ses))).singleElement()
                .satisfies(p -> assertThat(p.disposition()).isEqualTo(BounceDisposition.DUPLICATE));
    }

    @Test
    void anSesComplaintUnsubscribesAndASubscriptionConfirmationDoesNothing() {
        Contact bo = b.contact("bo.ses@dest.test");
        post("ses", """
                {"notificationType":"Complaint","complaint":{"feedbackId":"c-bo","complaintFeedbackType":"abuse",
                 "complainedRecipients":[{"emailAddress":"bo.ses@dest.test"}]},"mail":{"messageId":"m-bo"}}
                """);
        assertThat(b.status(bo.id())).isEqualTo(OptInStatus.UNSUBSCRIBED);
        assertThat(post("ses", "{\"Type\":\"SubscriptionConfirmation\",\"SubscribeURL\":\"https://sns.example/confirm\"}"))
                .isEmpty();
    }

    @Test
    void sendgridEventsBounceBlockSpamReportAndIgnoreDeliveries() {
        Contact hard = b.contact("hard.sg@dest.test");
        Contact blocked = b.contact("blocked.sg@dest.test");
        Contact spam = b.contact("spam.sg@dest.test");
        Contact fine = b.contact("fine.sg@dest.test");
        List<ProcessedBounce> r = post("sendgrid", """
                [{"email":"hard.sg@dest.test","event":"bounce","type":"bounce","status":"5.1.1",
                  "reason":"550 5.1.1 The email account that you tried to reach does not exist","sg_event_id":"sg-1",
                  "smtp-id":"<x1@sendgrid>"},
                 {"email":"blocked.sg@dest.test","event":"bounce","type":"blocked","status":"5.7.1",
                  "reason":"554 5.7.1 blocked using zen.spamhaus.org","sg_event_id":"sg-2"},
                 {"email":"spam.sg@dest.test","event":"spamreport","sg_event_id":"sg-3"},
                 {"email":"fine.sg@dest.test","event":"delivered","sg_event_id":"sg-4"}]
                """);
        assertThat(r).hasSize(3).allSatisfy(p -> assertThat(p.disposition()).isEqualTo(BounceDisposition.APPLIED));
        assertThat(b.status(hard.id())).isEqualTo(OptInStatus.INACTIVE);
        assertThat(b.status(blocked.id())).isEqualTo(OptInStatus.CONFIRMED);
        assertThat(r.get(1).bounces().get(0).bounceClass()).isEqualTo(BounceClass.BLOCKED);
        assertThat(b.status(spam.id())).isEqualTo(OptInStatus.UNSUBSCRIBED);
        assertThat(b.status(fine.id())).isEqualTo(OptInStatus.CONFIRMED);
    }

    @Test
    void mailgunPermanentAndTemporaryFailuresAndComplaints() {
        Contact perm = b.contact("perm.mg@dest.test");
        Contact temp = b.contact("temp.mg@dest.test");
        Contact compl = b.contact("compl.mg@dest.test");
        post("mailgun", """
                {"signature":{"timestamp":"1","token":"t","signature":"s"},"event-data":{"id":"mg-1","event":"failed",
                 "severity":"permanent","recipient":"perm.mg@dest.test","reason":"bounce",
                 "delivery-status":{"code":550,"enhanced-code":"5.1.1","message":"550 5.1.1 No such user","description":""},
                 "message":{"headers":{"message-id":"abc@mg.test"}}}}
                """);
        List<ProcessedBounce> soft = post("mailgun", """
                {"event-data":{"id":"mg-2","event":"failed","severity":"temporary","recipient":"temp.mg@dest.test",
                 "delivery-status":{"code":452,"enhanced-code":"4.2.2","message":"452 4.2.2 Mailbox full"}}}
                """);
        post("mailgun", """
                {"event-data":{"id":"mg-3","event":"complained","recipient":"compl.mg@dest.test"}}
                """);
        assertThat(b.status(perm.id())).isEqualTo(OptInStatus.INACTIVE);
        assertThat(soft.get(0).bounces().get(0).bounceClass()).isEqualTo(BounceClass.SOFT);
        assertThat(soft.get(0).bounces().get(0).replyCode()).isEqualTo(452);
        assertThat(b.status(temp.id())).isEqualTo(OptInStatus.CONFIRMED);
        assertThat(b.status(compl.id())).isEqualTo(OptInStatus.UNSUBSCRIBED);
    }

    @Test
    void postmarkHardBounceAndSpamComplaint() {
        Contact hard = b.contact("hard.pm@dest.test");
        Contact spam = b.contact("spam.pm@dest.test");
        post("postmark", """
                {"RecordType":"Bounce","ID":4323372036854775807,"Type":"HardBounce","TypeCode":1,"Name":"Hard bounce",
                 "MessageID":"883953f4-6105-42a2-a16a-77a8eac79483","Email":"hard.pm@dest.test",
                 "Description":"The server was unable to deliver your message (ex: unknown user, mailbox not found).",
                 "Details":"smtp;550 5.1.1 The email account that you tried to reach does not exist."}
                """);
        post("postmark", """
                {"RecordType":"SpamComplaint","ID":42,"Type":"SpamComplaint","Email":"spam.pm@dest.test"}
                """);
        assertThat(b.status(hard.id())).isEqualTo(OptInStatus.INACTIVE);
        assertThat(b.processor.list(BounceClass.HARD, hard.id(), 0, 10)).singleElement()
                .satisfies(x -> assertThat(x.status()).isEqualTo("5.1.1"));
        assertThat(b.status(spam.id())).isEqualTo(OptInStatus.UNSUBSCRIBED);
    }

    @Test
    void anUnreadableBodyOrAnUnknownProviderIsRefused() {
        assertThatThrownBy(() -> post("ses", "not json")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> post("sparkpost", "{}")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("unknown provider");
    }
}
