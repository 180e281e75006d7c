package org.herald.bounce.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A rule that recognises one kind of report (an MTA family's bounce wording, a provider's
 * format, a standard report type) and extracts its records. Register it as an OSGi service; the
 * classifier picks it up and removes it dynamically.
 *
 * <p>Ordering: the classifier offers each parsed message to every rule, highest
 * {@code service.ranking} first (ties: lower {@code service.id} first); the first rule that does not
 * {@linkplain RuleOutcome#decline() decline} decides. Herald's built-in rules use the rankings
 * below, so a contributed rule with a ranking above {@link #RANKING_STANDARD} sees messages before
 * any built-in rule (to override Herald for a relay whose reports are odd), one between
 * {@link #RANKING_DIALECT} and {@link #RANKING_STANDARD} sees plain-text bounces before Herald's
 * dialects but after the RFC forms (ARF, RFC 3464), and a ranking of 0 (the default) sees only
 * what nothing else recognised.
 *
 * <p>Completion: a rule only has to find the facts. A record it returns with {@code reason} left
 * {@code null} gets its reason and class from the classifier's reading of the status code, reply
 * code and diagnostic text (and an {@code originalMessageId} from the message if it has none), so
 * a dialect rule usually sets only {@code recipient}, {@code diagnostic} and what codes it can see.
 *
 * <p>Contract: {@link #apply} must be thread-safe, fast and side-effect free, and should not
 * throw; an exception counts as a decline and is logged.
 */
@ConsumerType
public interface BounceRule {

    /** Ranking of Herald's standard forms: ARF reports and RFC 3464 delivery status. */
    int RANKING_STANDARD = 3000;
    /** Ranking of Herald's MTA and provider dialects (plain-text bounces). */
    int RANKING_DIALECT = 2000;
    /** Ranking of Herald's fallbacks: X-Failed-Recipients, auto-reply detection, generic bounces. */
    int RANKING_FALLBACK = 1000;

    /** A short name for logs, e.g. {@code exim}. */
    String name();

    /** Looks at the message and decides; see {@link RuleOutcome}. */
    RuleOutcome apply(BounceMessage message);
}
