package org.herald.bounce.spi;

import java.util.List;

/**
 * The fields of an RFC 3464 {@code message/delivery-status} part: the per-message block
 * ({@code Reporting-MTA}, {@code Arrival-Date}, {@code X-Postfix-Queue-ID}, …) and one block per
 * recipient ({@code Final-Recipient}, {@code Original-Recipient}, {@code Action}, {@code Status},
 * {@code Remote-MTA}, {@code Diagnostic-Code}, {@code X-Postfix-*} and other extensions).
 *
 * @param messageFields the per-message block
 * @param recipientFields the per-recipient blocks in order
 */
public record DeliveryStatus(HeaderBlock messageFields, List<HeaderBlock> recipientFields) {

    public DeliveryStatus {
        recipientFields = List.copyOf(recipientFields);
    }
}
