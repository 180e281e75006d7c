package org.herald.bounces.internal;

import java.util.Locale;
import java.util.regex.Pattern;

import org.herald.bounce.spi.BounceMessage;

/** Whether a message presents itself as a delivery failure report. */
public final class Signals {

    private static final Pattern FAILURE_SUBJECT = Pattern.compile(
            "undeliver|undelivered|failure delivery|not (be )?delivered|delivery (status|failure|failed|has failed|problem|report|notification)"
                    + "|returned mail|returned to sender|failure notice|mail delivery|delivery error|non.?delivery"
                    + "|could not (be )?deliver|couldn't (be )?deliver|unable to deliver|mail system error|message rejected"
                    + "|rejected:|bounce|unzustellbar|nicht zustellbar|non remis|non distribu|no entregado|no se pudo entregar"
                    + "|non recapitat|onbestelbaar|niet bezorgd|olevererbar|返送|配信|送信できません|未送达|退信|не доставлено"
                    + "|delivery.{0,20}(delayed|warning)|warning: could not send|message delivery has failed|mail fail"
                    // mailing list managers report a message they refused as a mail loop
                    + "|loop alert|mail loop detected",
            Pattern.CASE_INSENSITIVE);

    private Signals() {
    }

    /** From a mail system (MAILER-DAEMON, postmaster, "Mail Delivery …"). */
    public static boolean fromMailSystem(BounceMessage m) {
        String from = m.fromAddress();
        String name = m.fromName().toLowerCase(Locale.ROOT);
        return Addresses.isSystem(from) || from.isEmpty() && m.headers().get("From").toLowerCase(Locale.ROOT).contains("mailer-daemon")
                || name.contains("mail delivery") || name.contains("mailer-daemon") || name.contains("postmaster")
                || name.contains("mail administrator") || name.contains("delivery subsystem")
                || name.contains("delivery system") || m.headers().get("From").toLowerCase(Locale.ROOT).contains("mailer-daemon");
    }

    /** A subject that speaks of a delivery failure. */
    public static boolean failureSubject(BounceMessage m) {
        return FAILURE_SUBJECT.matcher(m.subject()).find();
    }

    /** Any sign that this is a bounce rather than ordinary mail or an auto-reply. */
    public static boolean looksLikeBounce(BounceMessage m) {
        return m.deliveryStatus().isPresent() || m.headers().has("X-Failed-Recipients")
                || "delivery-status".equals(m.reportType()) || failureSubject(m)
                || fromMailSystem(m);
    }
}
