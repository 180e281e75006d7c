package org.herald.audience.internal.conditions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.herald.segments.spi.TextReader;

/** The tokens of a textual condition: words, numbers, operators, parentheses and quoted strings. */
final class Tokens implements TextReader {

    record Token(String text, boolean quoted, int at) {
    }

    private final List<Token> tokens;
    private int pos;

    Tokens(String input) {
        this.tokens = split(input);
    }

    static List<Token> split(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char ch = s.charAt(i);
            if (Character.isWhitespace(ch)) {
                i++;
            } else if (ch == '"' || ch == '\'') {
                StringBuilder b = new StringBuilder();
                int start = i++;
                while (i < s.length() && s.charAt(i) != ch) {
                    if (s.charAt(i) == '\\' && i + 1 < s.length()) {
                        i++;
                    }
                    b.append(s.charAt(i++));
                }
                if (i >= s.length()) {
                    throw Problems.at("text", "unterminated string at character " + (start + 1));
                }
                i++;
                out.add(new Token(b.toString(), true, start));
            } else if ("(),".indexOf(ch) >= 0) {
                out.add(new Token(String.valueOf(ch), false, i++));
            } else if ("<>=!".indexOf(ch) >= 0) {
                int start = i++;
                if (i < s.length() && s.charAt(i) == '=') {
                    i++;
                }
                out.add(new Token(s.substring(start, i), false, start));
            } else {
                int start = i;
                while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && "(),<>=!\"'".indexOf(s.charAt(i)) < 0) {
                    i++;
                }
                out.add(new Token(s.substring(start, i), false, start));
            }
        }
        return out;
    }

    boolean atEnd() {
        return pos >= tokens.size();
    }

    Token peekToken() {
        return atEnd() ? null : tokens.get(pos);
    }

    /** Whether the next token is the (unquoted) word. */
    boolean isNext(String word) {
        Token t = peekToken();
        return t != null && !t.quoted() && t.text().equalsIgnoreCase(word);
    }

    @Override
    public String peek() {
        Token t = peekToken();
        return t == null ? null : t.text();
    }

    @Override
    public boolean accept(String word) {
        if (isNext(word)) {
            pos++;
            return true;
        }
        return false;
    }

    void expect(String word) {
        if (!accept(word)) {
            throw error("expected '" + word + "'" + found());
        }
    }

    @Override
    public String next(String what) {
        Token t = peekToken();
        if (t == null) {
            throw error("expected " + what + " but the text ends");
        }
        pos++;
        return t.text();
    }

    /** The next token as a lower-case word (unquoted). */
    String word(String what) {
        Token t = peekToken();
        if (t == null || t.quoted()) {
            throw error("expected " + what + found());
        }
        pos++;
        return t.text().toLowerCase(Locale.ROOT);
    }

    @Override
    public long number(String what) {
        String s = next(what);
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            pos--;
            throw error("expected " + what + " (a whole number), found '" + s + "'");
        }
    }

    private String found() {
        Token t = peekToken();
        return t == null ? " but the text ends" : ", found '" + t.text() + "'";
    }

    @Override
    public RuntimeException error(String message) {
        Token t = peekToken();
        String where = t == null ? "at the end" : "at character " + (t.at() + 1);
        return Problems.at("text", message + " (" + where + ")");
    }
}
