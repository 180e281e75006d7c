package org.herald.tokens;

import java.time.Instant;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Issues and verifies signed tokens: an HMAC-SHA256 over purpose, contact and message with a
 * secret from configuration (PID {@code org.herald.tokens}; rotated by moving the current secret to
 * the previous ones, which still verify). Tokens are URL-safe and never contain the address.
 * Unknown, tampered and malformed tokens are all simply empty, found in the same time (the
 * comparison is constant-time), so a caller answers them alike.
 */
@ProviderType
public interface TokenService {

    /** The token string for these values. */
    String issue(Token token);

    /**
     * What the token says, if this installation issued it; empty for anything else. An expired token
     * is returned (check {@link Token#isExpired}).
     */
    Optional<Token> verify(String token);

    /** What the token says if it was issued for {@code purpose} and has not expired; empty otherwise. */
    default Optional<Token> verify(String token, TokenPurpose purpose) {
        Instant now = Instant.now();
        return verify(token).filter(t -> t.purpose() == purpose && !t.isExpired(now));
    }

    /**
     * A signature of arbitrary text bound to a token (e.g. a click target), URL-safe; verified with
     * {@link #verifySigned}.
     */
    String sign(String token, String text);

    /** Whether {@code signature} is {@link #sign}{@code (token, text)}, in constant time. */
    boolean verifySigned(String token, String text, String signature);
}
