package org.herald.contacts.shell.internal.list;

import java.io.PrintStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.herald.contacts.ListService;
import org.herald.contacts.MailingList;
import org.herald.shell.Args;
import org.herald.shell.HeraldAction;

@Service
@Command(scope = "herald", name = "list-create", description = "Creates a list",
        detailedDescription = "Organise lists by the kind of mail the subscriber gets (offers, news, tips), so leaving one "
                + "keeps the others. Public names and descriptions per language appear on forms and the preference page.")
public class ListCreateCommand extends HeraldAction {

    @Option(name = "--public-name", multiValued = true, description = "The name subscribers see, as lang=text (e.g. en=\"Weekly news\"); repeat per language")
    List<String> publicNames;

    @Option(name = "--description", multiValued = true, description = "What subscribers get, as lang=text; repeat per language")
    List<String> descriptions;

    @Argument(index = 0, name = "name", required = true, description = "The list's name (its identifier in commands and the API)")
    String name;

    @Reference
    ListService lists;

    @Override
    protected void run(PrintStream out) {
        // Parse everything before changing anything, so a typo creates nothing.
        Map<String, String> names = Args.languageTexts(publicNames, "--public-name");
        Map<String, String> texts = Args.languageTexts(descriptions, "--description");
        MailingList list = lists.create(name);
        Set<String> languages = new LinkedHashSet<>(names.keySet());
        languages.addAll(texts.keySet());
        for (String lang : languages) {
            list = lists.setText(list.name(), lang, emptyToNull(names.get(lang)), emptyToNull(texts.get(lang)));
        }
        out.println("Created list " + list.name() + ". Subscribe contacts with: herald:list-subscribe " + list.name()
                + " ID-OR-EMAIL…");
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
