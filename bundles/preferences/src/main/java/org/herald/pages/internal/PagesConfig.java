package org.herald.pages.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** PID {@code org.herald.pages}; {@code baseUrl} is read from {@code org.herald.campaigns}, where links are made. */
@ObjectClassDefinition(name = "Herald subscriber pages", description = "Look, languages and limits of the public pages")
public @interface PagesConfig {

    @AttributeDefinition(description = "Name of the organisation shown on every page")
    String organization() default "Herald";

    @AttributeDefinition(description = "HTTPS URL of a logo shown on every page; empty for none")
    String logoUrl() default "";

    @AttributeDefinition(description = "Accent colour of the pages (#rgb or #rrggbb)")
    String accentColor() default "#2f5d8a";

    @AttributeDefinition(description = "URL of the privacy policy linked from every page; empty for none")
    String privacyPolicyUrl() default "";

    @AttributeDefinition(description = "Contact field holding the contact's language (e.g. et, pl, en-GB); pages fall back to English")
    String languageField() default "language";

    @AttributeDefinition(description = "Largest form body accepted by a page, in bytes (413 above it)")
    int maxFormBytes() default 16384;

    @AttributeDefinition(description = "Minutes a page's form stays valid for saving (its CSRF token)")
    int csrfMinutes() default 240;

    @AttributeDefinition(description = "Public base URL of the pages (from org.herald.campaigns)")
    String baseUrl() default "http://localhost:8181/herald";
}
