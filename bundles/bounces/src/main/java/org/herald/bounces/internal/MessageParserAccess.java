package org.herald.bounces.internal;

import java.nio.charset.StandardCharsets;

import org.herald.bounce.spi.DeliveryStatus;

/** Lets rules read delivery-status fields found in plain text with the parser's block reader. */
public final class MessageParserAccess {

    private MessageParserAccess() {
    }

    public static DeliveryStatus deliveryStatus(String text) {
        return MessageParser.deliveryStatus(text.getBytes(StandardCharsets.UTF_8));
    }
}
