package org.herald.rest.internal.error;

import java.util.List;

/**
 * The JSON body of every error the API returns: {@code error} is one of the codes in
 * docs/interfaces.md, {@code message} says what was wrong and what to do; {@code field} and
 * {@code value} point at the bad input, {@code usages} says what holds a thing that cannot go.
 * Null parts are left out of the JSON.
 */
public record ErrorBody(String error, String message, String field, Object value, List<String> usages) {

    public static final String VALIDATION = "validation";
    public static final String NOT_FOUND = "not_found";
    public static final String CONFLICT = "conflict";
    public static final String IN_USE = "in_use";
    public static final String UNAUTHORIZED = "unauthorized";
    public static final String FORBIDDEN = "forbidden";
    public static final String BAD_REQUEST = "bad_request";
    public static final String METHOD_NOT_ALLOWED = "method_not_allowed";
    public static final String NOT_ACCEPTABLE = "not_acceptable";
    public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type";
    public static final String TOO_LARGE = "too_large";
    public static final String INTERNAL = "internal";
    public static final String UNAVAILABLE = "unavailable";

    public static ErrorBody of(String error, String message) {
        return new ErrorBody(error, message, null, null, null);
    }
}
