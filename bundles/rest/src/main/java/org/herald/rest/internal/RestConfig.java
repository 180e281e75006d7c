package org.herald.rest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the REST API, PID {@code org.herald.rest} ({@code etc/org.herald.rest.cfg}). */
@ObjectClassDefinition(id = RestConfig.PID, name = "Herald REST API",
        description = "Authentication and limits of the REST API under /herald/api/v1")
public @interface RestConfig {

    String PID = "org.herald.rest";

    @AttributeDefinition(name = "JAAS realm", description = "Karaf JAAS realm the Basic credentials are checked against")
    String auth_realm() default "karaf";

    @AttributeDefinition(name = "Role", description = "Role a user needs to call the API")
    String auth_role() default "herald-admin";

    @AttributeDefinition(name = "Import size limit", description = "Largest CSV body POST /contacts/import accepts, in bytes")
    long import_maxBytes() default 104_857_600L;

    @AttributeDefinition(name = "JSON body size limit",
            description = "Largest JSON request body any operation of the API accepts, in bytes (413 above it)")
    long json_maxBytes() default 1_048_576L;
}
