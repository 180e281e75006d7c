package org.herald.tokens;

/**
 * What a token lets its bearer do; part of what is signed, so a token issued for one purpose is
 * refused for another. Each purpose has a one-letter code used inside the token.
 */
public enum TokenPurpose {
    /** Unsubscribe from the lists a message was sent for (page and RFC 8058 one-click POST). */
    UNSUBSCRIBE('u'),
    /** Open the contact's preference page. */
    PREFERENCES('p'),
    /** Confirm a subscription (double opt-in). */
    CONFIRM('c'),
    /** Record an open of a message (tracking pixel). */
    OPEN('o'),
    /** Follow a link of a message (click tracking). */
    CLICK('k'),
    /** Prefill a landing-page form. */
    PREFILL('f'),
    /** Show a message in the browser. */
    WEB_VIEW('w'),
    /** Match a bounce to its message (the envelope sender). */
    BOUNCE('b');

    private final char code;

    TokenPurpose(char code) {
        this.code = code;
    }

    public char code() {
        return code;
    }

    /** The purpose of a code, or {@code null}. */
    public static TokenPurpose ofCode(char code) {
        for (TokenPurpose p : values()) {
            if (p.code == code) {
                return p;
            }
        }
        return null;
    }
}
