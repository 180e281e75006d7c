package org.herald.rest.internal.auth;

import java.util.Optional;
import java.util.Set;

import org.herald.rest.internal.error.ErrorBody;

/**
 * Decides whether a request may go on: the public paths ({@code GET /health},
 * {@code GET /openapi.json}) always; everything else only with Basic credentials the realm accepts
 * (else 401) of a user with the role (else 403). Kept free of JAX-RS so every case is easy to test.
 */
public final class Gatekeeper {

    /** Paths relative to the application base that answer without credentials, for GET and HEAD. */
    public static final Set<String> PUBLIC_PATHS = Set.of("health", "openapi.json");

    private final Authenticator authenticator;
    private final String role;

    public Gatekeeper(Authenticator authenticator, String role) {
        this.authenticator = authenticator;
        this.role = role;
    }

    /** The outcome: let the request through (as a user, or anonymously on a public path) or refuse it. */
    public sealed interface Decision permits Allowed, Refused {
    }

    /** {@code identity} is null on public paths. */
    public record Allowed(Identity identity) implements Decision {
    }

    public record Refused(int status, ErrorBody body) implements Decision {
    }

    public static boolean isPublic(String method, String path) {
        return ("GET".equalsIgnoreCase(method) || "HEAD".equalsIgnoreCase(method)) && PUBLIC_PATHS.contains(trim(path));
    }

    public Decision decide(String method, String path, String authorization) {
        if (isPublic(method, path)) {
            return new Allowed(null);
        }
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
            identity = authenticator.authenticate(c.user(), c.password());
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

    private static String trim(String path) {
        if (path == null) {
            return "";
        }
        int start = 0;
        int end = path.length();
        while (start < end && path.charAt(start) == '/') {
            start++;
        }
        while (end > start && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(start, end);
    }
}
