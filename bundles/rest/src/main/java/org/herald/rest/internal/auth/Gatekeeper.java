package org.herald.rest.internal.auth;

import java.util.Optional;

import org.herald.rest.internal.error.ErrorBody;

/**
 * Decides whether a request to the admin API may go on: only with Basic credentials the realm
 * accepts (else 401) of a user with the role (else 403). There are no exceptions by path: what must
 * answer anonymously (the public health check, subscriber pages) lives in the public application
 * under {@code /herald}, which this filter is not part of. Kept free of JAX-RS so every case is
 * easy to test.
 */
public final class Gatekeeper {

    private final Authenticator authenticator;
    private final String role;

    public Gatekeeper(Authenticator authenticator, String role) {
        this.authenticator = authenticator;
        this.role = role;
    }

    /** The outcome: let the request through as a user, or refuse it. */
    public sealed interface Decision permits Allowed, Refused {
    }

    public record Allowed(Identity identity) implements Decision {
    }

    public record Refused(int status, ErrorBody body) implements Decision {
    }

    public Decision decide(String authorization) {
        return decide(authorization, null);
    }

    /** The decision for a request from {@code client} (its address, recorded by the login audit). */
    public Decision decide(String authorization, String client) {
        if (authorization == null || authorization.isBlank()) {
            return new Refused(401, ErrorBody.of(ErrorBody.UNAUTHORIZED,
                    "authentication required: send HTTP Basic credentials of a user with the role '" + role + "'"));
        }
        Optional<BasicCredentials> credentials = BasicCredentials.parse(authorization);
        if (credentials.isEmpty()) {
            return new Refused(401, ErrorBody.of(ErrorBody.UNAUTHORIZED,
                    "malformed Authorization header: expected 'Basic ' followed by the base64 of user:password"));
        }
        BasicCredentials c = credentials.get();
        Optional<Identity> identity;
        try {
            identity = authenticator.authenticate(c.user(), c.password(), client);
        } finally {
            c.clear();
        }
        if (identity.isEmpty()) {
            return new Refused(401, ErrorBody.of(ErrorBody.UNAUTHORIZED, "wrong user name or password"));
        }
        if (!identity.get().roles().contains(role)) {
            return new Refused(403, ErrorBody.of(ErrorBody.FORBIDDEN,
                    "user '" + identity.get().user() + "' does not have the role '" + role + "' this API requires"));
        }
        return new Allowed(identity.get());
    }
}
