package org.herald.campaigns.shell.internal;

import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.herald.campaigns.AbMetric;
import org.herald.campaigns.AbTest;
import org.herald.campaigns.AbTestInfo;
import org.herald.campaigns.AbVariant;
import org.herald.campaigns.Campaign;
import org.herald.campaigns.VariantFigures;
import org.herald.campaigns.CampaignInput;
import org.herald.campaigns.CampaignReport;
import org.herald.campaigns.CampaignService;
import org.herald.campaigns.CampaignState;
import org.herald.campaigns.Frequency;
import org.herald.campaigns.MailChoices;
import org.herald.campaigns.MessageStatus;
import org.herald.campaigns.SendPolicy;
import org.herald.campaigns.TemplateInput;
import org.herald.campaigns.TemplateService;
import org.herald.shell.HeraldAction;

/** The campaign commands; each is a thin action over the campaign services. */
final class CampaignCommands {

    private CampaignCommands() {
    }

    static void printReport(PrintStream out, CampaignReport r) {
        out.println("Campaign " + r.campaign() + ": " + r.state() + ", " + r.done() + " of " + r.messages() + " done");
        for (Map.Entry<MessageStatus, Long> e : r.statuses().entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).toList()) {
            if (e.getValue() > 0) {
                out.printf("  %-4s %8d  %s%n", e.getKey(), e.getValue(), e.getKey().description());
            }
        }
        if (r.retrying() > 0) {
            out.println("  waiting for a retry after a temporary failure: " + r.retrying());
        }
        out.println("  opens " + r.opens() + " (unique " + r.uniqueOpens() + "), clicks " + r.clicks() + " (unique "
                + r.uniqueClicks() + "), unsubscribes " + r.unsubscribes() + ", bounces " + r.bounces()
                + ", complaints " + r.complaints());
        if (r.abTest() != null) {
            AbTestInfo ab = r.abTest();
            out.println("  A/B test by " + ab.metric() + ": " + (ab.winner() == null
                    ? "testing, the winner is picked at " + (ab.decideAt() == null ? "(not started)" : ab.decideAt())
                    : "winner " + ab.winner() + " at " + ab.decidedAt() + ", " + ab.reason()));
            out.println("  variant  queued     sent    opens (unique)   clicks (unique)  purchases  revenue");
            for (VariantFigures v : r.variants()) {
                out.printf("  %-7s %7d %8d %8d (%6d) %8d (%6d) %10d  %s%n", v.name(), v.messages(), v.sent(), v.opens(),
                        v.uniqueOpens(), v.clicks(), v.uniqueClicks(), v.purchases(), v.revenue().toPlainString());
            }
        }
        if (!r.links().isEmpty()) {
            out.println("  clicks per link (all, unique):");
            for (CampaignReport.LinkClicks l : r.links()) {
                out.printf("  %8d %8d  %s%n", l.clicks(), l.uniqueClicks(), l.url());
            }
        }
    }

    @Service
    @Command(scope = "herald", name = "template-add", description = "Creates or replaces a message template",
            detailedDescription = "Pebble syntax: {{ firstname | default(\"friend\") }}, {{ unsubscribe_url }}, "
                    + "{{ preferences_url }}, {{ webview_url }}, {{ token }} (for prefilled forms). Without --text the "
                    + "text part is made from the HTML.")
    public static class TemplateAdd extends HeraldAction {
        @Argument(index = 0, name = "name", required = true, description = "Template name")
        String name;
        @Option(name = "--subject", required = true, description = "Subject (may use merge tags)")
        String subject;
        @Option(name = "--html", description = "File with the HTML part")
        String html;
        @Option(name = "--text", description = "File with the text part")
        String text;
        @Reference
        TemplateService templates;

        @Override
        protected void run(PrintStream out) throws Exception {
            TemplateInput.Builder b = TemplateInput.builder().subject(subject);
            if (html != null) {
                b.html(Files.readString(resolve(html)));
            }
            if (text != null) {
                b.text(Files.readString(resolve(text)));
            }
            templates.save(name, b.build());
            out.println("Saved template " + name + ". Use it with: herald:campaign-create NAME --template " + name
                    + " --list LIST");
        }
    }

    @Service
    @Command(scope = "herald", name = "campaign-create", description = "Creates a campaign (a draft)")
    public static class Create extends HeraldAction {
        @Argument(index = 0, name = "name", required = true, description = "Campaign name")
        String name;
        @Option(name = "--template", required = true, description = "Template name")
        String template;
        @Option(name = "--list", multiValued = true, description = "Target list; repeat for several")
        List<String> lists;
        @Option(name = "--exclude-list", multiValued = true, description = "Exclusion list; repeat for several")
        List<String> excluded;
        @Option(name = "--segment", multiValued = true, description = "Target segment; repeat for several")
        List<String> segments;
        @Option(name = "--exclude-segment", multiValued = true, description = "Exclusion segment; repeat for several")
        List<String> excludedSegments;
        @Option(name = "--subject", description = "Subject, instead of the template's")
        String subject;
        @Option(name = "--from", description = "From address (default: the configured sender)")
        String from;
        @Option(name = "--allow-unknown", description = "Also mail contacts whose opt-in status is UNKNOWN")
        boolean allowUnknown;
        @Option(name = "--transactional", description = "Transactional mail: no caps, no opt-in check (never to suppressed contacts)")
        boolean transactional;
        @Option(name = "--ab-subject", multiValued = true,
                description = "A/B test: the subject of a variant (A, B, … in order); repeat for each")
        List<String> abSubjects;
        @Option(name = "--ab-template", multiValued = true,
                description = "A/B test: the template of a variant (A, B, … in order); repeat for each")
        List<String> abTemplates;
        @Option(name = "--ab-sample", description = "A/B test: percent of the audience in the test, split evenly (default 20)")
        int abSample = 20;
        @Option(name = "--ab-metric", description = "A/B test: what picks the winner: opens, clicks (default) or revenue")
        String abMetric = "clicks";
        @Option(name = "--ab-wait", description = "A/B test: wait before picking the winner, minutes or 90m, 4h, 2d (default 4h)")
        String abWait = "4h";
        @Reference
        CampaignService campaigns;

        @Override
        protected void run(PrintStream out) {
            CampaignInput.Builder b = CampaignInput.builder(template).subject(subject).from(from).allowUnknown(allowUnknown)
                    .transactional(transactional);
            int subjects = abSubjects == null ? 0 : abSubjects.size();
            int templates = abTemplates == null ? 0 : abTemplates.size();
            if (subjects > 0 || templates > 0) {
                if (subjects > 0 && templates > 0 && subjects != templates) {
                    throw new org.herald.common.ValidationException("abTest", null,
                            "give as many --ab-subject as --ab-template (one of each per variant), or only one kind");
                }
                AbTest.Builder ab = AbTest.builder().samplePercent(abSample).waitMinutes(minutes(abWait))
                        .metric(AbMetric.valueOf(abMetric.toUpperCase(java.util.Locale.ROOT)));
                for (int i = 0; i < Math.max(subjects, templates); i++) {
                    ab.variant(String.valueOf((char) ('A' + i)), templates == 0 ? null : abTemplates.get(i),
                            subjects == 0 ? null : abSubjects.get(i));
                }
                b.abTest(ab.build());
            }
            if (lists != null) {
                b.list(lists.toArray(String[]::new));
            }
            if (excluded != null) {
                b.excludeList(excluded.toArray(String[]::new));
            }
            if (segments != null) {
                b.segment(segments.toArray(String[]::new));
            }
            if (excludedSegments != null) {
                b.excludeSegment(excludedSegments.toArray(String[]::new));
            }
            Campaign c = campaigns.create(name, b.build());
            out.println("Created campaign " + c.name() + " (DRAFT). Try it with herald:campaign-test " + c.name()
                    + " ADDRESS, send it with herald:campaign-send " + c.name());
        }
    }

    /** Minutes of {@code 240}, {@code 90m}, {@code 4h} or {@code 2d}. */
    static long minutes(String text) {
        String t = text.strip().toLowerCase(java.util.Locale.ROOT);
        long unit = t.endsWith("d") ? 1440 : t.endsWith("h") ? 60 : 1;
        if (t.endsWith("d") || t.endsWith("h") || t.endsWith("m")) {
            t = t.substring(0, t.length() - 1);
        }
        try {
            return Long.parseLong(t) * unit;
        } catch (NumberFormatException e) {
            throw new org.herald.common.ValidationException("abWait", text, "--ab-wait: minutes, or a number with m, h or d");
        }
    }

    @Service
    @Command(scope = "herald", name = "campaign-list", description = "Lists the campaigns")
    public static class ListCampaigns extends HeraldAction {
        @Reference
        CampaignService campaigns;

        @Override
        protected void run(PrintStream out) {
            ShellTable table = new ShellTable();
            table.column("Name");
            table.column("State");
            table.column("Template");
            table.column("Lists");
            table.column("Segments");
            table.column("Started");
            for (Campaign c : campaigns.list()) {
                table.addRow().addContent(c.name(), c.state(), c.template(), String.join(",", c.lists()),
                        String.join(",", c.segments()),
                        c.startedAt() == null ? "" : c.startedAt().toString());
            }
            table.print(out);
        }
    }

    @Service
    @Command(scope = "herald", name = "campaign-show", description = "Shows a campaign and its progress")
    public static class Show extends HeraldAction {
        @Argument(index = 0, name = "name", required = true, description = "Campaign name")
        String name;
        @Reference
        CampaignService campaigns;

        @Override
        protected void run(PrintStream out) {
            Campaign c = campaigns.get(name);
            out.println("Name:      " + c.name());
            out.println("State:     " + c.state());
            out.println("Template:  " + c.template());
            out.println("Lists:     " + String.join(", ", c.lists()));
            out.println("Excluded:  " + String.join(", ", c.excludeLists()));
            out.println("Segments:  " + String.join(", ", c.segments()));
            out.println("Excluded segments: " + String.join(", ", c.excludeSegments()));
            out.println("From:      " + (c.from() == null ? "(default sender)" : c.from()));
            out.println("Kind:      " + (c.transactional() ? "transactional" : "marketing")
                    + (c.allowUnknown() ? ", UNKNOWN status mailed too" : ""));
            if (c.abTest() != null) {
                AbTestInfo ab = c.abTest();
                out.println("A/B test:  " + ab.samplePercent() + "% of the audience, winner by " + ab.metric() + " after "
                        + ab.waitMinutes() + " min" + (ab.decideAt() == null ? "" : " (at " + ab.decideAt() + ")"));
                for (AbVariant v : ab.variants()) {
                    out.println("  variant " + v.name() + ": template " + (v.template() == null ? c.template() : v.template())
                            + (v.subject() == null ? "" : ", subject \"" + v.subject() + "\""));
                }
            }
            printReport(out, campaigns.report(name));
        }
    }

    @Service
    @Command(scope = "herald", name = "campaign-send", description = "Sends a campaign (now, or at --at)")
    public static class Send extends HeraldAction {
        @Argument(index = 0, name = "name", required = true, description = "Campaign name")
        String name;
        @Option(name = "--at", description = "ISO-8601 time to send at (e.g. 2026-12-24T08:00:00Z)")
        String at;
        @Option(name = "--wait", description = "Print progress until every message has its status")
        boolean wait;
        @Reference
        CampaignService campaigns;

        @Override
        protected void run(PrintStream out) throws Exception {
            if (at != null) {
                Campaign c = campaigns.schedule(name, Instant.parse(at), "console");
                out.println("Campaign " + c.name() + " scheduled for " + c.scheduledAt());
                return;
            }
            campaigns.send(name, "console");
            CampaignReport r = campaigns.report(name);
            out.println("Campaign " + name + " is sending: " + r.messages() + " messages queued. Follow it with "
                    + "herald:campaign-report " + name);
            if (wait) {
                long last = -1;
                while (true) {
                    r = campaigns.report(name);
                    if (r.done() != last) {
                        out.println("  " + r.done() + " / " + r.messages() + " done, " + r.statuses().get(MessageStatus.SENT)
                                + " sent");
                        last = r.done();
                    }
                    if (r.state() != CampaignState.SENDING || r.done() == r.messages()) {
                        break;
                    }
                    Thread.sleep(Duration.ofSeconds(1).toMillis());
                }
                printReport(out, r);
            }
        }
    }

    @Service
    @Command(scope = "herald", name = "campaign-pause", description = "Pauses a sending campaign")
    public static class Pause extends HeraldAction {
        @Argument(index = 0, name = "name", required = true, description = "Campaign name")
        String name;
        @Reference
        CampaignService campaigns;

        @Override
        protected void run(PrintStream out) {
            campaigns.pause(name, "console");
            out.println("Campaign " + name + " paused. Resume it with herald:campaign-resume " + name);
        }
    }

    @Service
    @Command(scope = "herald", name = "campaign-resume", description = "Resumes a paused campaign")
    public static class Resume extends HeraldAction {
        @Argument(index = 0, name = "name", required = true, description = "Campaign name")
        String name;
        @Reference
        CampaignService campaigns;

        @Override
        protected void run(PrintStream out) {
            campaigns.resume(name, "console");
            out.println("Campaign " + name + " is sending again.");
        }
    }

    @Service
    @Command(scope = "herald", name = "campaign-cancel", description = "Cancels a campaign; its waiting messages become C")
    public static class Cancel extends HeraldAction {
        @Argument(index = 0, name = "name", required = true, description = "Campaign name")
        String name;
        @Reference
        CampaignService campaigns;

        @Override
        protected void run(PrintStream out) {
            campaigns.cancel(name, "console");
            printReport(out, campaigns.report(name));
        }
    }

    @Service
    @Command(scope = "herald", name = "campaign-report", description = "Messages per status, opens, clicks, unsubscribes, bounces")
    public static class Report extends HeraldAction {
        @Argument(index = 0, name = "name", required = true, description = "Campaign name")
        String name;
        @Reference
        CampaignService campaigns;

        @Override
        protected void run(PrintStream out) {
            printReport(out, campaigns.report(name));
        }
    }

    @Service
    @Command(scope = "herald", name = "campaign-test", description = "Sends the campaign's message to test addresses now")
    public static class TestSend extends HeraldAction {
        @Argument(index = 0, name = "name", required = true, description = "Campaign name")
        String name;
        @Argument(index = 1, name = "addresses", required = true, multiValued = true, description = "Addresses")
        List<String> addresses;
        @Reference
        CampaignService campaigns;

        @Override
        protected void run(PrintStream out) {
            out.println("Handed " + campaigns.testSend(name, addresses) + " test message(s) to the transport.");
        }
    }

    @Service
    @Command(scope = "herald", name = "contact-mail-choices", description = "Shows or sets a contact's sending choices")
    public static class Choices extends HeraldAction {
        @Argument(index = 0, name = "contact", required = true, description = "Contact id or e-mail")
        String contact;
        @Option(name = "--frequency", description = "DAILY, WEEKLY, BIWEEKLY, QUARTERLY or NONE")
        String frequency;
        @Option(name = "--one-message-weekly", description = "true or false: at most one marketing message a week")
        String oneMessage;
        @Reference
        SendPolicy policy;

        @Override
        protected void run(PrintStream out) {
            MailChoices now = policy.choices(contact);
            if (frequency != null || oneMessage != null) {
                Frequency f = frequency == null ? now.frequency()
                        : frequency.equalsIgnoreCase("NONE") ? null : Frequency.valueOf(frequency.toUpperCase(java.util.Locale.ROOT));
                boolean one = oneMessage == null ? now.oneMessageWeekly() : Boolean.parseBoolean(oneMessage);
                now = policy.setChoices(contact, new MailChoices(f, one), "console");
            }
            out.println("Frequency: " + (now.frequency() == null ? "no cap" : now.frequency()) + ", one message a week: "
                    + now.oneMessageWeekly());
        }
    }

    @Service
    @Command(scope = "herald", name = "contact-links",
            description = "Prints a contact's current preference, unsubscribe and confirmation links",
            detailedDescription = "For support staff: each link carries a signed token (never the address). The "
                    + "unsubscribe link offers leaving every list or all marketing; the confirmation link (double "
                    + "opt-in) expires after confirmationHours of etc/org.herald.campaigns.cfg.")
    public static class Links extends HeraldAction {
        @Argument(index = 0, name = "contact", required = true, description = "Contact id or e-mail")
        String contact;
        @Reference
        org.herald.contacts.ContactService contacts;
        @Reference
        org.herald.tokens.SubscriberLinks links;

        @Override
        protected void run(PrintStream out) {
            org.herald.contacts.Contact c = contacts.get(contact);
            org.herald.tokens.ContactLinks l = links.forContact(c.id());
            out.println("Preferences:  " + l.preferencesUrl());
            out.println("Unsubscribe:  " + l.unsubscribeUrl());
            out.println("Confirmation: " + l.confirmUrl());
            out.println("              (valid until " + l.confirmExpiresAt() + ")");
        }
    }

    @Service
    @Command(scope = "herald", name = "contact-confirmation",
            description = "Sends a contact the double opt-in message with its confirmation link",
            detailedDescription = "Through the outbound path of campaigns (the relay, or data/outbox/), in the contact's "
                    + "language, or with the template named by confirmationTemplate of etc/org.herald.campaigns.cfg. "
                    + "At most confirmationsPerDay messages go to one contact in 24 hours.")
    public static class Confirmation extends HeraldAction {
        @Argument(index = 0, name = "contact", required = true, description = "Contact id or e-mail")
        String contact;
        @Reference
        org.herald.campaigns.ConfirmationMail confirmations;

        @Override
        protected void run(PrintStream out) {
            switch (confirmations.request(contact)) {
                case QUEUED -> out.println("Queued the confirmation message to " + contact
                        + ". The contact becomes CONFIRMED when it follows the link.");
                case ALREADY_CONFIRMED -> out.println("Nothing sent: " + contact + " is CONFIRMED already.");
                case SUPPRESSED -> throw new IllegalArgumentException(contact
                        + " cannot be mailed (its address is inactive or it is deleted)");
                case LIMITED -> throw new IllegalArgumentException("Nothing sent: " + contact
                        + " got the most confirmation messages allowed in 24 hours (confirmationsPerDay)");
            }
        }
    }
}
