package org.herald.rest.internal.contacts;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import org.herald.contacts.ListText;
import org.herald.contacts.MailingList;

/** Lists as the API shows and takes them. */
public final class ListJson {

    private ListJson() {
    }

    /** A list: {@code texts} maps a language code to the public name and description. */
    public record MailingListJson(String name, Map<String, TextJson> texts, long members, Instant created) {
        public static MailingListJson of(MailingList l) {
            Map<String, TextJson> texts = new TreeMap<>();
            l.texts().forEach((lang, t) -> texts.put(lang, TextJson.of(t)));
            return new MailingListJson(l.name(), texts, l.members(), l.created());
        }
    }

    /** Public name and description in one language. */
    public record TextJson(String publicName, String description) {
        static TextJson of(ListText t) {
            return new TextJson(t.publicName(), t.description());
        }
    }

    /** {@code POST /lists}. */
    public record ListInput(String name, Map<String, TextJson> texts) {
    }

    /** {@code PATCH /lists/{name}}: renames. */
    public record ListPatch(String name) {
    }
}
