package org.herald.routes.bounces.internal;

import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.function.Supplier;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.mail.MailMessage;
import org.herald.bounce.BounceProcessor;
import org.herald.mail.MailContext;
import org.herald.preferences.RequestProof;
import org.herald.preferences.SubscriberService;

/**
 * One message of the mailbox. An unsubscribe request by mail (the {@code mailto:} of List-Unsubscribe,
 * subject {@code unsubscribe <token>}) goes to the subscriber service like a one-click unsubscribe,
 * when the subscriber pages are installed; anything else, as its raw bytes (as the server holds them) to the bounce processor, which
 * commits its result before this returns; only then does the mail consumer delete or move the message.
 * A failure (the database unavailable) fails the exchange, and the message stays for the next poll.
 */
final class MailboxProcessor implements Processor {

    private final BounceProcessor processor;
    private final Supplier<SubscriberService> subscribers;
    private final String source;

    MailboxProcessor(BounceProcessor processor, Supplier<SubscriberService> subscribers, String source) {
        this.processor = processor;
        this.subscribers = subscribers;
        this.source = source;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        MailMessage in = exchange.getIn(MailMessage.class);
        // camel-mail maps a message's headers on first access (here, and when it commits the delete) from the
        // IMAP envelope, which a server may fail to give for a malformed message: the delete then fails and the
        // message is fetched for ever. Only the bytes are needed, so the map starts (and stays) empty.
        in.setHeaders(new HashMap<>());
        jakarta.mail.Message mail = in.getOriginalMessage();
        byte[] raw = MailContext.call(() -> {
            // not getSize(): on IMAP it loads the envelope, which a server may fail to give for a malformed message
            ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
            mail.writeTo(out);
            return out.toByteArray();
        });
        // the mailto: of List-Unsubscribe, when it points at this mailbox: the same as a one-click unsubscribe
        String token = MailtoUnsubscribe.token(raw);
        SubscriberService pages = token == null ? null : subscribers.get();
        if (pages != null && pages.oneClick(token, RequestProof.NONE)) {
            return;
        }
        processor.process(raw, source);
    }
}
