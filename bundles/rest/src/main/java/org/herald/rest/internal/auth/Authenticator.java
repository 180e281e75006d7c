package org.herald.rest.internal.auth;

import java.util.Optional;

/** Checks a user name and password; empty when they are wrong. */
@FunctionalInterface
public interface Authenticator {

    Optional<Identity> authenticate(String user, char[] password);

    /** The same, for a request from {@code client} (the address the audit records; null when unknown). */
    default Optional<Identity> authenticate(String user, char[] password, String client) {
        return authenticate(user, password);
    }
}
