package org.herald.bounces.processing.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Herald bounce processing", description = "What Herald does with received bounces")
public @interface ProcessingConfig {

    @AttributeDefinition(description = "Soft bounces after which a contact becomes INACTIVE")
    int softThreshold() default 3;

    @AttributeDefinition(description = "Days the counted soft bounces must span (first to last) before the contact"
            + " becomes INACTIVE, so one bad day of a mailbox does not end a subscription")
    int softMinDays() default 7;

    @AttributeDefinition(description = "A HARD bounce that rests on words alone (\"user unknown\" with no X.1.x status,"
            + " not refused at RCPT TO, not said by the mailbox's own system) makes the contact INACTIVE only once such"
            + " bounces came from this many different campaigns")
    int unconfirmedCampaigns() default 2;

    @AttributeDefinition(description = "Days that at least two of those bounces of different campaigns must lie apart")
    int unconfirmedMinDays() default 3;
}
