package org.herald.bounces.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.herald.bounce.BounceClass;
import org.herald.bounce.BounceReason;
import org.herald.bounce.BounceRecord;
import org.junit.jupiter.api.Test;

/**
 * "User unknown" words are HARD only when the SMTP stage or the status code confirms that the
 * address itself was refused; refusals before RCPT TO are BLOCKED; weak evidence is not HARD.
 * Synthetic messages, written here.
 */
class StageWeighingTest extends ClassifierTestSupport {

    /** A Postfix-style report: a text part with the given paragraph and a DSN block with the given fields. */
    private static String dsn(String paragraph, String block) {
        return """
                From: MAILER-DAEMON@relay.sender.test (Mail Delivery System)
                To: news@sender.test
                Subject: Undelivered Mail Returned to Sender
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="b1"

                --b1
                Content-Type: text/plain

                This is the mail system at host relay.sender.test.

                I'm sorry to have to inform you that your message could not
                be delivered to one or more recipients.

                """ + paragraph + """


                --b1
                Content-Type: message/delivery-status

                Reporting-MTA: dns; relay.sender.test

                """ + block + """

                --b1
                Content-Type: text/rfc822-headers

                From: news@sender.test
                To: someone@dest.test
                Message-ID: <send-9@sender.test>
                Subject: News

                --b1--
                """;
    }

    @Test
    void mailboxStatusWithUserUnknownInReplyToRcptIsHard() {
        BounceRecord r = singleText(dsn("""
                <gone@dest.test>: host mx.dest.test[192.0.2.1] said: 550 5.2.1
                    <gone@dest.test>... User Unknown (in reply to RCPT
                    TO command)""", """
                Final-Recipient: rfc822; gone@dest.test
                Action: failed
                Status: 5.2.1
                Remote-MTA: dns; mx.dest.test
                Diagnostic-Code: smtp; 550 5.2.1 <gone@dest.test>... User Unknown"""));
        assertThat(r.recipient()).isEqualTo("gone@dest.test");
        assertThat(r.reason()).isEqualTo(BounceReason.USER_UNKNOWN);
        assertThat(r.bounceClass()).isEqualTo(BounceClass.HARD);
    }

    @Test
    void userUnknownWordsWithoutStageOrAddressStatusAreUnconfirmedHard() {
        BounceRecord r = singleText(dsn("""
                <maybe@dest.test>: host mx.dest.test[192.0.2.1] said: 550
                    <maybe@dest.test>... User Unknown""", """
                Final-Recipient: rfc822; maybe@dest.test
                Action: failed
                Status: 5.0.0
                Remote-MTA: dns; mx.dest.test
                Diagnostic-Code: smtp; 550 <maybe@dest.test>... User Unknown"""));
        assertThat(r.reason()).isEqualTo(BounceReason.USER_UNKNOWN);
        assertThat(r.bounceClass()).isEqualTo(BounceClass.HARD);
        assertThat(r.unconfirmed()).as("words alone, no X.1.x status, no stage").isTrue();
    }

    @Test
    void userUnknownWordsUnderAPolicyStatusAreFiltered() {
        BounceRecord r = singleText(dsn("""
                <maybe@dest.test>: host mx.dest.test[192.0.2.1] said: 550 5.7.1
                    <maybe@dest.test>: Recipient address rejected: User unknown""", """
                Final-Recipient: rfc822; maybe@dest.test
                Action: failed
                Status: 5.7.1
                Remote-MTA: dns; mx.dest.test
                Diagnostic-Code: smtp; 550 5.7.1 <maybe@dest.test>: Recipient address rejected: User unknown"""));
        assertThat(r.reason()).isEqualTo(BounceReason.FILTERED);
        assertThat(r.bounceClass()).isEqualTo(BounceClass.BLOCKED);
        assertThat(r.unconfirmed()).isFalse();
    }

