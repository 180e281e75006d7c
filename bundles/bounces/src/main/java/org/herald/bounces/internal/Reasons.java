package org.herald.bounces.internal;

import static org.herald.bounce.BounceReason.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.herald.bounce.BounceClass;
import org.herald.bounce.BounceReason;

/**
 * Herald's reading of a failure: the reason from the remote server's words, else from the RFC 3463
 * status, else from the SMTP reply code; and the class that follows.
 *
 * <p>The phrase table is ordered: the first reason whose phrases match wins. Specific, unambiguous
 * causes on the sender's side (authentication, block lists, relay, spam, size) come before the
 * recipient's mailbox, so a rejection that mentions both is never read as a dead address. Phrases
 * are written from how mail systems word failures in English and a few other languages; they are
 * matched on lower-cased, whitespace-collapsed text.
 */
public final class Reasons {

    /** The phrase table: entry i of {@link #PHRASES} gives reason i of {@link #TABLE}. */
    private static final List<BounceReason> TABLE = new ArrayList<>();
    private static final PhraseIndex PHRASES = new PhraseIndex(0);

    private static void on(BounceReason reason, String... regexes) {
        TABLE.add(reason);
        PHRASES.add(regexes);
    }

    static {
        // specific phrasings that would otherwise be caught by broader entries below
        on(BAD_REPUTATION, "reputation");
        on(MAILBOX_FULL, "mailbox (size )?exceeds", "mailbox.{0,20}(is )?full", "over ?quota", "quota exceeded");
        on(SUSPENDED, "(recipient|user|destinataire|mailbox)('s)? account (is|has been) (blocked|disabled|suspended|locked|deactivated)",
                "compte .{0,40}(bloque|desactive|suspendu)", "account (has been |is )?(disabled|suspended|deactivated)");
        // a local delivery agent that failed (procmail, maildrop) speaks of its own trouble, whatever it names
        on(MAILER_ERROR, "procmail: ", "maildrop: ");
        on(USER_UNKNOWN, "5\\.4\\.1 .{0,80}recipient address rejected: access denied",
                "(doesn't|does not) have an? .{0,60} account");
        on(NOT_ACCEPT, "(host|domain|server) does not accept (any )?mail", "null mx", "accepts no mail",
                "does not receive (any )?mail", "no mail (is )?accepted");
        on(TOO_MANY_CONNECTIONS, "too many (connections|concurrent|sessions|simultaneous|open)",
                "connection (frequency|rate|count) limit", "connection limit", "max(imum)? (number of )?connections");
        on(SPEEDING, "too many recipients (this|per|in the last) (hour|day|minute)", "sent to too many recipients",
                "rate.?limit", "too many (messages|mails|e-?mails)", "sending rate", "throttl",
                "(daily|hourly) (sending )?(limit|quota)", "sending limit", "exceeded the (daily|hourly)",
                "please slow down");
        on(REQUIRE_PTR, "mismatches client ip", "(does not|doesn't) match (the )?(client|connecting|sending) ip");
        on(HOST_UNKNOWN, "domain (is )?not reachable", "(?<![@\\w.-])[a-z0-9-]+(\\.[a-z0-9-]+)+ (does not|doesn't) exist");
        on(EXPIRED, "message expired", "retry timeout exceeded", "delivery time expired", "failing for a long time",
                "was aborted after \\d", "could not be delivered for \\d+ (days|hours)", "in the queue too long");
        on(NOT_ACCEPT, "indicated no smtp service");
        on(SUSPENDED, "(mailbox|account) is frozen");
        on(USER_UNKNOWN, "recipient address rejected\\.? \\(in reply to rcpt", "recipient address rejected\\.?$");
        on(TOO_LARGE, "line (limit|length) exceeded", "line too long");
        on(SYNTAX_ERROR, "malformed (recipient )?address", "incorrectly constructed");
        on(NETWORK_ERROR, "did not accept our requests to connect", "socket error",
                "(malformed|unexpected) name server reply", "name server (failure|timeout|not responding)");
        on(VIRUS_DETECTED, "virus", "malware", "infected", "trojan", "malicious (content|attachment|payload)");
        on(AUTH_FAILURE, "dmarc", "\\bspf\\b", "\\bdkim\\b", "sender policy framework", "domainkeys",
                "fails? to pass authentication", "authentication checks", "unauthenticated (e-?mail|message|sender)",
                "not authenticated by the sending domain", "does not pass (dmarc|spf|dkim|authentication)");
        on(REQUIRE_PTR, "reverse (dns|lookup|name)", "\\bptr\\b", "\\brdns\\b", "no reverse", "fcrdns",
                "cannot (find|resolve) your (host ?name|address|ip)", "hostname (lookup|resolution) failed",
                "name lookup failed", "client host .{0,80}(not found|unknown|does not resolve)",
                "ip (address )?(has|with) no (host ?name|name)", "doesn't resolve to", "does not resolve to");
        on(NO_RELAYING, "relay(ing)? (access )?(denied|not (permitted|allowed))", "not permitted to relay",
                "unable to relay", "we do not relay", "no relaying", "relay not permitted", "not a gateway",
                "relaying (is )?(denied|prohibited|disallowed)", "relay rejected", "cannot relay", "relay prohibited");
        on(REJECTED, "sender (address )?(rejected|refused|denied|blocked|not allowed)", "sender verif",
                "verification of sender", "unverified sender", "domain of sender", "sender domain",
                "envelope sender", "envelope from", "invalid sender", "sender (is )?(invalid|unknown|blacklisted)",
                "return.path", "mail from (address )?(rejected|refused)", "bad sender",
                "may not have permission to post", "permission to post", "not allowed to post",
                "sender.{0,30}(not|isn't) (authorized|allowed|permitted)", "unknown sender",
                "\\bfrom:? (header )?(domain|address) (is )?(invalid|not valid|unknown)");
        on(BLOCKED, "black ?list", "block ?list", "blocklisted", "dnsbl", "\\brbl\\b", "spamhaus", "spamcop",
                "barracuda", "sorbs", "(?<!not )listed (at|on|in|by) ", "\\bbanned", "blocked", "block(ing)? (your|the) (ip|host|mail)",
                "client host .{0,100}rejected", "your (ip|host|server|network)",
                "ip address .{0,60}(rejected|not allowed|refused)", "not allowed to send",
                "refused to talk", "access denied", "denied by", "has been denied",
                "mail from .{0,60}(refused|rejected|denied)", "poor (email )?reputation");
        on(BAD_REPUTATION, "reputation", "sender score", "senderscore", "low quality", "bad (ip )?karma");
        on(SPAM_DETECTED, "spam", "junk", "unsolicited", "bulk (e?-?mail|message)", "content filter",
                "message (content )?rejected", "content rejected", "looks (like )?suspicious", "suspicious",
                "phish", "scor(e|ed) (too high|above)", "high probability", "classified as", "mail rejete",
                "message refused", "refused by", "cannot be accepted for delivery");
        on(TOO_LARGE, "too (large|big)", "message size", "size (limit|exceeds|too)", "exceeds (the )?(maximum|max|allowed|size)",
                "message length exceeds", "larger than", "maximum (message )?size", "message is too long",
                "size of (your|the) message");
        on(TOO_MANY_CONNECTIONS, "too many recipients");
        on(EXCEED_LIMIT, "recipient limit", "number of recipients", "exceeded .{0,30}limit");
        on(SPEEDING, "(message|mail|delivery) rate", "too fast", "temporarily deferred",
                "receiving (mail|messages) at a rate");
        on(FAILED_STARTTLS, "starttls (failed|error|negotiation)", "tls (negotiation|handshake) (failed|error)");
        on(SECURITY_ERROR, "authentication required", "must issue a starttls", "tls (is )?required",
                "encryption (is )?required", "requires? (secure|encrypted) connection", "auth(entication)? (failed|failure)",
                "not authenticated", "credentials", "security (policy|error)");
        on(NOT_COMPLIANT_RFC, "rfc ?5322", "rfc ?2822", "rfc ?5321", "not (rfc.)?compliant", "non-?compliant",
                "duplicate (header|message-id)", "multiple (from|to|subject|date|message-id)", "missing (required )?header",
                "invalid (message-id|date|header)", "malformed (header|message)", "header (is )?(missing|invalid)");
        on(MAILBOX_FULL, "mailbox (is )?full", "full mailbox", "quota", "exceeded storage", "storage allocation",
                "mailbox size", "insufficient (disk |storage )?space", "not enough (disk |storage )?space",
                "mailbox (has )?exceed", "exceeds allowed size", "over (the )?(storage|size) limit", "mailbox is over",
                "out of (disk |storage )?space", "is full", "user(.s)? (mailbox|inbox) (is )?full",
                "mailbox (ist )?voll", "boite (aux lettres )?pleine", "bo[iî]te (de r[ée]ception )?pleine",
                "cap(acity|acité) (exceeded|dépassée)", "容量", "переполнен");
        on(SYSTEM_FULL, "disk full", "insufficient system storage", "system (is )?full", "out of storage",
                "file system full");
        on(SUSPENDED, "disabled", "suspended", "deactivated", "inactive", "not active", "no longer active",
                "account (has been |is )?(closed|locked|terminated|expired|frozen|blocked)", "mailbox (is )?locked",
                "closed account", "account is unavailable", "gesperrt", "désactivé");
        on(HAS_MOVED, "has moved", "moved (permanently|to)", "address has changed", "no longer (uses|using) this");
        on(NETWORK_ERROR, "not found, try again", "temporary failure in name resolution",
                "dns (lookup|resolution|query) (failure|failed|timeout|error)", "servfail");
        on(HOST_UNKNOWN, "host (is )?unknown", "unknown host", "host not found", "domain (name )?not found",
                "no such domain", "domain (does not|doesn't) exist", "name or service not known", "nxdomain",
                "unrouteable address", "unroutable address", "no mx", "unknown domain", "invalid domain",
                "host or domain name not found", "unable to resolve", "does not have (an )?mx",
                "mx records point to non-existent", "no (valid )?(mx|mail exchanger)", "domain (is )?invalid",
                "could not resolve", "nonexistent domain", "non-existent domain", "not a valid domain",
                "domain .{0,40}(does not exist|not exist|unknown)", "couldn't find (any host|the domain)",
                "hostname not found", "host name lookup failure");
        on(USER_UNKNOWN, "user unknown", "unknown user", "unknown recipient", "recipient unknown", "no such (user|mailbox|recipient|account|address|person)",
                "user not found", "recipient not found", "mailbox not found", "address not found", "account not found",
                "(?<!may )(?<!might )(does not|doesn't|did not|not) exist", "invalid (recipient|mailbox|address|user|account)",
                "recipnotfound", "recipient address rejected: (user unknown|undeliverable|unknown|invalid)",
                "undeliverable address", "unknown (local[- ]?part|address|mailbox|account|alias)",
                "no mailbox", "not a valid (mailbox|recipient|user|address|e-?mail)", "account (does not|doesn't) exist",
                "(couldn't|could not|can't|cannot) be found", "recipient name is not recognized",
                "not (listed|found) in (the )?(directory|address book|recipient table|domino directory)",
                "is not a known user", "bad destination mailbox", "mailbox unavailable", "mailbox is unavailable",
                "addressee unknown", "unknown or illegal alias", "no (valid )?recipients?\\b", "invalid address",
                "address (is )?(unknown|invalid)", "no account", "not our customer",
                "user (is )?(unknown|invalid|not (found|known|here))", "unknown e-?mail", "mailbox (does not|doesn't) exist",
                "no such local user", "not a known", "is unknown", "no one here by that name", "by that name",
                "not recognized", "utilisateur inconnu", "unbekannt", "nicht vorhanden", "desconocido",
                "inexistente", "存在しない", "не существует", "неизвестн");
        on(FILTERED, "filtered", "rejected by (the )?recipient", "recipient .{0,40}(does not|doesn't) accept",
                "not authorized to receive", "refused by recipient", "header error", "not accepting (mail|messages)",
                "recipient address rejected: access denied", "prohibited by recipient", "not on the whitelist");
        on(EXPIRED, "retry timeout exceeded", "retry time", "expired", "too long", "could not be delivered within",
                "not delivered within", "giving up", "gave up", "delivery time", "in the queue", "queue (lifetime|time)",
                "no further (delivery )?attempts", "undeliverable for", "for (more than )?\\d+ (days|hours)",
                "delivery (is )?(delayed|deferred)", "has been delayed", "not (yet )?been delivered");
        on(NETWORK_ERROR, "connection (refused|timed out|reset|closed|dropped|lost)", "timed? ?out", "no route to host",
                "network (is )?unreachable", "lost connection", "could not connect", "unable to connect",
                "couldn't connect", "failed to connect", "mail loop", "loops back", "routing loop", "too many hops",
                "hop count", "loop detected", "remote host is not responding", "not responding", "no answer", "not reachable",
                "broken pipe", "host unreachable", "duplicated message-id");
        on(SYSTEM_ERROR, "system error", "internal (server )?error", "server error", "local error",
                "configuration error", "temporar(y|ily) (failure|unavailable|error|rejected|local problem)",
                "resources temporarily", "service (is )?(currently )?unavailable", "server busy", "insufficient resources",
                "mail system (error|problem)", "unexpected error", "problem (with|on) the (server|system)",
                "error in processing", "try (again )?later");
        on(MAILER_ERROR, "mailer error", "command (died|failed)", "procmail", "\\bpipe\\b", "x-unix",
                "exit (code|status)", "child process", "delivery program");
        on(SYNTAX_ERROR, "syntax error", "command unrecognized", "unrecognized command", "bad sequence",
                "line too long", "command not (implemented|recognized)", "syntax");
        on(POLICY_VIOLATION, "policy", "prohibited", "not permitted", "not allowed", "violat", "not authorized",
                "unauthorized", "refused", "forbidden", "denied");
        on(CONTENT_ERROR, "content", "attachment", "\\bmime\\b", "encoding", "8bit", "charset");
        PHRASES.build();
    }

