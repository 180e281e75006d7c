package org.herald.campaigns.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.herald.campaigns.CampaignInput;
import org.herald.campaigns.CampaignReport;
import org.herald.campaigns.CampaignState;
import org.herald.campaigns.Frequency;
import org.herald.campaigns.MailChoices;
import org.herald.campaigns.MessageStatus;
import org.herald.campaigns.TemplateInput;
import org.herald.common.ConflictException;
import org.herald.contacts.ContactInput;
import org.herald.contacts.OptInStatus;
import org.herald.contacts.internal.TestBed;
import org.herald.events.ContactEvent;
import org.herald.events.EventTypes;
import org.herald.events.TimelineQuery;
import org.herald.mail.DeliveryOutcome;
import org.herald.mail.DeliveryResult;
import org.herald.mail.OutboundMessage;
import org.herald.tokens.TokenPurpose;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CampaignServiceTest {

    private static final AtomicInteger N = new AtomicInteger();
    private final CampaignBed cb = new CampaignBed(Map.of("leaseSeconds", 0L, "retryFirstSeconds", 0L));

    @AfterAll
    void close() {
        cb.close();
    }

    private String unique(String prefix) {
        return prefix + N.incrementAndGet();
    }

    private String contact(String email, OptInStatus status, String... lists) {
        return cb.bed.contacts.upsert(ContactInput.builder(email).status(status).list(lists).build(), TestBed.ADMIN)
                .contact().id();
    }

    private String template() {
        String name = unique("tpl");
        cb.templates.save(name, TemplateInput.builder().subject("News for {{ email }}")
                .html("<p>Hi {{ firstname | default(\"friend\") }}</p><a href=\"{{ unsubscribe_url }}\">leave</a>").build());
        return name;
    }

    /** Takes everything due and reports it accepted; returns what was taken. */
    private List<OutboundMessage> deliverAll() {
        List<OutboundMessage> all = new java.util.ArrayList<>();
        List<OutboundMessage> batch;
        while (!(batch = cb.campaigns.take(100)).isEmpty()) {
            for (OutboundMessage m : batch) {
                cb.campaigns.report(DeliveryResult.of(m.messageId(), DeliveryOutcome.ACCEPTED, 250, "2.0.0 Ok", Instant.now()));
            }
            all.addAll(batch);
        }
        return all;
    }

    @Test
    void aCampaignGoesToConfirmedMembersOfItsListsOnceMinusExclusions() {
        String news = unique("news");
        String offers = unique("offers");
        String blocked = unique("blocked");
        cb.bed.lists.create(news);
        cb.bed.lists.create(offers);
        cb.bed.lists.create(blocked);
        String both = unique("both") + "@a.test";
        contact(both, OptInStatus.CONFIRMED, news, offers);
        contact(unique("one") + "@b.test", OptInStatus.CONFIRMED, news);
        contact(unique("unknown") + "@a.test", OptInStatus.UNKNOWN, news);
        contact(unique("unsub") + "@a.test", OptInStatus.UNSUBSCRIBED, news);
        contact(unique("inactive") + "@a.test", OptInStatus.INACTIVE, news);
        contact(unique("excluded") + "@a.test", OptInStatus.CONFIRMED, news, blocked);
        String name = unique("camp");
        cb.campaigns.create(name, CampaignInput.builder(template()).list(news, offers).excludeList(blocked).build());

        assertThat(cb.campaigns.send(name, "admin").state()).isEqualTo(CampaignState.SENDING);
        CampaignReport queued = cb.campaigns.report(name);
        assertThat(queued.messages()).isEqualTo(2);
        assertThat(queued.statuses()).containsEntry(MessageStatus.WFS, 2L);

        List<OutboundMessage> sent = deliverAll();
        assertThat(sent).extracting(OutboundMessage::to).hasSize(2).contains(both);
        OutboundMessage m = sent.stream().filter(x -> x.to().equals(both)).findFirst().orElseThrow();
        assertThat(m.subject()).isEqualTo("News for " + both);
        assertThat(m.html()).contains("Hi friend").contains("/unsubscribe/");
        assertThat(m.text()).contains("leave (http://localhost:8181/herald/unsubscribe/");
        assertThat(m.headers()).containsEntry("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        assertThat(m.headers().get("List-Unsubscribe")).startsWith("<http://localhost:8181/herald/unsubscribe/");
        assertThat(m.rfcMessageId()).isEqualTo("<c" + m.campaignId() + ".m" + m.messageId() + "@herald.invalid>");
        String bounceToken = m.envelopeFrom().substring("bounce+".length(), m.envelopeFrom().indexOf('@'));
        assertThat(cb.tokens.verify(bounceToken, TokenPurpose.BOUNCE)).hasValueSatisfying(t -> {
            assertThat(t.contactId()).isEqualTo(m.contactId());
            assertThat(t.messageId()).isEqualTo(m.messageId());
        });

        CampaignReport report = cb.campaigns.report(name);
        assertThat(report.statuses()).containsEntry(MessageStatus.SENT, 2L).containsEntry(MessageStatus.WFS, 0L);
        cb.campaigns.tick();
        assertThat(cb.campaigns.get(name).state()).isEqualTo(CampaignState.SENT);

        List<String> types = cb.bed.events.timeline(m.contactId(), TimelineQuery.latest()).items().stream()
                .map(ContactEvent::type).toList();
        assertThat(types).contains(EventTypes.MESSAGE_QUEUED, EventTypes.MESSAGE_SENT);
        // sending again queues nobody twice
        assertThatThrownBy(() -> cb.campaigns.send(name, "admin")).isInstanceOf(ConflictException.class);
        assertThat(cb.campaigns.queue(cb.bed.stores.campaigns().find(name).orElseThrow())).isZero();
    }

    @Test
    void consentIsCheckedAgainWhenTheMessageGoes() {
        String list = unique("l");
        cb.bed.lists.create(list);
        String email = unique("late") + "@a.test";
        contact(email, OptInStatus.CONFIRMED, list);
        String name = unique("camp");
        cb.campaigns.create(name, CampaignInput.builder(template()).list(list).build());
        cb.campaigns.send(name, "admin");
        cb.bed.contacts.setStatus(email, OptInStatus.UNSUBSCRIBED, TestBed.ADMIN);
        assertThat(deliverAll()).isEmpty();
        assertThat(cb.campaigns.report(name).statuses()).containsEntry(MessageStatus.OO, 1L);
    }

    @Test
    void oneMessageAWeekLetsTheFirstCampaignThroughAndCapsTheNext() {
        String list = unique("l");
        cb.bed.lists.create(list);
        String email = unique("weekly") + "@a.test";
        contact(email, OptInStatus.CONFIRMED, list);
        cb.policy.setChoices(email, new MailChoices(null, true), "admin");
        String tpl = template();
        String first = unique("first");
        String second = unique("second");
        cb.campaigns.create(first, CampaignInput.builder(tpl).list(list).build());
        cb.campaigns.create(second, CampaignInput.builder(tpl).list(list).build());
        cb.campaigns.send(first, "admin");
        cb.campaigns.send(second, "admin");
        deliverAll();
        assertThat(cb.campaigns.report(first).statuses()).containsEntry(MessageStatus.SENT, 1L);
        assertThat(cb.campaigns.report(second).statuses()).containsEntry(MessageStatus.OO, 1L);
    }

    @Test
    void aDailyCapHoldsBackASecondMarketingMessageButNotATransactionalOne() {
        String list = unique("l");
        cb.bed.lists.create(list);
        String email = unique("daily") + "@a.test";
        contact(email, OptInStatus.CONFIRMED, list);
        cb.policy.setChoices(email, new MailChoices(Frequency.DAILY, false), "admin");
        assertThat(cb.policy.choices(email)).isEqualTo(new MailChoices(Frequency.DAILY, false));
        String tpl = template();
        String a = unique("a");
        String b = unique("b");
        String receipt = unique("receipt");
        cb.campaigns.create(a, CampaignInput.builder(tpl).list(list).build());
        cb.campaigns.create(b, CampaignInput.builder(tpl).list(list).build());
        cb.campaigns.create(receipt, CampaignInput.builder(tpl).list(list).transactional(true).build());
        cb.campaigns.send(a, "admin");
        deliverAll();
        cb.campaigns.send(b, "admin");
        cb.campaigns.send(receipt, "admin");
        List<OutboundMessage> second = deliverAll();
        assertThat(cb.campaigns.report(b).statuses()).containsEntry(MessageStatus.OO, 1L);
        assertThat(cb.campaigns.report(receipt).statuses()).containsEntry(MessageStatus.SENT, 1L);
        assertThat(second).singleElement().satisfies(m -> assertThat(m.headers()).doesNotContainKey("List-Unsubscribe"));
    }

    @Test
    void temporaryFailuresRetryAndPermanentOnesTakeTheirStatusFromTheReply() {
        String list = unique("l");
        cb.bed.lists.create(list);
        contact(unique("soft") + "@a.test", OptInStatus.CONFIRMED, list);
        contact(unique("gone") + "@a.test", OptInStatus.CONFIRMED, list);
        String name = unique("camp");
        cb.campaigns.create(name, CampaignInput.builder(template()).list(list).build());
        cb.campaigns.send(name, "admin");
        List<OutboundMessage> first = cb.campaigns.take(10);
        assertThat(first).hasSize(2);
        Instant now = Instant.now();
        cb.campaigns.report(DeliveryResult.of(first.get(0).messageId(), DeliveryOutcome.TEMPORARY, 451, "4.7.1 try later", now));
        cb.campaigns.report(DeliveryResult.of(first.get(1).messageId(), DeliveryOutcome.USER_UNKNOWN, 550, "5.1.1 no such user", now));
        CampaignReport r = cb.campaigns.report(name);
        assertThat(r.statuses()).containsEntry(MessageStatus.UF, 1L).containsEntry(MessageStatus.WFS, 1L);
        assertThat(r.retrying()).isEqualTo(1);
        List<OutboundMessage> retried = cb.campaigns.take(10);
        assertThat(retried).singleElement().satisfies(m -> assertThat(m.rfcMessageId()).isEqualTo(first.get(0).rfcMessageId()));
        cb.campaigns.report(DeliveryResult.of(retried.get(0).messageId(), DeliveryOutcome.ACCEPTED, 250, "ok", Instant.now()));
        assertThat(cb.campaigns.report(name).statuses()).containsEntry(MessageStatus.SENT, 1L).containsEntry(MessageStatus.UF, 1L);
    }

    @Test
    void pauseHoldsMessagesAndCancelMakesTheWaitingOnesC() {
        String list = unique("l");
        cb.bed.lists.create(list);
        for (int i = 0; i < 3; i++) {
            contact(unique("p") + "@a.test", OptInStatus.CONFIRMED, list);
        }
        String name = unique("camp");
        cb.campaigns.create(name, CampaignInput.builder(template()).list(list).build());
        cb.campaigns.send(name, "admin");
        cb.campaigns.pause(name, "admin");
        assertThat(cb.campaigns.take(10)).isEmpty();
        cb.campaigns.resume(name, "admin");
        List<OutboundMessage> one = cb.campaigns.take(1);
        assertThat(cb.campaigns.wanted(one.get(0).messageId())).isTrue();
        cb.campaigns.report(DeliveryResult.of(one.get(0).messageId(), DeliveryOutcome.ACCEPTED, 250, "ok", Instant.now()));
        cb.campaigns.cancel(name, "admin");
        CampaignReport r = cb.campaigns.report(name);
        assertThat(r.state()).isEqualTo(CampaignState.CANCELLED);
        assertThat(r.statuses()).containsEntry(MessageStatus.SENT, 1L).containsEntry(MessageStatus.C, 2L);
        assertThat(cb.campaigns.take(10)).isEmpty();
    }

    @Test
    void aRenderErrorMarksOneMessageTeAndTheCampaignGoesOn() {
        String list = unique("l");
        cb.bed.lists.create(list);
        cb.bed.fields.create("nick", org.herald.contacts.FieldType.TEXT, null, null);
        cb.bed.contacts.upsert(ContactInput.builder(unique("bad") + "@a.test").status(OptInStatus.CONFIRMED)
                .field("nick", "x").list(list).build(), TestBed.ADMIN);
        contact(unique("fine") + "@a.test", OptInStatus.CONFIRMED, list);
        String tpl = unique("tpl");
        // a number filter on a text value fails for the contact that has one
        cb.templates.save(tpl, TemplateInput.builder().subject("s").html("{% if nick %}{{ nick | numberformat(\"#.##\") }}{% endif %}ok").build());
        String name = unique("camp");
        cb.campaigns.create(name, CampaignInput.builder(tpl).list(list).build());
        cb.campaigns.send(name, "admin");
        assertThat(deliverAll()).hasSize(1);
        assertThat(cb.campaigns.report(name).statuses()).containsEntry(MessageStatus.TE, 1L).containsEntry(MessageStatus.SENT, 1L);
    }

    @Test
    void aTestSendGoesOutsideTheCampaignStatuses() {
        String list = unique("l");
        cb.bed.lists.create(list);
        String name = unique("camp");
        cb.campaigns.create(name, CampaignInput.builder(template()).list(list).build());
        assertThat(cb.campaigns.testSend(name, List.of("seed@test.test"))).isEqualTo(1);
        List<OutboundMessage> out = cb.campaigns.take(10);
        assertThat(out).singleElement().satisfies(m -> {
            assertThat(m.subject()).startsWith("[TEST] ");
            assertThat(m.messageId()).isZero();
        });
        assertThat(cb.campaigns.report(name).messages()).isZero();
    }

    @Test
    void opensAndSignedClicksAreEventsAndCountInTheReportWhileATamperedLinkIsRefused() throws Exception {
        String list = unique("l");
        cb.bed.lists.create(list);
        String id = contact(unique("reader") + "@a.test", OptInStatus.CONFIRMED, list);
        String tpl = unique("tpl");
        cb.templates.save(tpl, TemplateInput.builder().subject("s")
                .html("<html><body><a href=\"https://shop.test/sale?a=1&amp;b=2\">Sale</a></body></html>").build());
        String name = unique("camp");
        cb.campaigns.create(name, CampaignInput.builder(tpl).list(list).build());
        cb.campaigns.send(name, "admin");
        OutboundMessage m = deliverAll().get(0);
        java.util.regex.Matcher pixel = java.util.regex.Pattern.compile("/t/o/([^\"]+)\\.gif").matcher(m.html());
        assertThat(pixel.find()).isTrue();
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("/t/c/([^?]+)\\?u=([^&]+)&amp;s=([^\"]+)\"").matcher(m.html());
        assertThat(link.find()).as(m.html()).isTrue();
        String url = java.net.URLDecoder.decode(link.group(2), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(url).isEqualTo("https://shop.test/sale?a=1&b=2");

        assertThat(cb.tracking.open(pixel.group(1))).isTrue();
        assertThat(cb.tracking.open(pixel.group(1))).isTrue();
        assertThat(cb.tracking.open("forged.token")).isFalse();
        assertThat(cb.tracking.click(link.group(1), url, link.group(3))).contains(url);
        assertThat(cb.tracking.click(link.group(1), "https://evil.test/", link.group(3))).isEmpty();
        assertThat(cb.tracking.click(pixel.group(1), url, link.group(3))).isEmpty();

        CampaignReport r = cb.campaigns.report(name);
        assertThat(r.opens()).isEqualTo(2);
        assertThat(r.uniqueOpens()).isEqualTo(1);
        assertThat(r.clicks()).isEqualTo(1);
        assertThat(r.links()).containsExactly(new CampaignReport.LinkClicks(url, 1, 1));
        assertThat(r.clicksByLink()).containsExactly(Map.entry(url, 1L));
        List<String> types = cb.bed.events.timeline(id, TimelineQuery.latest()).items().stream().map(ContactEvent::type).toList();
        assertThat(types).contains(EventTypes.MESSAGE_OPENED, EventTypes.MESSAGE_CLICKED);
    }

    @Test
    void theReportCountsClicksAndUniqueClickersPerLink() {
        String list = unique("l");
        cb.bed.lists.create(list);
        List<String> readers = List.of(unique("r") + "@a.test", unique("r") + "@a.test", unique("r") + "@a.test");
        readers.forEach(r -> contact(r, OptInStatus.CONFIRMED, list));
        String tpl = unique("tpl");
        cb.templates.save(tpl, TemplateInput.builder().subject("s").html("<html><body><a href=\"https://shop.test/a\">A</a>"
                + "<a href=\"https://shop.test/b\">B</a><a href=\"https://shop.test/c\">C</a></body></html>").build());
        String name = unique("camp");
        cb.campaigns.create(name, CampaignInput.builder(tpl).list(list).build());
        cb.campaigns.send(name, "admin");
        java.util.regex.Pattern link = java.util.regex.Pattern.compile("/t/c/([^?]+)\\?u=([^&]+)&amp;s=([^\"]+)\"");
        int n = 0;
        for (OutboundMessage m : deliverAll()) {
            java.util.regex.Matcher l = link.matcher(m.html());
            Map<String, String[]> links = new java.util.HashMap<>();
            while (l.find()) {
                links.put(java.net.URLDecoder.decode(l.group(2), java.nio.charset.StandardCharsets.UTF_8),
                        new String[] {l.group(1), l.group(3)});
            }
            // every reader clicks A twice, the first two click B once, nobody clicks C
            String[] a = links.get("https://shop.test/a");
            assertThat(cb.tracking.click(a[0], "https://shop.test/a", a[1])).isPresent();
            assertThat(cb.tracking.click(a[0], "https://shop.test/a", a[1])).isPresent();
            if (n++ < 2) {
                String[] b = links.get("https://shop.test/b");
                assertThat(cb.tracking.click(b[0], "https://shop.test/b", b[1])).isPresent();
            }
        }
        CampaignReport r = cb.campaigns.report(name);
        assertThat(r.links()).containsExactly(new CampaignReport.LinkClicks("https://shop.test/a", 6, 3),
                new CampaignReport.LinkClicks("https://shop.test/b", 2, 2));
        assertThat(r.clicks()).isEqualTo(8);
        assertThat(r.uniqueClicks()).isEqualTo(3);
    }

    @Test
    void aListALiveCampaignTargetsIsInUse() {
        String list = unique("l");
        cb.bed.lists.create(list);
        String name = unique("camp");
        cb.campaigns.create(name, CampaignInput.builder(template()).list(list).build());
        cb.bed.lists.addUsageProvider(new CampaignListUsage(cb.bed.stores.campaigns()));
        assertThatThrownBy(() -> cb.bed.lists.delete(list, false)).isInstanceOf(org.herald.common.InUseException.class)
                .hasMessageContaining(name);
        cb.campaigns.cancel(name, "admin");
        cb.bed.lists.delete(list, false);
    }
}
