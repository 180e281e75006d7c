package org.herald.preferences;

/**
 * What Herald records as proof of a subscriber's own act on a page: the address the request came
 * from and the browser's user agent (either may be null when unknown).
 */
public record RequestProof(String ip, String userAgent) {

    public static final RequestProof NONE = new RequestProof(null, null);
}
