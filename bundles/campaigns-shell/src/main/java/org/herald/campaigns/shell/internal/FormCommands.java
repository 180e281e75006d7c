package org.herald.campaigns.shell.internal;

import java.io.PrintStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.herald.forms.ConsentText;
import org.herald.forms.Form;
import org.herald.forms.FormField;
import org.herald.forms.FormInput;
import org.herald.forms.FormService;
import org.herald.shell.HeraldAction;

/** The subscription form commands; each is a thin action over the form service. */
final class FormCommands {

    private FormCommands() {
    }

    /** What form-create and form-update share. */
    abstract static class FormOptions extends HeraldAction {
        @Argument(index = 0, name = "name", required = true, description = "Form name (a-z, 0-9, '-'): part of its URL")
        String name;
        @Option(name = "--title", description = "Heading of the hosted form page")
        String title;
        @Option(name = "-f", aliases = "--field", multiValued = true, description = "A field the form asks for, optional "
                + "(repeat; a visible custom field)")
        List<String> optional;
        @Option(name = "-r", aliases = "--required", multiValued = true, description = "A field the form requires (repeat)")
        List<String> required;
        @Option(name = "-l", aliases = "--list", multiValued = true, description = "A list subscribers join (repeat)")
        List<String> lists;
        @Option(name = "--consent", description = "The consent text subscribers agree to (a change is a new version)")
        String consent;
        @Option(name = "--consent-file", description = "File with the consent text (UTF-8)")
        String consentFile;
        @Option(name = "--single-opt-in", description = "No confirmation message: the post itself subscribes "
                + "(double opt-in is the default and the safe choice)")
        boolean singleOptIn;
        @Option(name = "--double-opt-in", description = "Turn double opt-in back on (form-update)")
        boolean doubleOptIn;
        @Option(name = "--success-url", description = "Where a browser goes after a post that was taken (https, a host of "
                + "redirectHosts in etc/org.herald.forms.cfg; '' to clear)")
        String successUrl;
        @Option(name = "--error-url", description = "Where a browser goes after a refused post ('' to clear)")
        String errorUrl;
        @Option(name = "--language", description = "Language of the page and the confirmation message (en, et, pl, …)")
        String language;
        @Reference
        FormService forms;

        FormInput input(boolean creating) throws Exception {
            FormInput.Builder b = FormInput.builder().title(title).successUrl(successUrl).errorUrl(errorUrl).language(language);
            if (optional != null || required != null) {
                List<FormField> fields = new ArrayList<>();
                for (String r : required == null ? List.<String>of() : required) {
                    fields.add(new FormField(r, true));
                }
                for (String o : optional == null ? List.<String>of() : optional) {
                    fields.add(new FormField(o, false));
                }
                b.fields(fields);
            }
            if (lists != null) {
                b.lists(lists);
            }
            if (consent != null && consentFile != null) {
                throw error("give --consent or --consent-file, not both");
            }
            b.consentText(consentFile != null ? Files.readString(resolve(consentFile)) : consent);
            if (singleOptIn && doubleOptIn) {
                throw error("give --single-opt-in or --double-opt-in, not both");
            }
            b.doubleOptIn(singleOptIn ? Boolean.FALSE : doubleOptIn ? Boolean.TRUE : creating ? Boolean.TRUE : null);
            return b.build();
        }
    }

    static void show(PrintStream out, Form f, String url) {
        out.println("Form " + f.name() + (f.title() == null ? "" : " (" + f.title() + ")"));
        out.println("  URL:           " + url + "   (hosted page; websites POST here)");
        out.println("  Double opt-in: " + (f.doubleOptIn() ? "yes" : "no: a post subscribes at once"));
        out.println("  Lists:         " + (f.lists().isEmpty() ? "(none)" : String.join(", ", f.lists())));
        List<String> fields = new ArrayList<>();
        for (FormField field : f.fields()) {
            fields.add(field.name() + (field.required() ? " (required)" : ""));
        }
        out.println("  Fields:        " + String.join(", ", fields));
        out.println("  Consent text:  " + (f.consent() == null ? "(none)" : "version " + f.consent().version() + ", sha256 "
                + f.consent().sha256()));
        if (f.consent() != null) {
            out.println("    " + f.consent().text().replace("\n", "\n    "));
        }
        out.println("  Success URL:   " + (f.successUrl() == null ? "(Herald's page)" : f.successUrl()));
        out.println("  Error URL:     " + (f.errorUrl() == null ? "(Herald's page)" : f.errorUrl()));
        if (f.language() != null) {
            out.println("  Language:      " + f.language());
        }
    }

