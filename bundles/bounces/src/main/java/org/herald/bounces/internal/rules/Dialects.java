package org.herald.bounces.internal.rules;

import static org.herald.bounce.BounceReason.*;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.herald.bounce.spi.BounceMessage;
import org.herald.bounces.internal.PhraseIndex;
import org.herald.bounces.internal.Signals;

/**
 * Herald's plain-text dialects of mail systems that do not send RFC 3464 reports (or send one that
 * says less than their text). Each is recognised by the wording its software uses, not by host names.
 */
public final class Dialects {

    private Dialects() {
    }

    private static Pattern p(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);
    }

    /** The recognising phrases of every dialect, answered through one literal prefilter. */
    private static final PhraseIndex RECOGNISE = new PhraseIndex(Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);

    private static int recognise(String regex) {
        return RECOGNISE.add(PhraseIndex.alternatives(regex));
    }

    /** Whether the first 20,000 characters of the text hold one of the dialect's phrases. */
    private static boolean has(BounceMessage m, int dialect) {
        return RECOGNISE.matches(dialect, m.text(), 20000);
    }

    private static final int GOOGLE_GROUPS = recognise("groups\\.google\\.com|group you tried to contact");
    private static final int EXIM = recognise("this message was created automatically by mail delivery software|"
            + "the following address(?:\\(es\\)|es)? failed|could not be delivered to one or more (?:of its )?recipients");
    private static final int QMAIL = recognise("this is the qmail-send program|i'm afraid i wasn't able to deliver your message|"
            + "unable to deliver (?:your )?message to the following address|^remote host said:");
    private static final int SENDMAIL = recognise("-{3,} ?the following addresses had (?:permanent fatal errors|transient non-fatal errors)|"
            + "-{3,} ?transcript of session follows|^the original message was received at");
    private static final int POSTFIX = recognise("this is the (?:postfix|mail system) program at host|i'm sorry to have to inform you that your message could not");
    private static final int EXCHANGE = recognise("did not reach the following recipient|delivery has failed to these recipients|"
            + "your message (?:to .{1,200} )?couldn't be delivered|diagnostic information for administrators|"
            + "remote server returned '|the following recipient\\(s\\) could not be reached|"
            + "your message did not reach some or all of the intended recipients");
    private static final int GOOGLE = recognise("delivery to the following recipients? (?:failed|has been delayed)|"
            + "technical details of (?:permanent|temporary) failure|google tried to deliver your message|"
            + "the response from the remote server was|your message wasn't delivered to");
    private static final String NOTES = "-{3,} ?failure reasons ?-{3,}";
    private static final int NOTES_ID = recognise(NOTES);
    private static final int OPENSMTPD = recognise("an error has occurred while attempting to deliver a message for|this is the mailer-daemon, please do not reply");

    static {
        RECOGNISE.build();
    }

    /** All dialects, most specific first. */
    public static List<TextBounceRule> all() {
        return List.of(
                new TextBounceRule("google-groups", m -> has(m, GOOGLE_GROUPS) && Signals.looksLikeBounce(m), null, null)
                        .phrase(".", REJECTED),
                new TextBounceRule("exchange", m -> has(m, EXCHANGE), p("did not reach|delivery has failed|couldn't be delivered|could not be reached|did not reach some"),
                        p("^original message headers"))
                        // RESOLVER.ADR.* is Exchange's lookup in the recipient organisation's own directory: first-hand
                        .phrase("resolver\\.adr\\.recip(?:ient)?notfound|recipient name is not recognized|unknown recipient", USER_UNKNOWN)
                        .phrase("recipsizelimit|message size", TOO_LARGE)
                        .phrase("mailbox.{0,20}full|quota", MAILBOX_FULL),
                new TextBounceRule("google", m -> has(m, GOOGLE), p("delivery to the following|your message wasn't delivered|google tried"), null)
                        // Google words its RCPT-time "no such mailbox" (5.1.1) answer this way in its own reports
                        .phrase("address couldn't be found|address could not be found", USER_UNKNOWN),
                new TextBounceRule("exim", m -> has(m, EXIM), p("following address(?:\\(es\\)|es)? failed|could not be delivered to one or more"), null)
                        .phrase("retry timeout exceeded|retry time not reached for any host after a long failure period", EXPIRED)
                        .phrase("unrouteable address|all relevant mx records point to non-existent hosts", HOST_UNKNOWN),
                new TextBounceRule("qmail", m -> has(m, QMAIL), p("wasn't able to deliver|unable to deliver your message|^<"), null)
                        .phrase("this message has been in the queue too long", EXPIRED)
                        .phrase("couldn't find any host named|no host by that name", HOST_UNKNOWN),
                new TextBounceRule("sendmail", m -> has(m, SENDMAIL), p("-{3,} ?the following addresses had"), null),
                new TextBounceRule("postfix", m -> has(m, POSTFIX), null, null),
                new TextBounceRule("opensmtpd", m -> has(m, OPENSMTPD), p("following list of recipients"), null),
                new TextBounceRule("notes", m -> has(m, NOTES_ID), p(NOTES), p("-{3,} ?returned message")));
    }

    /** Whether the text mentions a phrase (for tests and extensions). */
    static boolean mentions(BounceMessage m, String phrase) {
        return m.text().toLowerCase(Locale.ROOT).contains(phrase);
    }
}
