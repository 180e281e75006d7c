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
            + " notification whose signature verifies (HMAC-SHA256 of timestamp and token, recent) needs"
            + " no shared secret; empty: Mailgun too must send the shared secret")
    String mailgunSigningKey() default "";

    @AttributeDefinition(description = "SendGrid's signed Event Webhook: the verification key SendGrid shows (base64,"
            + " ECDSA P-256); a SendGrid notification whose X-Twilio-Email-Event-Webhook-Signature verifies needs no shared"
            + " secret; empty: SendGrid too must send the shared secret")
    String sendgridPublicKey() default "";

    @AttributeDefinition(description = "Amazon SNS topics (ARNs, comma-separated) whose signed notifications (SES through"
            + " SNS, SignatureVersion 1 or 2) need no shared secret; their subscription confirmations are confirmed."
            + " Empty: SNS too must send the shared secret, and confirmations are only logged")
    String snsTopicArns() default "";

    @AttributeDefinition(description = "Hosts (a regular expression, whole host) from which the SNS signing certificate"
            + " and the subscription confirmation URL are fetched, over https only")
    String snsCertHostPattern() default "sns\\.[a-z0-9-]+\\.amazonaws\\.com";

    @AttributeDefinition(description = "Seconds a signed notification's timestamp (SendGrid, SNS, Mailgun) may be from"
            + " now, either way; older ones are refused as replays")
    long signatureToleranceSeconds() default 900;

    @AttributeDefinition(description = "Largest notification body, bytes (413 above it)")
    long maxBytes() default 1048576;
}
