package org.herald.contacts.shell.internal.contact;

import java.io.PrintStream;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.herald.contacts.ConsentEntry;
import org.herald.contacts.ContactService;
import org.herald.contacts.shell.internal.completers.ContactCompleter;
import org.herald.shell.Formats;
import org.herald.shell.HeraldAction;

@Service
@Command(scope = "herald", name = "consent-history", description = "Shows a contact's consent ledger, oldest first",
        detailedDescription = "Every change of opt-in status (from -> to) and list membership (+list, -list) with its "
                + "channel, source (API, MANAGE, FORM, MESSAGE, FEEDBACK_COMPLAINT, ONE_MESSAGE, BOUNCE, IMPORT), actor and proof.")
public class ConsentHistoryCommand extends HeraldAction {

    @Argument(index = 0, name = "id-or-email", required = true, description = "The contact's id or e-mail address")
    @Completion(ContactCompleter.class)
    String idOrEmail;

    @Reference
    ContactService contacts;

    @Override
    protected void run(PrintStream out) {
        table(contacts.consentHistory(idOrEmail)).print(out);
    }

    static ShellTable table(List<ConsentEntry> entries) {
        ShellTable table = new ShellTable();
        table.column("Time");
        table.column("Channel");
        table.column("Action");
        table.column("Change");
        table.column("Source");
        table.column("Actor");
        table.column("Proof").maxSize(60);
        table.emptyTableText("No consent entries.");
        for (ConsentEntry e : entries) {
            table.addRow().addContent(Formats.time(e.at()), e.channel() == null ? "" : e.channel().name(),
                    e.action() == null ? "" : e.action().name(), Formats.consentChange(e),
                    e.source() == null ? "" : e.source().name(), e.actor() == null ? "" : e.actor(),
                    Formats.consentProof(e));
        }
        return table;
    }
}
