package org.herald.routes.smtp.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(name = "Herald outbound mail (SMTP)",
        description = "Due messages onto a persistent send queue, then to the SMTP relay, or to .eml files in the outbox when no relay is configured")
public @interface SmtpConfig {

    @AttributeDefinition(description = "SMTP relay host; empty: no relay, messages are written to the outbox folder")
    String host() default "";

    int port() default 25;

    @AttributeDefinition(description = "Transport security", options = {@Option(value = "starttls", label = "STARTTLS if offered"),
            @Option(value = "required", label = "STARTTLS required"), @Option(value = "none", label = "plain")})
    String security() default "starttls";

    @AttributeDefinition(description = "User for SMTP AUTH; empty: no authentication")
    String user() default "";

    @AttributeDefinition(type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD,
            description = "Password for SMTP AUTH")
    String password() default "";

    @AttributeDefinition(description = "Folder of the .eml files when no relay is configured (relative: under Karaf's data folder)")
    String outbox() default "outbox";

    @AttributeDefinition(description = "Connect and read timeout, milliseconds")
    int timeoutMillis() default 30000;

    @AttributeDefinition(description = "Messages per second overall, 0 for no limit")
    double ratePerSecond() default 0;

    @AttributeDefinition(description = "Messages per second to one recipient domain, 0 for no limit")
    double ratePerDomain() default 0;

    @AttributeDefinition(description = "Milliseconds a domain is held back after it answered 421/451/452 (doubling while it goes on, up to 60 s)")
    long backPressureMillis() default 1000;

    @AttributeDefinition(description = "Endpoint of the send queue; keep it persistent and transacted")
    String queue() default "sjms:queue:herald.mail.out?transacted=true";

    @AttributeDefinition(description = "Endpoint the feed polls the campaigns from (a timer)")
    String feed() default "timer:herald-smtp-feed?period=200&delay=2000";

    @AttributeDefinition(description = "Messages taken per poll of the feed")
    int feedBatch() default 200;

    @AttributeDefinition(description = "Parallel consumers of the send queue (one SMTP connection each)")
    int consumers() default 4;

    @AttributeDefinition(description = "DKIM: the signing domain (d=); empty: messages are not signed")
    String dkimDomain() default "";

    @AttributeDefinition(description = "DKIM: the selector (s=) of dkimKey; its public key is published at <selector>._domainkey.<domain>")
    String dkimSelector() default "";

    @AttributeDefinition(type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD,
            description = "DKIM: the private key, RSA (2048 bits) or Ed25519: the path of a PEM file, or the PEM text (line breaks may be spaces)")
    String dkimKey() default "";

    @AttributeDefinition(description = "DKIM: the selector of a second key (e.g. Ed25519 beside RSA); empty for one signature")
    String dkimSelector2() default "";

    @AttributeDefinition(type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD,
            description = "DKIM: the second private key, signed with too")
    String dkimKey2() default "";
}
