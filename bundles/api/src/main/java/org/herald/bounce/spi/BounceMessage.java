package org.herald.bounce.spi;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A received message as the classifier parsed it (MIME decoded, transfer encodings and charsets
 * undone), offered to each {@link BounceRule}. Rules read; they never see raw MIME.
 */
@ProviderType
public interface BounceMessage {

    /** The top-level header fields. */
    HeaderBlock headers();

    /** The decoded {@code Subject}, or {@code ""}. */
    String subject();

    /** The address of {@code From}, lower-cased, or {@code ""}. */
    String fromAddress();

    /** The decoded display name of {@code From}, or {@code ""}. */
    String fromName();

    /** The top-level MIME type, lower-case without parameters, e.g. {@code multipart/report}. */
    String contentType();

    /** The {@code report-type} parameter of a {@code multipart/report}, lower-case, or {@code ""}. */
    String reportType();

    /**
     * The human-readable text of the message itself: its {@code text/plain} parts (and
     * {@code text/html} reduced to text) outside any returned original message, decoded, in order.
     * A non-MIME bounce that pastes the original message below its own text has it here too.
     */
    List<String> textParts();

    /** {@link #textParts()} joined by newlines. */
    String text();

    /** The delivery-status part, when the message has one (at any depth). */
    Optional<DeliveryStatus> deliveryStatus();

    /** The fields of an ARF {@code message/feedback-report} part, when the message has one. */
    Optional<HeaderBlock> feedbackReport();

    /**
     * The headers of the returned original message: a {@code message/rfc822} or
     * {@code text/rfc822-headers} part, or (for plain-text bounces) a header block pasted into the
     * text after the failure explanation.
     */
    Optional<HeaderBlock> originalHeaders();

    /** The original message's {@code Message-ID} without angle brackets, when it can be found. */
    Optional<String> originalMessageId();

    /**
     * What was wrong with the input while parsing (truncated multipart, undecodable charset, text
     * cut at the size bound); empty for a clean parse. The classifier puts these in UNKNOWN notes.
     */
    List<String> problems();
}