    @Test
    void userUnknownWordsAfterDataAreFiltered() {
        BounceRecord r = singleText(dsn("""
                <maybe@dest.test>: host mx.dest.test[192.0.2.1] said: 550 <maybe@dest.test>...
                    User unknown (in reply to end of DATA command)""", """
                Final-Recipient: rfc822; maybe@dest.test
                Action: failed
                Status: 5.0.0
                Remote-MTA: dns; mx.dest.test
                Diagnostic-Code: smtp; 550 <maybe@dest.test>... User unknown"""));
        assertThat(r.reason()).isEqualTo(BounceReason.FILTERED);
        assertThat(r.bounceClass()).isEqualTo(BounceClass.BLOCKED);
    }

    @Test
    void anAddressStatusConfirmsUserUnknownWords() {
        BounceRecord r = singleText(dsn("""
                <gone@dest.test>: host mx.dest.test[192.0.2.1] said: 550 5.1.10
                    RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup""", """
                Final-Recipient: rfc822; gone@dest.test
                Action: failed
                Status: 5.1.10
                Remote-MTA: dns; mx.dest.test
                Diagnostic-Code: smtp; 550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup"""));
        assertThat(r.reason()).isEqualTo(BounceReason.USER_UNKNOWN);
        assertThat(r.bounceClass()).isEqualTo(BounceClass.HARD);
        assertThat(r.unconfirmed()).isFalse();
    }

    @Test
    void moreWordingsOfARejectionAtRcptConfirmTheAddress() {
        assertThat(Reasons.stage("SMTP:RCPT host 192.0.2.8: 553 5.3.0 <gone@dest.test>... No such user here"))
                .isEqualTo(Reasons.Stage.RCPT);
        assertThat(Reasons.stage("Sorry, no SMTP connection got far enough; most progress was RCPT TO response; "
                + "remote host 192.0.2.3 said: 550 Unknown user gone@dest.test")).isEqualTo(Reasons.Stage.RCPT);
        assertThat(Reasons.stage("mx.dest.test [192.0.2.25] did not like our RCPT TO: 521 5.3.2 <gone@dest.test>"))
                .isEqualTo(Reasons.Stage.RCPT);
    }

    @Test
    void replyCodesOfRfc7504MeanTheHostAcceptsNoMail() {
        assertThat(Reasons.infer("5.3.2", 521, "521 5.3.2 System not accepting network messages"))
                .isEqualTo(BounceReason.NOT_ACCEPT);
        assertThat(Reasons.infer("5.1.10", 556, "556 5.1.10 Recipient address has null MX"))
                .isEqualTo(BounceReason.NOT_ACCEPT);
    }

    @Test
    void aFailedLocalDeliveryAgentIsAMailerErrorAndNotListedInADirectoryIsNoBlockList() {
        assertThat(Reasons.fromText("procmail: Couldn't create \"/var/spool/mail/someone\" id: host: No such user"))
                .isEqualTo(BounceReason.MAILER_ERROR);
        assertThat(Reasons.fromText("User some.name (gone@dest.test) not listed in Domino Directory"))
                .isEqualTo(BounceReason.USER_UNKNOWN);
        assertThat(Reasons.fromText("Client host 192.0.2.1 listed in zen.spamhaus.org")).isEqualTo(BounceReason.BLOCKED);
    }

    @Test
    void aRateLimitUnderAMailboxStatusIsSoftNotADisabledMailbox() {
        BounceRecord r = singleText(dsn("""
                <busy@dest.test>: host mx.dest.test[192.0.2.1] said: 550 5.2.1 The user
                    you are trying to contact is receiving mail at a rate that prevents
                    additional messages from being delivered (in reply to end of DATA command)""", """
                Final-Recipient: rfc822; busy@dest.test
                Action: failed
                Status: 5.2.1
                Diagnostic-Code: smtp; 550 5.2.1 The user you are trying to contact is receiving mail at a rate that
                    prevents additional messages from being delivered"""));
        assertThat(r.reason()).isEqualTo(BounceReason.SPEEDING);
        assertThat(r.bounceClass()).isEqualTo(BounceClass.SOFT);
    }

    @Test
    void aBrokenNameServerReplyIsANetworkErrorNotAnUnknownHost() {
        BounceRecord r = singleText(dsn("""
                <someone@dest.test>: Name service error for name=dest.test type=MX: Malformed
                    or unexpected name server reply""", """
                Final-Recipient: rfc822; someone@dest.test
                Action: failed
                Status: 5.4.4
                Diagnostic-Code: X-Postfix; Name service error for name=dest.test type=MX: Malformed or
                    unexpected name server reply"""));
        assertThat(r.reason()).isEqualTo(BounceReason.NETWORK_ERROR);
        assertThat(r.bounceClass()).isEqualTo(BounceClass.SOFT);
    }

