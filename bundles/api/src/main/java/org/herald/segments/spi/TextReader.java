package org.herald.segments.spi;

import org.osgi.annotation.versioning.ProviderType;

/** The tokens of a textual condition, for {@link ConditionKind#fromText}. Words are compared case-insensitively. */
@ProviderType
public interface TextReader {

    /** The next token without consuming it, or null at the end. */
    String peek();

    /** Consumes the next token if it is {@code word}. */
    boolean accept(String word);

    /** Consumes and returns the next token (a word, a number, an operator or a quoted string, unquoted). */
    String next(String what);

    /** Consumes a whole number. */
    long number(String what);

    /** A validation error at the current position. */
    RuntimeException error(String message);
}
