package org.herald.rest.internal.auth;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/** User name and password from an HTTP Basic {@code Authorization} header (RFC 7617, UTF-8). */
public final class BasicCredentials {

    private final String user;
    private final char[] password;

    private BasicCredentials(String user, char[] password) {
        this.user = user;
        this.password = password;
    }

    public String user() {
        return user;
    }

    /** The password; the caller may clear the array once it is used. */
    public char[] password() {
        return password;
    }

    /** Overwrites the password in memory. */
    public void clear() {
        Arrays.fill(password, '\0');
    }

    /**
     * Parses the header value. Anything that is not {@code Basic <base64 of user:password>} with a
     * non-empty user name gives an empty result, never an exception: wrong input is the client's
     * problem (401), not ours.
     */
    public static Optional<BasicCredentials> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String value = header.strip();
        int space = value.indexOf(' ');
        if (space <= 0 || !value.substring(0, space).equalsIgnoreCase("Basic")) {
            return Optional.empty();
        }
        String token = value.substring(space + 1).strip();
        if (token.isEmpty()) {
            return Optional.empty();
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        CharBuffer chars;
        try {
            chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(decoded));
        } catch (CharacterCodingException e) {
            return Optional.empty();
        } finally {
            Arrays.fill(decoded, (byte) 0);
        }
        char[] all = new char[chars.remaining()];
        chars.get(all);
        try {
            int colon = -1;
            for (int i = 0; i < all.length; i++) {
                if (all[i] == ':') {
                    colon = i;
                    break;
                }
                if (Character.isISOControl(all[i])) {
                    return Optional.empty();
                }
            }
            if (colon <= 0) {
                return Optional.empty();
            }
            return Optional.of(new BasicCredentials(new String(all, 0, colon), Arrays.copyOfRange(all, colon + 1, all.length)));
        } finally {
            Arrays.fill(all, '\0');
        }
    }
}