    @Test
    void anInvalidFromDomainRefusesTheSenderNotTheRecipient() {
        BounceRecord r = singleText(dsn("""
                <someone@dest.test>: host mx.dest.test[192.0.2.1] said: 550 5.2.0 From: Domain is
                    invalid. Please provide a valid From: (in reply to end of DATA command)""", """
                Final-Recipient: rfc822; someone@dest.test
                Action: failed
                Status: 5.2.0
                Diagnostic-Code: smtp; 550 5.2.0 From: Domain is invalid. Please provide a valid From:"""));
        assertThat(r.reason()).isEqualTo(BounceReason.REJECTED);
        assertThat(r.bounceClass()).isEqualTo(BounceClass.BLOCKED);
    }

    @Test
    void addressStatusMakesUserUnknownHardWithoutStage() {
        BounceRecord r = singleText(dsn("""
                <gone@dest.test>: host mx.dest.test[192.0.2.1] said: 550 5.1.1
                    <gone@dest.test>... User Unknown""", """
                Final-Recipient: rfc822; gone@dest.test
                Action: failed
                Status: 5.1.1
                Remote-MTA: dns; mx.dest.test
                Diagnostic-Code: smtp; 550 5.1.1 <gone@dest.test>... User Unknown"""));
        assertThat(r.bounceClass()).isEqualTo(BounceClass.HARD);
    }

    @Test
    void userUnknownAfterEndOfDataIsAFilter() {
        BounceRecord r = singleText("""
                From: Mail Delivery System <Mailer-Daemon@relay.sender.test>
                To: news@sender.test
                Subject: Mail delivery failed: returning message to sender
                X-Failed-Recipients: someone@dest.test

                This message was created automatically by mail delivery software.

                A message that you sent could not be delivered to one or more of its
                recipients. This is a permanent error. The following address(es) failed:

                  someone@dest.test
                    SMTP error from remote mail server after end of data:
                    host mx.dest.test [192.0.2.1]: 550 Unknown user someone@dest.test

                ------ This is a copy of the message, including all the headers. ------
                """);
        assertThat(r.recipient()).isEqualTo("someone@dest.test");
        assertThat(r.reason()).isEqualTo(BounceReason.FILTERED);
        assertThat(r.bounceClass()).isEqualTo(BounceClass.BLOCKED);
    }

    @Test
    void qmailDoesNotLikeRecipientIsTheRcptStage() {
        BounceRecord r = singleText("""
                From: MAILER-DAEMON@relay.sender.test
                To: news@sender.test
                Subject: failure notice

                Hi. This is the qmail-send program at relay.sender.test.
                I'm afraid I wasn't able to deliver your message to the following addresses.
                This is a permanent error; I've given up. Sorry it didn't work out.

                <gone@dest.test>:
                192.0.2.1 does not like recipient.
                Remote host said: 550 sorry, no mailbox here by that name
                Giving up on 192.0.2.1.

                --- Below this line is a copy of the message.
                """);
        assertThat(r.recipient()).isEqualTo("gone@dest.test");
        assertThat(r.reason()).isEqualTo(BounceReason.USER_UNKNOWN);
        assertThat(r.bounceClass()).isEqualTo(BounceClass.HARD);
    }

    @Test
    void pipelinedSendmailTranscriptProvesNoStage() {
        BounceRecord r = singleText("""
                From: Mail Delivery Subsystem <MAILER-DAEMON@relay.sender.test>
                To: news@sender.test
                Subject: Returned mail: see transcript for details

                The original message was received at Mon, 1 Jan 2024 10:00:00 +0000

                   ----- The following addresses had permanent fatal errors -----
                <someone@dest.test>
                    (reason: 550 5.0.0 <someone@dest.test>... User unknown)

                   ----- Transcript of session follows -----
                ... while talking to mx.dest.test.:
                >>> DATA
                <<< 550 5.0.0 <someone@dest.test>... User unknown
                550 5.1.1 <someone@dest.test>... User unknown
                <<< 503 5.0.0 Need RCPT (recipient)
                """);
        assertThat(r.recipient()).isEqualTo("someone@dest.test");
        assertThat(r.bounceClass() != BounceClass.HARD || r.unconfirmed()).as("not a confirmed HARD: %s", r).isTrue();
    }

