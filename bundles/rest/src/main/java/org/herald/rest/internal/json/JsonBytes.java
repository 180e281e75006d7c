package org.herald.rest.internal.json;

/**
 * A JSON request body as its bytes, for an operation that parses the body itself (the event input
 * keeps decimals exact and refuses bad items of a batch one by one). Read by
 * {@link HeraldJsonProvider}, so the {@code json.maxBytes} limit applies to it as to every other
 * JSON body; an absent body is zero bytes.
 */
public final class JsonBytes {

    private final byte[] bytes;

    JsonBytes(byte[] bytes) {
        this.bytes = bytes;
    }

    public byte[] bytes() {
        return bytes;
    }

    /** Whether the body's first token opens an array (whitespace and a byte-order mark skipped). */
    public boolean isArray() {
        int i = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf) {
            i = 3;
        }
        while (i < bytes.length && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r' || bytes[i] == '\n')) {
            i++;
        }
        return i < bytes.length && bytes[i] == '[';
    }
}
