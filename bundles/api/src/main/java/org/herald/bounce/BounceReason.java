package org.herald.bounce;

import java.util.Locale;
import java.util.Optional;

/**
 * Why a message was not delivered (or what else a report says): Herald's vocabulary of reasons.
 * Each reason has a stable lower-case {@link #key() key} (used in JSON and on the console) and the
 * {@link #defaultClass() class} it implies; a temporary (4.x.x) status turns a HARD reason SOFT.
 */
public enum BounceReason {

    /** The mailbox does not exist at the recipient's domain ("user unknown", 5.1.1). */
    USER_UNKNOWN("userunknown", BounceClass.HARD),
    /** The recipient's domain does not exist or has no mail server (5.1.2, NXDOMAIN). */
    HOST_UNKNOWN("hostunknown", BounceClass.HARD),
    /** The recipient has moved and left no forwarding (5.1.6). */
    HAS_MOVED("hasmoved", BounceClass.HARD),
    /** The domain accepts no mail at all (null MX, RFC 7505; 5.1.10). */
    NOT_ACCEPT("notaccept", BounceClass.HARD),
    /** The mailbox exists but is disabled, suspended or closed (5.2.1). */
    SUSPENDED("suspend", BounceClass.HARD),
    /** The sending provider refused the address because it is on its suppression list. */
    SUPPRESSED("suppressed", BounceClass.HARD),

    /** The mailbox is over its quota (5.2.2). */
    MAILBOX_FULL("mailboxfull", BounceClass.SOFT),
    /** Delivery was retried until the queue lifetime ran out (4.4.7). */
    EXPIRED("expired", BounceClass.SOFT),
    /** Connection refused, timed out, lost, routing loop, temporary DNS failure (4.4.x). */
    NETWORK_ERROR("networkerror", BounceClass.SOFT),
    /** The remote mail system failed or is misconfigured (4.3.x, 5.3.x). */
    SYSTEM_ERROR("systemerror", BounceClass.SOFT),
    /** The remote mail system is out of storage (4.3.1). */
    SYSTEM_FULL("systemfull", BounceClass.SOFT),
    /** Too many connections from the sender at once. */
    TOO_MANY_CONNECTIONS("toomanyconn", BounceClass.SOFT),
    /** Rate limited: too many messages in too short a time. */
    SPEEDING("speeding", BounceClass.SOFT),
    /** A local delivery program (pipe, filter) failed. */
    MAILER_ERROR("mailererror", BounceClass.SOFT),
    /** An SMTP protocol or command syntax error (5.5.x). */
    SYNTAX_ERROR("syntaxerror", BounceClass.SOFT),

    /** The sending host or IP is blocked (block lists, refused client). */
    BLOCKED("blocked", BounceClass.BLOCKED),
    /** Rejected for the sender's poor reputation. */
    BAD_REPUTATION("badreputation", BounceClass.BLOCKED),
    /** Rejected because the sending IP has no (matching) reverse DNS. */
    REQUIRE_PTR("requireptr", BounceClass.BLOCKED),
    /** SPF, DKIM or DMARC failed for the sender's domain. */
    AUTH_FAILURE("authfailure", BounceClass.BLOCKED),
    /** SMTP authentication or encryption was required or failed (5.7.x security). */
    SECURITY_ERROR("securityerror", BounceClass.BLOCKED),
    /** STARTTLS could not be negotiated. */
    FAILED_STARTTLS("failedstarttls", BounceClass.BLOCKED),
    /** The remote server refuses to relay for the sender. */
    NO_RELAYING("norelaying", BounceClass.BLOCKED),
    /** The envelope sender (MAIL FROM) or its domain was rejected. */
    REJECTED("rejected", BounceClass.BLOCKED),
    /** Refused by a filter at the recipient's end (recipient-side rules, access lists). */
    FILTERED("filtered", BounceClass.BLOCKED),
    /** The content was judged to be spam. */
    SPAM_DETECTED("spamdetected", BounceClass.BLOCKED),
    /** The content carried a virus or malware. */
    VIRUS_DETECTED("virusdetected", BounceClass.BLOCKED),
    /** Refused by a site policy not covered above. */
    POLICY_VIOLATION("policyviolation", BounceClass.BLOCKED),
    /** The content or its encoding was refused (5.6.x). */
    CONTENT_ERROR("contenterror", BounceClass.BLOCKED),
    /** The message does not comply with RFC 5322 (e.g. duplicate or missing headers). */
    NOT_COMPLIANT_RFC("notcompliantrfc", BounceClass.BLOCKED),
    /** The message is larger than the remote server accepts (5.3.4). */
    TOO_LARGE("mesgtoobig", BounceClass.BLOCKED),
    /** The message exceeds a per-recipient or per-message limit (size, recipients; 5.2.3). */
    EXCEED_LIMIT("exceedlimit", BounceClass.BLOCKED),

    /** An ARF feedback report (spam complaint). */
    FEEDBACK("feedback", BounceClass.COMPLAINT),
    /** A vacation notice or other automatic reply. */
    VACATION("vacation", BounceClass.AUTOREPLY),
    /** Delivered, relayed or expanded. */
    DELIVERED("delivered", BounceClass.DELIVERED),
    /** The report gives a failure but not enough to tell why. */
    ON_HOLD("onhold", BounceClass.UNKNOWN),
    /** Nothing could be told (unreadable input, or a failure without any detail). */
    UNDEFINED("undefined", BounceClass.UNKNOWN);

    private final String key;
    private final BounceClass defaultClass;

    BounceReason(String key, BounceClass defaultClass) {
        this.key = key;
        this.defaultClass = defaultClass;
    }

    /** The stable lower-case name used in JSON and on the console, e.g. {@code userunknown}. */
    public String key() {
        return key;
    }

    /** The class this reason implies for a permanent failure. */
    public BounceClass defaultClass() {
        return defaultClass;
    }

    /** The reason with this key or constant name, case-insensitive. */
    public static Optional<BounceReason> fromKey(String key) {
        if (key == null) {
            return Optional.empty();
        }
        String k = key.trim().toLowerCase(Locale.ROOT);
        for (BounceReason r : values()) {
            if (r.key.equals(k) || r.name().toLowerCase(Locale.ROOT).equals(k)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
