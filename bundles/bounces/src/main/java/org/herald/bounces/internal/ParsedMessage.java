package org.herald.bounces.internal;

import java.util.List;
import java.util.Optional;

import org.herald.bounce.spi.BounceMessage;
import org.herald.bounce.spi.DeliveryStatus;
import org.herald.bounce.spi.HeaderBlock;

/** The immutable result of {@link MessageParser}. */
record ParsedMessage(HeaderBlock headers, String subject, String fromAddress, String fromName,
        String contentType, String reportType, List<String> textParts, String text,
        Optional<DeliveryStatus> deliveryStatus, Optional<HeaderBlock> feedbackReport,
        Optional<HeaderBlock> originalHeaders, Optional<String> originalMessageId,
        List<String> problems) implements BounceMessage {

    ParsedMessage {
        textParts = List.copyOf(textParts);
        problems = List.copyOf(problems);
    }
}
