package org.herald.routes.forms.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** PID {@code org.herald.routes.forms}: the guards every form post passes before the form service sees it. */
@ObjectClassDefinition(name = "Herald form posts", description = "Limits, honeypot and CAPTCHA of POST /herald/forms/{form}")
public @interface FormsRouteConfig {

    @AttributeDefinition(description = "Largest form post accepted, in bytes (413 above it)")
    int maxBodyBytes() default 16384;

    @AttributeDefinition(description = "Longest value of one field, in characters")
    int maxValueLength() default 2000;

    @AttributeDefinition(description = "Posts accepted from one IP address per minute, on this node (429 above it; 0: no limit)")
    int postsPerIpPerMinute() default 20;

    @AttributeDefinition(description = "Posts accepted for one address per hour, on this node (429 above it; 0: no limit). "
            + "Confirmation messages are capped per address per day by the campaigns' confirmationsPerDay")
    int postsPerAddressPerHour() default 5;

    @AttributeDefinition(description = "Name of the honeypot field: a field hidden from people that bots fill in. A "
            + "post with it filled is answered as accepted and dropped")
    String honeypotField() default "homepage";

    @AttributeDefinition(description = "The CAPTCHA every post must pass: none, pow (Herald's self-hosted proof of work), "
            + "or the name of a CaptchaCheck an extension bundle registers")
    String captcha() default "none";

    @AttributeDefinition(description = "Difficulty of the proof of work: leading zero bits of the SHA-256 the browser "
            + "must find (each bit doubles the work; 16 takes a phone about a second)")
    int powBits() default 16;

    @AttributeDefinition(description = "Minutes a proof-of-work challenge stays valid")
    int powMinutes() default 20;

    @AttributeDefinition(description = "Whether the client address is taken from the first X-Forwarded-For entry "
            + "(only behind a reverse proxy that sets it; otherwise anyone could choose their address)")
    boolean trustForwardedFor() default false;
}