    /** An HTML form a website can embed, posting to Herald. */
    static String snippet(Form f, String url) {
        StringBuilder b = new StringBuilder();
        b.append("<form action=\"").append(url).append("\" method=\"post\">\n");
        for (FormField field : f.fields()) {
            b.append("  <label>").append(field.name()).append(" <input name=\"").append(field.name()).append("\"")
                    .append(field.name().equals("email") ? " type=\"email\"" : "").append(field.required() ? " required" : "")
                    .append("></label>\n");
        }
        if (f.consent() != null) {
            b.append("  <label><input type=\"checkbox\" name=\"consent\" value=\"on\" required> (the consent text, version ")
                    .append(f.consent().version()).append(")</label>\n");
        }
        b.append("  <input name=\"homepage\" style=\"display:none\" tabindex=\"-1\" autocomplete=\"off\">\n");
        b.append("  <button type=\"submit\">Subscribe</button>\n</form>");
        return b.toString();
    }

    @Service
    @Command(scope = "herald", name = "form-create", description = "Creates a subscription form",
            detailedDescription = "The form's page is at <baseUrl>/forms/<name>, where websites also post it (urlencoded or "
                    + "JSON). Double opt-in is on unless --single-opt-in: the subscriber gets a confirmation message and "
                    + "joins the lists when following its link. The address is always asked for and required. Example:\n"
                    + "  herald:form-create -r firstname -f city -l news --consent \"Send me the weekly news.\" newsletter")
    public static class Create extends FormOptions {
        @Option(name = "--snippet", description = "Also print an HTML form to paste into a website")
        boolean printSnippet;

        @Override
        protected void run(PrintStream out) throws Exception {
            Form f = forms.create(name, input(true));
            out.println("Created form " + f.name() + ".");
            show(out, f, forms.url(f.name()));
            if (printSnippet) {
                out.println();
                out.println(snippet(f, forms.url(f.name())));
            }
        }
    }

    @Service
    @Command(scope = "herald", name = "form-update", description = "Changes a subscription form (what is not given stays)",
            detailedDescription = "--field/--required together replace the fields; --list replaces the lists; a changed "
                    + "consent text becomes a new version (the earlier ones are kept as proof).")
    public static class Update extends FormOptions {
        @Override
        protected void run(PrintStream out) throws Exception {
            Form f = forms.update(name, input(false));
            out.println("Changed form " + f.name() + ".");
            show(out, f, forms.url(f.name()));
        }
    }

    @Service
    @Command(scope = "herald", name = "form-list", description = "Lists the subscription forms")
    public static class ListForms extends HeraldAction {
        @Reference
        FormService forms;

        @Override
        protected void run(PrintStream out) {
            List<Form> all = forms.list();
            if (all.isEmpty()) {
                out.println("No forms yet: herald:form-create NAME --list LIST");
                return;
            }
            ShellTable table = new ShellTable();
            table.column("Name");
            table.column("Lists");
            table.column("Double opt-in");
            table.column("Consent");
            table.column("Fields");
            for (Form f : all) {
                table.addRow().addContent(f.name(), String.join(",", f.lists()), f.doubleOptIn() ? "yes" : "no",
                        f.consent() == null ? "-" : "v" + f.consent().version(),
                        String.join(",", f.fields().stream().map(FormField::name).toList()));
            }
            table.print(out, true);
        }
    }

    @Service
    @Command(scope = "herald", name = "form-show", description = "Shows a subscription form, its URL and an HTML snippet")
    public static class Show extends HeraldAction {
        @Argument(index = 0, name = "name", required = true, description = "Form name")
        String name;
        @Option(name = "--versions", description = "Also print every version of the consent text")
        boolean versions;
        @Reference
        FormService forms;

        @Override
        protected void run(PrintStream out) {
            Form f = forms.get(name);
            String url = forms.url(f.name());
            show(out, f, url);
            if (versions) {
                Map<Integer, ConsentText> all = new LinkedHashMap<>();
                forms.consentTexts(f.name()).forEach(t -> all.put(t.version(), t));
                for (ConsentText t : all.values()) {
                    out.println("  v" + t.version() + " " + t.created() + " sha256 " + t.sha256());
                    out.println("    " + t.text().replace("\n", "\n    "));
                }
            }
            out.println();
            out.println("HTML for a website:");
            out.println(snippet(f, url));
        }
    }

    @Service
    @Command(scope = "herald", name = "form-delete", description = "Deletes a subscription form",
            detailedDescription = "Its consent texts stay as the proof of the subscriptions made with it; posts to it are "
                    + "answered 404 from now on.")
    public static class Delete extends HeraldAction {
        @Argument(index = 0, name = "name", required = true, description = "Form name")
        String name;
        @Reference
        FormService forms;

        @Override
        protected void run(PrintStream out) {
            forms.delete(name);
            out.println("Deleted form " + name + ".");
        }
    }
}
