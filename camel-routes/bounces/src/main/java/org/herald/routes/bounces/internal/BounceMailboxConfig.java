package org.herald.routes.bounces.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Herald bounce mailbox", description = "The mailbox that receives bounces, complaints"
        + " and auto-replies (the envelope sender's domain), polled over IMAP or POP3")
public @interface BounceMailboxConfig {

    @AttributeDefinition(description = "Poll the mailbox; off by default, so a fresh installation polls nothing")
    boolean enabled() default false;

    @AttributeDefinition(description = "imap, imaps, pop3 or pop3s")
    String protocol() default "imap";

    @AttributeDefinition(description = "The mail server")
    String host() default "";

    @AttributeDefinition(description = "Its port; 0 for the protocol's default (143, 993, 110, 995)")
    int port() default 0;

    @AttributeDefinition(description = "Login")
    String user() default "";

    @AttributeDefinition(type = AttributeType.PASSWORD, description = "Password")
    String password() default "";

    @AttributeDefinition(description = "The folder polled (POP3 has only INBOX)")
    String folder() default "INBOX";

    @AttributeDefinition(description = "IMAP only: move processed messages to this folder instead of deleting them;"
            + " empty to delete")
    String moveTo() default "";

    @AttributeDefinition(description = "Milliseconds between polls")
    long pollIntervalMillis() default 60000;

    @AttributeDefinition(description = "Milliseconds before the first poll")
    long initialDelayMillis() default 5000;

    @AttributeDefinition(description = "At most this many messages per poll (0: all)")
    int maxMessagesPerPoll() default 500;

    @AttributeDefinition(description = "Connection and read timeout, milliseconds")
    int timeoutMillis() default 30000;
}