    private static final Map<String, BounceReason> BY_STATUS = Map.ofEntries(
            Map.entry("1.1", USER_UNKNOWN), Map.entry("1.2", HOST_UNKNOWN), Map.entry("1.3", USER_UNKNOWN),
            Map.entry("1.6", HAS_MOVED), Map.entry("1.7", REJECTED), Map.entry("1.8", REJECTED),
            Map.entry("1.10", NOT_ACCEPT), Map.entry("2.1", SUSPENDED), Map.entry("2.2", MAILBOX_FULL),
            Map.entry("2.3", EXCEED_LIMIT), Map.entry("2.4", SYSTEM_ERROR), Map.entry("3.0", SYSTEM_ERROR),
            Map.entry("3.1", SYSTEM_FULL), Map.entry("3.2", SYSTEM_ERROR), Map.entry("3.3", SYSTEM_ERROR),
            Map.entry("3.4", TOO_LARGE), Map.entry("3.5", SYSTEM_ERROR), Map.entry("4.0", NETWORK_ERROR),
            Map.entry("4.1", NETWORK_ERROR), Map.entry("4.2", NETWORK_ERROR), Map.entry("4.3", NETWORK_ERROR),
            Map.entry("4.4", HOST_UNKNOWN), Map.entry("4.5", NETWORK_ERROR), Map.entry("4.6", NETWORK_ERROR),
            Map.entry("4.7", EXPIRED), Map.entry("5.0", SYNTAX_ERROR), Map.entry("5.1", SYNTAX_ERROR),
            Map.entry("5.2", SYNTAX_ERROR), Map.entry("5.3", EXCEED_LIMIT), Map.entry("5.4", SYNTAX_ERROR),
            Map.entry("5.5", SYNTAX_ERROR), Map.entry("5.6", SYNTAX_ERROR), Map.entry("6.0", CONTENT_ERROR),
            Map.entry("6.1", CONTENT_ERROR), Map.entry("6.2", CONTENT_ERROR), Map.entry("6.3", CONTENT_ERROR),
            Map.entry("6.4", CONTENT_ERROR), Map.entry("6.5", CONTENT_ERROR), Map.entry("6.6", CONTENT_ERROR),
            Map.entry("7.0", POLICY_VIOLATION), Map.entry("7.1", POLICY_VIOLATION), Map.entry("7.2", POLICY_VIOLATION),
            Map.entry("7.3", SECURITY_ERROR), Map.entry("7.4", SECURITY_ERROR), Map.entry("7.5", SECURITY_ERROR),
            Map.entry("7.6", SECURITY_ERROR), Map.entry("7.7", SECURITY_ERROR), Map.entry("7.8", SECURITY_ERROR),
            Map.entry("7.9", SECURITY_ERROR), Map.entry("7.10", SECURITY_ERROR), Map.entry("7.11", FAILED_STARTTLS),
            Map.entry("7.12", SECURITY_ERROR), Map.entry("7.13", SUSPENDED), Map.entry("7.14", SECURITY_ERROR),
            Map.entry("7.15", POLICY_VIOLATION), Map.entry("7.16", TOO_LARGE), Map.entry("7.17", HAS_MOVED),
            Map.entry("7.18", HAS_MOVED), Map.entry("7.19", POLICY_VIOLATION), Map.entry("7.20", AUTH_FAILURE),
            Map.entry("7.21", AUTH_FAILURE), Map.entry("7.22", AUTH_FAILURE), Map.entry("7.23", AUTH_FAILURE),
            Map.entry("7.24", AUTH_FAILURE), Map.entry("7.25", REQUIRE_PTR), Map.entry("7.26", AUTH_FAILURE),
            Map.entry("7.27", REJECTED), Map.entry("7.28", SPAM_DETECTED), Map.entry("7.29", AUTH_FAILURE),
            Map.entry("7.30", SECURITY_ERROR));

