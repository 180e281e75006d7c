package org.herald.rest.internal.web;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Herald bounce webhooks", description = "Sending providers' event notifications at"
        + " /herald/webhooks/bounces/{ses,sendgrid,mailgun,postmark}")
public @interface WebhookConfig {

    @AttributeDefinition(type = AttributeType.PASSWORD, description = "The shared secret a provider sends as the"
            + " password of HTTP Basic authentication (https://herald:<secret>@host/herald/webhooks/bounces/ses) or in"
            + " the X-Herald-Webhook-Secret header; empty: the webhooks are off (404). At least 24 characters.")
    String secret() default "";

    @AttributeDefinition(type = AttributeType.PASSWORD, description = "Mailgun's HTTP webhook signing key: a Mailgun"
            + " notification whose signature verifies (HMAC-SHA256 of timestamp and token, at most 15 minutes old) needs"
            + " no shared secret; empty: Mailgun too must send the shared secret")
    String mailgunSigningKey() default "";

    @AttributeDefinition(description = "Largest notification body, bytes (413 above it)")
    long maxBytes() default 1048576;
}
