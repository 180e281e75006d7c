package org.herald.tokens;

import java.time.Instant;
import java.util.Objects;

/**
 * What a token says: its purpose, the contact (public id) and, where it came from a message, the
 * message id (0 for none). A verified token was issued by this installation for exactly these
 * values.
 */
public final class Token {

    private final TokenPurpose purpose;
    private final String contactId;
    private final long messageId;
    private final Instant expiresAt;

    private Token(TokenPurpose purpose, String contactId, long messageId) {
        this(purpose, contactId, messageId, null);
    }

    private Token(TokenPurpose purpose, String contactId, long messageId, Instant expiresAt) {
        this.purpose = Objects.requireNonNull(purpose, "purpose");
        this.contactId = Objects.requireNonNull(contactId, "contactId");
        if (contactId.isEmpty() || contactId.indexOf('.') >= 0 || contactId.indexOf(':') >= 0) {
            throw new IllegalArgumentException("contactId must be a public contact id");
        }
        if (messageId < 0) {
            throw new IllegalArgumentException("messageId must be 0 or more");
        }
        this.messageId = messageId;
        // whole seconds: that is what the token carries
        this.expiresAt = expiresAt == null ? null : Instant.ofEpochSecond(expiresAt.getEpochSecond());
    }

    /** A token for a contact, not tied to a message. */
    public static Token of(TokenPurpose purpose, String contactId) {
        return new Token(purpose, contactId, 0);
    }

    /** A token for a contact and one message. */
    public static Token of(TokenPurpose purpose, String contactId, long messageId) {
        return new Token(purpose, contactId, messageId);
    }

    /**
     * The same token valid only until {@code at} (whole seconds): a confirmation link, say. An expired
     * token still verifies as genuine, so a page can offer a new link; {@link TokenService#verify(String,
     * TokenPurpose)} refuses it.
     */
    public Token expiringAt(Instant at) {
        return new Token(purpose, contactId, messageId, Objects.requireNonNull(at, "at"));
    }

    /** When the token stops being valid, or {@code null} for never. */
    public Instant expiresAt() {
        return expiresAt;
    }

    /** Whether the token has an expiry that is not after {@code now}. */
    public boolean isExpired(Instant now) {
        return expiresAt != null && !expiresAt.isAfter(now);
    }

    public TokenPurpose purpose() {
        return purpose;
    }

    public String contactId() {
        return contactId;
    }

    /** The message the token was issued for, 0 for none. */
    public long messageId() {
        return messageId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Token t && t.purpose == purpose && t.contactId.equals(contactId) && t.messageId == messageId
                && Objects.equals(t.expiresAt, expiresAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(purpose, contactId, messageId, expiresAt);
    }

    @Override
    public String toString() {
        return "Token[" + purpose + ", " + contactId + ", " + messageId + (expiresAt == null ? "" : ", until " + expiresAt) + "]";
    }
}
