package org.herald.contacts.shell.internal.tag;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.herald.contacts.ContactService;
import org.herald.contacts.shell.internal.completers.ContactCompleter;
import org.herald.shell.HeraldAction;

/**
 * The contact whose tags tag-add and tag-remove change; each command declares its own
 * {@code tags} argument (index 1) so that its help says what happens to them.
 */
abstract class TagChangeAction extends HeraldAction {

    @Argument(index = 0, name = "id-or-email", required = true, description = "The contact's id or e-mail address")
    @Completion(ContactCompleter.class)
    String idOrEmail;

    @Reference
    ContactService contacts;
}
