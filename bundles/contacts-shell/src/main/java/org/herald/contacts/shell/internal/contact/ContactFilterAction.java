package org.herald.contacts.shell.internal.contact;

import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.herald.contacts.ContactQuery;
import org.herald.contacts.OptInStatus;
import org.herald.contacts.shell.internal.completers.ListNameCompleter;
import org.herald.contacts.shell.internal.completers.StatusCompleter;
import org.herald.contacts.shell.internal.completers.TagCompleter;
import org.herald.shell.HeraldAction;

/** The filters contact-list and contact-count share. */
abstract class ContactFilterAction extends HeraldAction {

    @Option(name = "--status", aliases = "-s", description = "Only contacts with this opt-in status")
    @Completion(StatusCompleter.class)
    String status;

    @Option(name = "--list", aliases = "-l", description = "Only members of this list")
    @Completion(ListNameCompleter.class)
    String list;

    @Option(name = "--tag", aliases = "-t", description = "Only contacts with this tag")
    @Completion(TagCompleter.class)
    String tag;

    @Option(name = "--search", description = "Only contacts whose e-mail address contains this text")
    String search;

    @Option(name = "--deleted", description = "Only soft-deleted contacts (restorable until the nightly purge)")
    boolean deleted;

    ContactQuery query(int offset, int limit) {
        return query(status, list, tag, search, deleted, offset, limit);
    }

    /**
     * A contact query from filter options as typed: the status parsed, blank names meaning "any". Also
     * used by contact-export --all, whose filters have their own option descriptions.
     */
    static ContactQuery query(String status, String list, String tag, String search, boolean deleted, int offset,
            int limit) {
        return new ContactQuery(OptInStatus.parse(status), blankToNull(list), blankToNull(tag), blankToNull(search),
                deleted, offset, limit);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