    @Test
    void userUnknownRefusedAtMailFromIsBlocked() {
        BounceRecord r = singleText("""
                From: Mail Delivery System <Mailer-Daemon@relay.sender.test>
                To: news@sender.test
                Subject: Mail delivery failed: returning message to sender

                This message was created automatically by mail delivery software.

                A message that you sent could not be delivered to one or more of its
                recipients. This is a permanent error. The following address(es) failed:

                  someone@dest.test
                    SMTP error from remote mail server after MAIL FROM:<news@sender.test> SIZE=1234:
                    host mx.dest.test [192.0.2.1]: 550 5.1.1 sender user unknown here

                ------ This is a copy of the message, including all the headers. ------
                """);
        assertThat(r.bounceClass()).isEqualTo(BounceClass.BLOCKED);
    }

    @Test
    void reportingSystemWithoutRemoteMtaSpeaksFirstHandOfItsMailbox() {
        BounceRecord r = singleText(dsn("""
                Your message wasn't delivered to gone@dest.test because the address couldn't be found.""", """
                Final-Recipient: rfc822; gone@dest.test
                Action: failed
                Status: 5.0.0"""));
        assertThat(r.recipient()).isEqualTo("gone@dest.test");
        assertThat(r.reason()).isEqualTo(BounceReason.USER_UNKNOWN);
        assertThat(r.bounceClass()).isEqualTo(BounceClass.HARD);
    }

    @Test
    void relayedNoSuchUserWithoutStageIsUnconfirmed() {
        BounceRecord r = singleText(dsn("""
                gone@dest.test
                Reason: 550 gone@dest.test... No such user""", """
                Final-Recipient: rfc822; gone@dest.test
                Action: failed
                Status: 5.0.0
                Remote-MTA: dns; mx.dest.test
                Diagnostic-Code: smtp; 550 gone@dest.test... No such user"""));
        assertThat(r.bounceClass()).isEqualTo(BounceClass.HARD);
        assertThat(r.unconfirmed()).isTrue();
    }

    @Test
    void mailingListLoopAlertIsATemporaryFailure() {
        BounceRecord x = singleText("""
                From: list-admin@lists.dest.test
                To: list-admin@lists.dest.test
                Subject: Loop Alert: Duplicated Message-ID (news list)

                Duplicated Message-ID in <member@dest.test>.

                """);
        assertThat(x.recipient()).isEqualTo("member@dest.test");
        assertThat(x.bounceClass()).isEqualTo(BounceClass.SOFT);
    }

    @Test
    void stageIsReadFromEachFamilysWording() {
        assertThat(Reasons.stage("550 5.1.1 <a@b.test>: User unknown (in reply to RCPT\n    TO command)"))
                .isEqualTo(Reasons.Stage.RCPT);
        assertThat(Reasons.stage("SMTP error from remote mail server after RCPT TO:<a@b.test>:")).isEqualTo(Reasons.Stage.RCPT);
        assertThat(Reasons.stage("SMTP error from remote mail server after end of data:")).isEqualTo(Reasons.Stage.DATA);
        assertThat(Reasons.stage("550 5.2.1 <a@b.test>... User Unknown\n[RCPT_TO]")).isEqualTo(Reasons.Stage.RCPT);
        assertThat(Reasons.stage("Connected to 192.0.2.1 but sender was rejected.")).isEqualTo(Reasons.Stage.MAIL);
        assertThat(Reasons.stage("192.0.2.1 failed after I sent the message.")).isEqualTo(Reasons.Stage.DATA);
        assertThat(Reasons.stage(">>> RCPT To:<a@b.test>\n<<< 550 5.1.1 User unknown")).isEqualTo(Reasons.Stage.RCPT);
        assertThat(Reasons.stage("Please do not reply to mail from this address.")).isNull();
        assertThat(Reasons.stage("550 User unknown")).isNull();
    }
}
