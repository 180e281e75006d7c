package org.herald.contacts.shell.internal.contact;

import java.util.List;

import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.herald.contacts.ContactService;
import org.herald.contacts.shell.internal.completers.FieldValueCompleter;
import org.herald.contacts.shell.internal.completers.TagCompleter;
import org.herald.shell.HeraldAction;

/** The {@code -f} and {@code -t} options contact-add and contact-update share, with the same syntax. */
abstract class ContactEditAction extends HeraldAction {

    @Option(name = "-f", aliases = "--field", multiValued = true, description = "A field value as name=value (name= clears it); repeat for more fields")
    @Completion(FieldValueCompleter.class)
    List<String> fields;

    @Option(name = "-t", aliases = "--tag", multiValued = true, description = "A tag to add; repeat for more")
    @Completion(TagCompleter.class)
    List<String> tags;

    @Reference
    ContactService contacts;
}
