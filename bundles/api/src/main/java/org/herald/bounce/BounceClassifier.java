package org.herald.bounce;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Reads one received message (a delivery status notification, a provider's plain-text bounce, an
 * ARF complaint, an auto-reply, or ordinary mail) and returns what it says about each recipient.
 *
 * <p>Contract:
 * <ul>
 * <li>the input is the raw bytes of one message as received (RFC 5322, headers and body);</li>
 * <li>the result holds one {@link BounceRecord} per recipient the message reports on, in the order
 * the message names them; it is empty for ordinary mail that is none of the above;</li>
 * <li>it never throws for bad input and never hangs: empty, binary, truncated, malformed or
 * oversized input, and a parse that runs out of time, give a single record of class
 * {@link BounceClass#UNKNOWN} whose {@link BounceRecord#note() note} says what was wrong;</li>
 * <li>it is safe to call from many threads at once.</li>
 * </ul>
 */
@ProviderType
public interface BounceClassifier {

    /**
     * Classifies one message.
     *
     * @param message the raw message bytes; {@code null} counts as empty input
     * @return the records, never {@code null}; empty for ordinary mail
     */
    List<BounceRecord> classify(byte[] message);

    /**
     * The largest message, in bytes, this classifier parses (configuration {@code maxMessageBytes} of
     * PID {@code org.herald.bounces}); larger input gives a single UNKNOWN record. Entry points that
     * receive messages (REST, console, mailbox routes) read at most this many bytes plus one and
     * refuse the rest, so the limit is configured once.
     *
     * @return a positive number of bytes
     * @since 1.1
     */
    long maxMessageBytes();
}
