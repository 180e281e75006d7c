package org.herald.campaigns.internal.tokens;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Herald subscriber tokens",
        description = "The secret subscriber tokens (unsubscribe, preferences, tracking, bounce matching) are signed with")
public @interface TokensConfig {

    @AttributeDefinition(description = "Secret for new tokens (at least 32 characters). Empty: a random secret generated "
            + "once and kept in the database (herald_setting 'tokens.secret')")
    String secret() default "";

    @AttributeDefinition(description = "Earlier secrets, still accepted when verifying (rotation: move the current "
            + "secret here and set a new one)")
    String[] previousSecrets() default {};
}
