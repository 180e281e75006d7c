package org.herald.pages;

import java.util.regex.Pattern;

import javax.servlet.http.HttpServletRequest;

/** What a public page reads from its path. */
public final class Paths {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_.-]{1,256}");

    private Paths() {
    }

    /**
     * A query parameter, or {@code null}; a query string the container cannot parse (bad escapes, bytes
     * that are not UTF-8) is a {@link FormException} with status 400, not a server error.
     */
    public static String parameter(HttpServletRequest request, String name) {
        try {
            return request.getParameter(name);
        } catch (RuntimeException e) {
            throw new FormException(400, "the query string cannot be read");
        }
    }

    /**
     * The signed token of {@code /<page>/<token>}: the path after the servlet's pattern, one segment
     * of token characters; {@code null} for anything else (answered like an unknown token).
     */
    public static String token(HttpServletRequest request) {
        String info = request.getPathInfo();
        if (info == null || info.length() < 2 || info.charAt(0) != '/') {
            return null;
        }
        String token = info.substring(1);
        return TOKEN.matcher(token).matches() ? token : null;
    }
}