    private Reasons() {
    }

    /** The reason the text gives, or null. */
    public static BounceReason fromText(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Map<String, Object> memo = MEMO.get();
        Object known = memo.get(text);
        if (known != null) {
            return known == NONE ? null : (BounceReason) known;
        }
        BounceReason r = match(text);
        memo.put(text, r == null ? NONE : r);
        return r;
    }

    /** Rules ask about the same few strings several times per message; remember the last answers. */
    private static final Object NONE = new Object();
    private static final ThreadLocal<Map<String, Object>> MEMO = ThreadLocal.withInitial(
            () -> new java.util.LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
                    return size() > 48;
                }
            });

    /** Long texts are read up to this many characters: causes are stated near the top. */
    private static final int MAX_MATCH_CHARS = 1200;

    private static String prepare(String text) {
        String t = Text.norm(text.length() > MAX_MATCH_CHARS * 2 ? text.substring(0, MAX_MATCH_CHARS * 2) : text);
        return t.length() > MAX_MATCH_CHARS ? t.substring(0, MAX_MATCH_CHARS) : t;
    }

    private static BounceReason match(String text) {
        String t = prepare(text);
        if (t.isEmpty()) {
            return null;
        }
        int e = PHRASES.first(t);
        return e < 0 ? null : TABLE.get(e);
    }

    /** The phrase table's answer without the literal prefilter (for tests). */
    static BounceReason matchWithoutIndex(String text) {
        String t = prepare(text);
        int e = t.isEmpty() ? -1 : PHRASES.firstWithoutIndex(t);
        return e < 0 ? null : TABLE.get(e);
    }

    /**
     * The SMTP stage a rejection answered. Where in the session a server refused tells what it
     * refused: before RCPT TO it refuses the sending side; at RCPT TO it refuses the address; at or
     * after DATA it refuses this message (content, filters), whatever words it uses.
     */
    public enum Stage {
        /** At connection or greeting. */
        CONNECT,
        /** In reply to EHLO, HELO or LHLO. */
        HELO,
        /** In reply to MAIL FROM. */
        MAIL,
        /** In reply to RCPT TO. */
        RCPT,
        /** In reply to DATA or the end of the message data. */
        DATA,
        /**
         * No SMTP reply at all: the reporting system failed to deliver into a mailbox of its own
         * (RFC 3464: no {@code Remote-MTA}, no SMTP diagnostic), so its word on the address is first-hand.
         */
        LOCAL
    }

    /**
     * How MTA families state the stage: Postfix "(in reply to RCPT TO command)", Exim "SMTP error
     * from remote mail server after RCPT TO:", "after end of data", "after initial connection",
     * bracketed tags such as "[RCPT_TO]", "SMTP:RCPT host …", and qmail-remote's fixed sentences ("does
     * not like recipient", "most progress was RCPT TO response", "failed after I sent the message", "but
     * sender was rejected", "but greeting failed", "but my name was rejected").
     */
    private static final Pattern STAGE = Pattern.compile((
            // the lookahead lets the many positions where no phrase can start fail on one test
            "(?=[iawdfbsgm\\[])(?:"
            + "(?:in reply to|after|while sending|in response to) (?:the )?(?:pipelined )?"
                    + "(rcpt to|mail from|end of data|data|ehlo|helo|lhlo|initial connection|connect)\\b"
                    + "|\\[(rcpt_to|rcpt|mail_from|data|ehlo|helo|connect)\\]"
                    + "|(does not like recipient|didn't like recipient|most progress was rcpt to response|did not like our rcpt to|smtp:rcpt\\b)"
                    + "|(failed after i sent the message|failed on data command)"
                    + "|(but sender was rejected|does not like sender|didn't like sender)"
                    + "|(but greeting failed|while (?:connected|greeting)|(?:smtp )?greeting (?:failed|rejected))"
                    + "|(but my name was rejected))")
                    // MTAs fold long lines anywhere, also inside "in reply to RCPT TO command"
                    .replace(" ", "\\s+"),
            Pattern.CASE_INSENSITIVE);

    /** A reply to DATA saying no recipient was accepted: the rejections before it answered RCPT TO. */
    private static final Pattern NO_VALID_RECIPIENTS = Pattern.compile(
            "^[45]\\d\\d[ -].{0,40}(need rcpt|no valid recipients|no recipients|rcpt first)", Pattern.CASE_INSENSITIVE);

    /** The stage the first rejection in the text answered, or null when the text does not say. */
    public static Stage stage(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        Stage s = transcriptStage(text);
        if (s != null) {
            return s;
        }
        Matcher m = STAGE.matcher(text);
        m.region(0, Math.min(text.length(), 8000));
        if (!m.find()) {
            return null;
        }
        if (m.group(1) != null || m.group(2) != null) {
            String c = (m.group(1) != null ? m.group(1) : m.group(2)).toLowerCase(java.util.Locale.ROOT);
            return command(c.replace('_', ' '));
        }
        return m.group(3) != null ? Stage.RCPT : m.group(4) != null ? Stage.DATA : m.group(5) != null ? Stage.MAIL
                : m.group(6) != null ? Stage.CONNECT : Stage.HELO;
    }

    private static Stage command(String c) {
        if (c.startsWith("rcpt")) {
            return Stage.RCPT;
        }
        if (c.startsWith("mail")) {
            return Stage.MAIL;
        }
        if (c.endsWith("data")) {
            return Stage.DATA;
        }
        if (c.equals("ehlo") || c.equals("helo") || c.equals("lhlo")) {
            return Stage.HELO;
        }
        if (c.equals(".")) {
            return Stage.DATA;
        }
        if (c.contains("connect") || c.equals("greeting") || c.equals("banner")) {
            return Stage.CONNECT;
        }
        return null;
    }

    /**
     * An SMTP transcript (">>> command" / "<<< reply" lines, as Sendmail and others quote it): the
     * command written just before the first rejection. With pipelining the replies to RCPT TO arrive
     * after DATA was written; a reply to DATA saying there is no valid recipient shows that.
     */
    private static Stage transcriptStage(String text) {
        if (text.indexOf(">>>") < 0) {
            return null;
        }
        String[] lines = text.split("\n", 400);
        String lastCommand = null;
        Stage found = null;
        for (String l : lines) {
            String t = l.strip();
            if (t.startsWith(">") && !t.startsWith(">>>")) {
                t = t.replaceFirst("^>\\s?", "").strip();
            }
            if (t.startsWith(">>>")) {
                if (found != null) {
                    break;
                }
                lastCommand = t.substring(3).strip().toLowerCase(java.util.Locale.ROOT);
            } else if (t.startsWith("<<<") && lastCommand != null) {
                String reply = t.substring(3).strip();
                if (found == Stage.DATA && NO_VALID_RECIPIENTS.matcher(reply).find()) {
                    // pipelined: the rejection may have answered RCPT TO or DATA; the transcript
                    // cannot tell, so it proves neither
                    return null;
                }
                if (found == null && (reply.startsWith("5") || reply.startsWith("4"))) {
                    found = command(firstWords(lastCommand));
                    if (found != Stage.DATA) {
                        return found;
                    }
                }
            }
        }
        return found;
    }

    private static String firstWords(String command) {
        if (command.startsWith("mail from")) {
            return "mail";
        }
        if (command.startsWith("rcpt to")) {
            return "rcpt";
        }
        return command.split("[ :]", 2)[0];
    }

    /**
     * Whether the rejection came before any recipient was named (at connect, EHLO or MAIL FROM): then
     * it concerns the sending side and never the recipient's address.
     */
    public static boolean beforeRecipient(String text) {
        Stage s = stage(text);
        return s == Stage.CONNECT || s == Stage.HELO || s == Stage.MAIL;
    }

    /**
     * Whether the status's subject speaks of the destination address (RFC 3463 X.1.y: bad destination
     * mailbox or system, ambiguous, moved, null MX, and the private details Microsoft gives there such as
     * 5.1.10 "recipient not found"), leaving out X.1.5 (a valid address) and X.1.7 / X.1.8 (the sender's).
     */
    static boolean addressStatus(String status) {
        if (status == null || status.length() < 5 || status.charAt(2) != '1' || status.charAt(3) != '.') {
            return false;
        }
        String detail = status.substring(4);
        return !detail.equals("5") && !detail.equals("7") && !detail.equals("8");
    }

    /** Whether the status's subject is security or policy (X.7.y): the server says it refused by policy. */
    static boolean policyStatus(String status) {
        return status != null && status.length() >= 5 && status.charAt(2) == '7' && status.charAt(3) == '.';
    }

    /**
     * What a failure's words mean once the SMTP stage and the status code are weighed, in this
     * order:
     * <ol>
     * <li>refused before RCPT TO (connect, EHLO, MAIL FROM): the sending side is refused, never
     * the address: a HARD or undefined reason becomes BLOCKED;</li>
     * <li>"user unknown" words refused at or after DATA, or with a policy status (X.7.y), become
     * FILTERED: the server took the address at RCPT TO (or says its refusal is policy), so the words are
     * a content or sender filter speaking, as many filters answer "unknown user" to what they refuse;</li>
     * <li>otherwise "user unknown" words stand as USER_UNKNOWN: confirmed when the server says that
     * the address itself was refused (an X.1.y address status, a rejection in reply to RCPT TO, or the
     * first-hand word of the system that holds the mailbox, {@link Stage#LOCAL}), else
     * {@linkplain #unconfirmed unconfirmed}: the record is HARD but marked, and the processor waits for a
     * second such bounce from another campaign before it acts.</li>
     * </ol>
     * Other reasons are returned unchanged.
     */
    public static BounceReason weigh(BounceReason reason, String status, Stage stage) {
        if (reason == null) {
            return null;
        }
        if ((stage == Stage.CONNECT || stage == Stage.HELO || stage == Stage.MAIL)
                && (reason.defaultClass() == BounceClass.HARD || reason == UNDEFINED)) {
            return BLOCKED;
        }
        if (reason != USER_UNKNOWN) {
            return reason;
        }
        if (confirmsAddress(status, stage)) {
            return USER_UNKNOWN;
        }
        if (stage == Stage.DATA || policyStatus(status)) {
            return FILTERED;
        }
        return USER_UNKNOWN;
    }

    /** Whether the status or the stage says that the address itself was refused. */
    static boolean confirmsAddress(String status, Stage stage) {
        return addressStatus(status) || stage == Stage.RCPT || stage == Stage.LOCAL;
    }

    /**
     * Whether a reason that {@link #weigh} returned rests on words alone: USER_UNKNOWN with neither an
     * address status nor a stage that confirms it.
     */
    public static boolean unconfirmed(BounceReason weighed, String status, Stage stage) {
        return weighed == USER_UNKNOWN && !confirmsAddress(status, stage);
    }

    /** The reason an enhanced status code gives (subject and detail), or null for x.0.0 and unknown codes. */
    public static BounceReason fromStatus(String status) {
        if (status == null || status.length() < 5) {
            return null;
        }
        return BY_STATUS.get(status.substring(2));
    }

    /**
     * The reason for a failure: text first, then the reply codes of RFC 7504 (521, 556: does not accept
     * mail), then the status, then the other reply codes, else UNDEFINED.
     */
    public static BounceReason infer(String status, Integer replyCode, String diagnostic) {
        BounceReason r = fromText(diagnostic);
        if (r != null) {
            return r;
        }
        if (replyCode != null && (replyCode == 521 || replyCode == 556)) {
            // RFC 7504: the host or the domain does not accept mail, more specific than any status
            return NOT_ACCEPT;
        }
        r = fromStatus(status);
        if (r != null) {
            return r;
        }
        if (replyCode != null) {
            switch (replyCode) {
                case 421:
                    return SYSTEM_ERROR;
                case 450:
                case 451:
                    return SYSTEM_ERROR;
                case 452:
                    return SYSTEM_FULL;
                case 552:
                    return EXCEED_LIMIT;
                case 553:
                    return USER_UNKNOWN;
                case 554:
                    return POLICY_VIOLATION;
                default:
                    break;
            }
        }
        return UNDEFINED;
    }

    /**
     * The class of a failure record: the reason's class, except that a temporary failure (4.x.x
     * status, 4xx reply, or a delayed action) is never HARD.
     */
    public static BounceClass classOf(BounceReason reason, String status, Integer replyCode, String action) {
        BounceClass c = reason.defaultClass();
        boolean temporary = status != null && status.startsWith("4")
                || (status == null || !status.startsWith("5")) && replyCode != null && replyCode / 100 == 4
                || action != null && action.toLowerCase(java.util.Locale.ROOT).startsWith("delayed");
        if (c == BounceClass.HARD && temporary) {
            return BounceClass.SOFT;
        }
        return c;
    }
}
