package org.herald.campaigns.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The confirmation message's settings: PIDs {@code org.herald.campaigns} (sender, link validity,
 * the admin's template, the daily cap) and {@code org.herald.pages} (the contact field holding the
 * language), merged.
 */
@ObjectClassDefinition(name = "Herald confirmation messages", description = "The double opt-in message")
public @interface ConfirmationConfig {

    @AttributeDefinition(description = "From address of campaigns that name none, and of confirmation messages")
    String defaultFrom() default "newsletter@herald.invalid";

    @AttributeDefinition(description = "Domain of Message-IDs")
    String messageIdDomain() default "herald.invalid";

    @AttributeDefinition(description = "Hours a double opt-in confirmation link stays valid")
    long confirmationHours() default 72;

    @AttributeDefinition(description = "Template of the confirmation message ({{ confirm_url }}); Herald's own text when it does not exist")
    String confirmationTemplate() default "confirmation";

    @AttributeDefinition(description = "Confirmation messages one contact may be sent in 24 hours")
    int confirmationsPerDay() default 3;

    @AttributeDefinition(description = "Contact field holding the contact's language (from org.herald.pages)")
    String languageField() default "language";
}
