package org.herald.mail;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where a transport takes the messages to deliver and reports what became of them. Implemented by
 * the sending domain (campaigns); called by the transport (the SMTP route), which may run on several
 * nodes. Delivery is at least once: {@link #take} leases messages (a message not reported before its
 * lease lapses is handed out again, with the same {@code Message-ID}), and {@link #wanted} lets the
 * transport skip one that was already sent, cancelled or paused meanwhile.
 */
@ProviderType
public interface OutboundSource {

    /** Up to {@code max} messages due now, rendered and leased to the caller. */
    List<OutboundMessage> take(int max);

    /** Whether the message should still be delivered now. */
    boolean wanted(long messageId);

    /** Records the result of one attempt (its status, a retry time, the reply). */
    void report(DeliveryResult result);
}
