package org.herald.contacts.json;

import java.util.List;

/**
 * Contact input documents with what every entry point must answer: accepted, or refused with
 * exactly this message. The REST API ({@code POST /contacts}) and the {@code herald.contacts.in}
 * route are tested against the same list (this class ships in herald-api's test jar), so they
 * accept and refuse the same documents with the same words.
 */
public final class ContactInputCases {

    /**
     * One document.
     *
     * @param name what the case is about
     * @param document the body as sent
     * @param error the message it is refused with, or null when it is accepted
     * @param byService true when the contact service, not the JSON reading, refuses it
     */
    public record Case(String name, String document, String error, boolean byService) {
        public boolean accepted() {
            return error == null;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    public static final String ALLOWED = "email, fields, lists, monitored, removeTags, status, tags, unsubscribeLists";

    private ContactInputCases() {
    }

    /** The cases; accepted documents use unique addresses under {@code @cases.example.org}. */
    public static List<Case> all() {
        return List.of(
                new Case("full document", "{\"email\":\"full@cases.example.org\",\"status\":\"CONFIRMED\","
                        + "\"tags\":[\"vip\"],\"monitored\":true}", null, false),
                new Case("email only", "{\"email\":\"only@cases.example.org\"}", null, false),
                new Case("unknown property", "{\"email\":\"a@cases.example.org\",\"colour\":\"red\"}",
                        "unknown property 'colour' in the body; allowed here: " + ALLOWED, false),
                new Case("key given twice", "{\"email\":\"a@cases.example.org\",\"email\":\"b@cases.example.org\"}",
                        "the body is not valid JSON: Duplicate field 'email' (line 1, column 39)", false),
                new Case("syntax error", "{\"email\":",
                        "the body is not valid JSON: Unexpected end-of-input within/between Object entries (line 1, column 10)", false),
                new Case("content after the document", "{\"email\":\"a@cases.example.org\"} {}",
                        "the body has content after the JSON document (line 1, column 33)", false),
                new Case("wrong type", "{\"email\":\"a@cases.example.org\",\"tags\":\"vip\"}",
                        "'tags' must be an array (line 1, column 39)", false),
                new Case("not an object", "[1]", "the body must be an object (line 1, column 1)", false),
                new Case("JSON null", "null", ContactInputJson.EMPTY_MESSAGE, false),
                new Case("unknown status", "{\"email\":\"a@cases.example.org\",\"status\":\"SOMETIMES\"}",
                        "unknown opt-in status 'SOMETIMES': use one of UNKNOWN, PENDING, CONFIRMED, UNSUBSCRIBED,"
                                + " INACTIVE", false),
                new Case("null tag", "{\"email\":\"a@cases.example.org\",\"tags\":[\"a\",null]}",
                        "'tags' must not contain empty or null names", false),
                new Case("no email", "{\"status\":\"CONFIRMED\"}", "email: an e-mail address is required", true),
                new Case("invalid email", "{\"email\":\"not-an-address\"}", "email: 'not-an-address' is not a valid"
                        + " e-mail address (Missing final '@domain'); expected e.g. ann@example.com", true));
    }
}
