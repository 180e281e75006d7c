package org.herald.pages;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.herald.preferences.RequestProof;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Renders Herald's public pages and checks what they receive.
 *
 * <p>A page is a Pebble template {@code pages/<name>.peb} in the contributing bundle (looked up with
 * the class loader of its {@code owner} class), which extends the kit's {@code layout}; every value is
 * HTML-escaped unless a template says otherwise. Each model gets {@code t} (the texts of the page's
 * language), {@code lang} and {@code brand} (organisation, logo, colour, privacy-policy link from
 * PID {@code org.herald.pages}).
 *
 * <p>Forms that change state carry a CSRF token from {@link #csrf}: a signature bound to the page's
 * link token and the time it was issued (no cookie, no session, so any node can check it), valid for
 * the configured minutes.
 */
@ProviderType
public interface Pages {

    /** The languages pages are shown in (English first, the fallback). */
    Set<String> languages();

    /** {@code preferred} (a contact's language, e.g. {@code et} or {@code pl-PL}) if pages speak it, else English. */
    String language(String preferred);

    /** Writes the page {@code template} of {@code owner}'s bundle with {@code status}. */
    void render(HttpServletResponse response, int status, Class<?> owner, String template, String language,
            Map<String, Object> model) throws IOException;

    /** The text {@code key} in {@code language} (English when that language lacks it). */
    String text(String language, String key);

    /** A CSRF token for a form of the page whose link carries {@code pageToken}. */
    String csrf(String pageToken);

    /** Whether {@code value} is a CSRF token this installation issued for {@code pageToken} and it is still valid. */
    boolean csrfValid(String pageToken, String value);

    /**
     * Reads an {@code application/x-www-form-urlencoded} body (UTF-8) of at most the configured size.
     *
     * @throws FormException when the body is larger, not urlencoded, or not UTF-8
     */
    FormBody readForm(HttpServletRequest request) throws IOException;

    /** The address and user agent of the request, as proof of the subscriber's own act. */
    RequestProof proof(HttpServletRequest request);

    /** The configured public base URL of the pages (e.g. {@code https://news.example.com/herald}), no trailing slash. */
    String baseUrl();
}
