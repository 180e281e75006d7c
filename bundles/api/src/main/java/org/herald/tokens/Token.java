package org.herald.tokens;

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

    private Token(TokenPurpose purpose, String contactId, long messageId) {
        this.purpose = Objects.requireNonNull(purpose, "purpose");
        this.contactId = Objects.requireNonNull(contactId, "contactId");
        if (contactId.isEmpty() || contactId.indexOf('.') >= 0 || contactId.indexOf(':') >= 0) {
            throw new IllegalArgumentException("contactId must be a public contact id");
        }
        if (messageId < 0) {
            throw new IllegalArgumentException("messageId must be 0 or more");
        }
        this.messageId = messageId;
    }

    /** A token for a contact, not tied to a message. */
    public static Token of(TokenPurpose purpose, String contactId) {
        return new Token(purpose, contactId, 0);
    }

    /** A token for a contact and one message. */
    public static Token of(TokenPurpose purpose, String contactId, long messageId) {
        return new Token(purpose, contactId, messageId);
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
        return o instanceof Token t && t.purpose == purpose && t.contactId.equals(contactId) && t.messageId == messageId;
    }

    @Override
    public int hashCode() {
        return Objects.hash(purpose, contactId, messageId);
    }

    @Override
    public String toString() {
        return "Token[" + purpose + ", " + contactId + ", " + messageId + "]";
    }
}
