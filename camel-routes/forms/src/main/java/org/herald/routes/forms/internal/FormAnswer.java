package org.herald.routes.forms.internal;

import java.util.Map;

/** What the route decided about a post, for the servlet to answer in the client's format. */
record FormAnswer(Kind kind, Map<String, String> errors, long retryAfterSeconds) {

    enum Kind {
        /** Taken (or dropped as a bot's, answered alike). */
        ACCEPTED(200),
        /** Field errors: 400. */
        INVALID(400),
        /** A rate limit: 429 with Retry-After. */
        LIMITED(429),
        /** No such form: 404. */
        NOT_FOUND(404),
        /** The CAPTCHA configured is not available, or the database is down: 503. */
        UNAVAILABLE(503);

        final int status;

        Kind(int status) {
            this.status = status;
        }
    }

    FormAnswer {
        errors = errors == null ? Map.of() : Map.copyOf(errors);
    }

    static FormAnswer of(Kind kind) {
        return new FormAnswer(kind, Map.of(), 0);
    }

    static FormAnswer invalid(Map<String, String> errors) {
        return new FormAnswer(Kind.INVALID, errors, 0);
    }

    static FormAnswer limited(long retryAfter) {
        return new FormAnswer(Kind.LIMITED, Map.of(), retryAfter);
    }
}
