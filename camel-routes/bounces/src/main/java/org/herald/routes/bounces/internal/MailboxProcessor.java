package org.herald.routes.bounces.internal;

import java.io.ByteArrayOutputStream;
import java.util.HashMap;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.mail.MailMessage;
import org.herald.bounce.BounceProcessor;
import org.herald.mail.MailContext;

/**
 * One message of the mailbox: its raw bytes (as the server holds them) to the bounce processor, which
 * commits its result before this returns; only then does the mail consumer delete or move the message.
 * A failure (the database unavailable) fails the exchange, and the message stays for the next poll.
 */
final class MailboxProcessor implements Processor {

    private final BounceProcessor processor;
    private final String source;

    MailboxProcessor(BounceProcessor processor, String source) {
        this.processor = processor;
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
        processor.process(raw, source);
    }
}
