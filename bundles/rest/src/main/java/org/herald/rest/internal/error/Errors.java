package org.herald.rest.internal.error;

import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

/** Builds error responses with an {@link ErrorBody} in JSON. */
public final class Errors {

    /** Sent with every 401 so clients know to answer with Basic credentials. */
    public static final String CHALLENGE = "Basic realm=\"Herald\", charset=\"UTF-8\"";

    private Errors() {
    }

    public static Response response(int status, ErrorBody body) {
        Response.ResponseBuilder builder = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body);
        if (status == 401) {
            builder.header("WWW-Authenticate", CHALLENGE);
        }
        return builder.build();
    }

    public static Response response(int status, String error, String message) {
        return response(status, ErrorBody.of(error, message));
    }

    /** The error code that goes with an HTTP status the API did not choose itself (404 from routing, 415, …). */
    public static String codeFor(int status) {
        switch (status) {
            case 401:
                return ErrorBody.UNAUTHORIZED;
            case 403:
                return ErrorBody.FORBIDDEN;
            case 404:
                return ErrorBody.NOT_FOUND;
            case 405:
                return ErrorBody.METHOD_NOT_ALLOWED;
            case 406:
                return ErrorBody.NOT_ACCEPTABLE;
            case 415:
                return ErrorBody.UNSUPPORTED_MEDIA_TYPE;
            case 409:
                return ErrorBody.CONFLICT;
            case 413:
                return ErrorBody.TOO_LARGE;
            case 503:
                return ErrorBody.UNAVAILABLE;
            default:
                return status >= 500 ? ErrorBody.INTERNAL : ErrorBody.BAD_REQUEST;
        }
    }
}
