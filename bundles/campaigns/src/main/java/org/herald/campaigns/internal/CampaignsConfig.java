package org.herald.campaigns.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Herald campaigns", description = "Campaign sending: addresses, links, retries")
public @interface CampaignsConfig {

    @AttributeDefinition(description = "Public base URL of Herald's subscriber pages (unsubscribe, tracking), no trailing slash")
    String baseUrl() default "http://localhost:8181/herald";

    @AttributeDefinition(description = "Hours a double opt-in confirmation link stays valid")
    long confirmationHours() default 72;

    @AttributeDefinition(description = "From address of campaigns that name none")
    String defaultFrom() default "newsletter@herald.invalid";

    @AttributeDefinition(description = "Domain of Message-IDs (<c{campaign}.m{message}@domain>)")
    String messageIdDomain() default "herald.invalid";

    @AttributeDefinition(description = "Domain of the envelope sender: bounces go to bounce+<token>@<domain>")
    String bounceDomain() default "herald.invalid";

    @AttributeDefinition(description = "Mailbox of the mailto: List-Unsubscribe (e.g. unsubscribe@example.com); empty for none")
    String unsubscribeMailto() default "";

    @AttributeDefinition(description = "Mail contacts whose opt-in status is UNKNOWN too, unless a campaign says otherwise")
    boolean allowUnknownDefault() default false;

    @AttributeDefinition(description = "Seconds a transport holds a message it took before it is handed out again")
    long leaseSeconds() default 900;

    @AttributeDefinition(description = "Seconds before the first retry after a temporary failure (RFC 5321: 30 minutes); doubles up to retryMaxSeconds")
    long retryFirstSeconds() default 1800;

    @AttributeDefinition(description = "Longest wait between two retries, in seconds")
    long retryMaxSeconds() default 14400;

    @AttributeDefinition(description = "Hours after the first temporary failure before giving up (SF, or LF when the relay could not be reached); RFC 5321: 4-5 days")
    long giveUpHours() default 96;

    @AttributeDefinition(description = "Recipients queued per transaction when a campaign starts")
    int queueBatchSize() default 1000;

    @AttributeDefinition(description = "A/B tests by revenue: a purchase counts for a message when its properties name the message or the campaign, or when it comes within this many days after the contact's first click on the message")
    int attributionDays() default 7;

    @AttributeDefinition(description = "Milliseconds between checks for scheduled campaigns and finished ones")
    long tickMillis() default 1000;
}
