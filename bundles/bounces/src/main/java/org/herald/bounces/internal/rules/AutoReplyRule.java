package org.herald.bounces.internal.rules;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.herald.bounce.BounceClass;
import org.herald.bounce.BounceReason;
import org.herald.bounce.BounceRecord;
import org.herald.bounce.spi.BounceMessage;
import org.herald.bounce.spi.BounceRule;
import org.herald.bounce.spi.RuleOutcome;
import org.herald.bounces.internal.Signals;
import org.herald.bounces.internal.Text;

/**
 * Vacation notices and other automatic replies (RFC 3834): {@code Auto-Submitted: auto-replied},
 * {@code X-Autoreply}, {@code X-Autorespond}, {@code Precedence: auto_reply}, Microsoft's
 * {@code X-Auto-Response-Suppress} with an auto-reply subject, and subject or body conventions in
 * several languages. A message that looks like a bounce is left to the bounce rules. The record's
 * recipient is the address that replied.
 */
public final class AutoReplyRule implements BounceRule {

    private static final Pattern SUBJECT = Pattern.compile(
            "^(auto(matic)?[ -]?(reply|response|answer)|auto:|autoreply|out of (the )?office|ooo\\b|on vacation|vacation"
                    + "|away from|abwesenheit|automatische antwort|r[ée]ponse automatique|absence|respuesta autom[aá]tica"
                    + "|fuera de la oficina|risposta automatica|fuori sede|automatisch antwoord|afwezig|autosvar|automaattinen"
                    + "|resposta autom[aá]tica|fora do escrit|自動応答|自動返信|不在|自动回复|автоответ|автоматический ответ)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BODY = Pattern.compile(
            "out of (the )?office|on (vacation|holiday|leave|annual leave|parental leave)|away from (the|my) (office|desk)"
                    + "|limited access to (my )?e-?mail|i will (be back|return)|i am (currently )?(away|out)|abwesend"
                    + "|bin (ab|bis) .{0,40}(zurück|wieder)|je suis absent|en cong[ée]|estoy fuera|ausente|sono assente"
                    + "|afwezig|不在|休暇|auto-?reply|automatic reply",
            Pattern.CASE_INSENSITIVE);

    @Override
    public String name() {
        return "rfc3834";
    }

    @Override
    public RuleOutcome apply(BounceMessage m) {
        if (Signals.looksLikeBounce(m) || m.fromAddress().isEmpty()) {
            return RuleOutcome.decline();
        }
        String autoSubmitted = m.headers().get("Auto-Submitted").toLowerCase(Locale.ROOT);
        String precedence = m.headers().get("Precedence").toLowerCase(Locale.ROOT)
                + m.headers().get("X-Precedence").toLowerCase(Locale.ROOT);
        boolean header = autoSubmitted.startsWith("auto-replied")
                || m.headers().has("X-Autoreply") || m.headers().has("X-Autorespond")
                || m.headers().has("X-Autoreply-From") || m.headers().has("X-Mail-Autoreply")
                || precedence.contains("auto_reply") || precedence.contains("auto-reply");
        boolean subject = SUBJECT.matcher(m.subject().trim()).find();
        boolean machine = autoSubmitted.startsWith("auto-") || m.headers().has("X-Auto-Response-Suppress")
                || precedence.contains("bulk") || precedence.contains("junk")
                || m.headers().get("Return-Path").replaceAll("[<>\\s]", "").isEmpty() && m.headers().has("Return-Path");
        boolean body = BODY.matcher(m.text().length() > 4000 ? m.text().substring(0, 4000) : m.text()).find();
        if (!(header || subject && (machine || body) || machine && body)) {
            return RuleOutcome.decline();
        }
        return RuleOutcome.records(List.of(BounceRecord.builder().recipient(m.fromAddress())
                .reason(BounceReason.VACATION).bounceClass(BounceClass.AUTOREPLY)
                .diagnostic(Text.oneLine(m.subject())).build()));
    }
}
