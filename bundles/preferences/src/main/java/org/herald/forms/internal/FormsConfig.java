package org.herald.forms.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** PID {@code org.herald.forms}: what forms may redirect to and how long a subscription waits for its confirmation. */
@ObjectClassDefinition(name = "Herald subscription forms", description = "Rules of the subscription forms")
public @interface FormsConfig {

    @AttributeDefinition(description = "Hosts a form's success and error URLs may point at, separated by commas "
            + "(exact names, e.g. www.example.com, shop.example.com); a URL to any other host is refused when the form "
            + "is saved and never followed. Empty: no redirects, Herald shows its own page")
    String redirectHosts() default "";

    @AttributeDefinition(description = "Whether success and error URLs may use plain http (https only by default)")
    boolean allowHttpRedirects() default false;

    @AttributeDefinition(description = "Hours a subscription made through a form waits for its confirmation; "
            + "unconfirmed ones older than this are dropped")
    long waitingHours() default 168;

    /** Read from PID {@code org.herald.campaigns}, where every public link is made. */
    @AttributeDefinition(description = "Public base URL of the pages, e.g. https://news.example.com/herald")
    String baseUrl() default "http://localhost:8181/herald";

    @AttributeDefinition(description = "Contact field holding the contact's language; a form's language is stored "
            + "there for a new contact that did not give one")
    String languageField() default "language";
}
