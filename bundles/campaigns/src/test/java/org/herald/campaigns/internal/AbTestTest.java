package org.herald.campaigns.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.herald.campaigns.AbMetric;
import org.herald.campaigns.AbTest;
import org.herald.campaigns.AbTestInfo;
import org.herald.campaigns.Campaign;
import org.herald.campaigns.CampaignInput;
import org.herald.campaigns.CampaignReport;
import org.herald.campaigns.CampaignState;
import org.herald.campaigns.TemplateInput;
import org.herald.campaigns.VariantFigures;
import org.herald.common.ValidationException;
import org.herald.contacts.ContactInput;
import org.herald.contacts.OptInStatus;
import org.herald.contacts.internal.TestBed;
import org.herald.events.EventInput;
import org.herald.mail.DeliveryOutcome;
import org.herald.mail.DeliveryResult;
import org.herald.mail.OutboundMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A/B tests: the sample split evenly, the winner picked after the wait by the metric, then the rest. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AbTestTest {

    private static final AtomicInteger N = new AtomicInteger();
    private static final Pattern LINK = Pattern.compile("/t/c/([^?]+)\\?u=([^&]+)&amp;s=([^\"]+)\"");
    private final CampaignBed cb = new CampaignBed(Map.of("leaseSeconds", 0L, "queueBatchSize", 7));

    @AfterAll
    void close() {
        cb.close();
    }

    private String unique(String prefix) {
        return prefix + N.incrementAndGet();
    }

    private List<String> audience(String list, int n) {
        cb.bed.lists.create(list);
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String email = unique("r") + "@ab.test";
            cb.bed.contacts.upsert(ContactInput.builder(email).status(OptInStatus.CONFIRMED).list(list).build(), TestBed.ADMIN);
            emails.add(email);
        }
        return emails;
    }

    private String template(String subject, String body) {
        String name = unique("tpl");
        cb.templates.save(name, TemplateInput.builder().subject(subject)
                .html("<html><body><p>" + body + "</p><a href=\"https://shop.test/" + body + "\">go</a></body></html>").build());
        return name;
    }

    private List<OutboundMessage> deliverAll() {
        List<OutboundMessage> all = new ArrayList<>();
        List<OutboundMessage> batch;
        while (!(batch = cb.campaigns.take(100)).isEmpty()) {
            for (OutboundMessage m : batch) {
                cb.campaigns.report(DeliveryResult.of(m.messageId(), DeliveryOutcome.ACCEPTED, 250, "ok", Instant.now()));
            }
            all.addAll(batch);
        }
        return all;
    }

    private void click(OutboundMessage m) {
        Matcher l = LINK.matcher(m.html());
        assertThat(l.find()).isTrue();
        String url = java.net.URLDecoder.decode(l.group(2), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(cb.tracking.click(l.group(1), url, l.group(3))).isPresent();
    }

    @Test
    void theSampleIsSplitEvenlyTheWinnerByClicksGoesToTheRestAfterTheWaitAndTheCampaignEndsOnce() {
        String list = unique("l");
        List<String> everyone = audience(list, 40);
        String plain = template("Plain subject", "plain");
        String other = template("Other subject", "other");
        String name = unique("ab");
        cb.campaigns.create(name, CampaignInput.builder(plain).list(list).abTest(AbTest.builder().samplePercent(50)
                .metric(AbMetric.CLICKS).waitMinutes(60).variant("A", null, "Subject A").variant("B", other, null).build())
                .build());

        Campaign sending = cb.campaigns.send(name, "admin");
        assertThat(sending.abTest().decideAt()).isEqualTo(sending.startedAt().plus(Duration.ofMinutes(60)));
        CampaignReport queued = cb.campaigns.report(name);
        assertThat(queued.messages()).isEqualTo(20);
        assertThat(queued.variants()).extracting(VariantFigures::name, VariantFigures::messages)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("A", 10L), org.assertj.core.groups.Tuple.tuple("B", 10L));
        // queueing the sample again (a restart) picks the same contacts: nothing more
        assertThat(cb.campaigns.queue(cb.bed.stores.campaigns().find(name).orElseThrow())).isZero();

        List<OutboundMessage> sample = deliverAll();
        assertThat(sample).hasSize(20);
        Map<String, List<OutboundMessage>> byVariant = new HashMap<>();
        sample.forEach(m -> byVariant.computeIfAbsent(m.headers().get("X-Herald-Variant"), v -> new ArrayList<>()).add(m));
        assertThat(byVariant.get("A")).hasSize(10).allSatisfy(m -> {
            assertThat(m.subject()).isEqualTo("Subject A");
            assertThat(m.html()).contains("plain");
        });
        assertThat(byVariant.get("B")).hasSize(10).allSatisfy(m -> {
            assertThat(m.subject()).isEqualTo("Other subject");
            assertThat(m.html()).contains("other");
        });
        // B: three clickers (one clicks twice), A: one
        click(byVariant.get("B").get(0));
        click(byVariant.get("B").get(0));
        click(byVariant.get("B").get(1));
        click(byVariant.get("B").get(2));
        click(byVariant.get("A").get(0));

        // before the wait is over nothing is decided, and the campaign is not SENT though nothing waits
        cb.campaigns.tick(Instant.now());
        Campaign waiting = cb.campaigns.get(name);
        assertThat(waiting.state()).isEqualTo(CampaignState.SENDING);
        assertThat(waiting.abTest().winner()).isNull();
        assertThat(cb.campaigns.take(10)).isEmpty();

        Instant later = sending.startedAt().plus(Duration.ofMinutes(61));
        cb.campaigns.tick(later);
        AbTestInfo decided = cb.campaigns.get(name).abTest();
        assertThat(decided.winner()).isEqualTo("B");
        assertThat(decided.decidedAt()).isEqualTo(later);
        assertThat(decided.reason()).startsWith("B won on unique clicks").contains("A 1/10").contains("B 3/10");
        // a second decision (another node, a later tick) changes nothing
        cb.campaigns.tick(later.plusSeconds(1));
        assertThat(cb.campaigns.get(name).abTest().decidedAt()).isEqualTo(later);

        List<OutboundMessage> rest = deliverAll();
        assertThat(rest).hasSize(20).allSatisfy(m -> {
            assertThat(m.subject()).isEqualTo("Other subject");
            assertThat(m.html()).contains("other");
            assertThat(m.headers()).containsEntry("X-Herald-Variant", "B");
        });
        Set<String> to = new HashSet<>();
        sample.forEach(m -> assertThat(to.add(m.to())).isTrue());
        rest.forEach(m -> assertThat(to.add(m.to())).as("each address once").isTrue());
        assertThat(to).containsExactlyInAnyOrderElementsOf(everyone);

        CampaignReport report = cb.campaigns.report(name);
        assertThat(report.abTest().winner()).isEqualTo("B");
        assertThat(report.variants()).filteredOn(v -> v.name().equals("B")).singleElement().satisfies(v -> {
            assertThat(v.sent()).isEqualTo(10);
            assertThat(v.clicks()).isEqualTo(4);
            assertThat(v.uniqueClicks()).isEqualTo(3);
        });
        cb.campaigns.tick(later.plusSeconds(2));
        assertThat(cb.campaigns.get(name).state()).isEqualTo(CampaignState.SENT);
    }

    @Test
    void byRevenueOnlyAttributedPurchasesCount() {
        String list = unique("l");
        audience(list, 4);
        String plain = template("Plain", "plain");
        String name = unique("ab");
        cb.campaigns.create(name, CampaignInput.builder(plain).list(list).abTest(AbTest.builder().samplePercent(50)
                .metric(AbMetric.REVENUE).waitMinutes(30).variant("A", null, "Cheap").variant("B", null, "Dear").build())
                .build());
        Campaign sending = cb.campaigns.send(name, "admin");
        Map<String, OutboundMessage> byVariant = new HashMap<>();
        deliverAll().forEach(m -> byVariant.put(m.headers().get("X-Herald-Variant"), m));
        assertThat(byVariant).containsOnlyKeys("A", "B");
        OutboundMessage a = byVariant.get("A");
        OutboundMessage b = byVariant.get("B");
        // A: a purchase naming the campaign (10.00) and one after a click (5.50); B: a larger purchase
        // with neither a click nor the campaign, which is not the message's
        click(a);
        purchase(a.to(), "10.00", Map.of("campaign", name));
        purchase(a.to(), "5.50", Map.of());
        purchase(b.to(), "99.00", Map.of());

        cb.campaigns.tick(sending.startedAt().plus(Duration.ofMinutes(31)));
        CampaignReport r = cb.campaigns.report(name);
        assertThat(r.abTest().winner()).isEqualTo("A");
        assertThat(r.abTest().reason()).startsWith("A won on attributed revenue");
        assertThat(r.variants()).extracting(VariantFigures::name, VariantFigures::purchases, VariantFigures::revenue)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("A", 2L, new BigDecimal("15.5000")),
                        org.assertj.core.groups.Tuple.tuple("B", 0L, BigDecimal.ZERO));
        assertThat(deliverAll()).hasSize(2).allSatisfy(m -> assertThat(m.subject()).isEqualTo("Cheap"));
    }

    private void purchase(String email, String value, Map<String, Object> properties) {
        EventInput.Builder e = EventInput.builder("purchase").email(email).id(unique("order"))
                .property("value", new BigDecimal(value)).property("currency", "EUR");
        properties.forEach(e::property);
        assertThat(cb.bed.events.ingest(List.of(e.build()), TestBed.API).results()).hasSize(1);
    }

    @Test
    void aTestNeedsTwoDifferentVariantsASampleAndExistingTemplates() {
        String list = unique("l");
        cb.bed.lists.create(list);
        String plain = template("Plain", "plain");
        CampaignInput.Builder base = CampaignInput.builder(plain).list(list);
        assertThatThrownBy(() -> cb.campaigns.create(unique("bad"), base.abTest(AbTest.builder().variant("A", null, "x")
                .build()).build())).isInstanceOf(ValidationException.class).hasMessageContaining("2 to 10 variants");
        assertThatThrownBy(() -> cb.campaigns.create(unique("bad"), base.abTest(AbTest.builder().variant("A", null, "x")
                .variant("B", null, "x").build()).build())).isInstanceOf(ValidationException.class).hasMessageContaining("same");
        assertThatThrownBy(() -> cb.campaigns.create(unique("bad"), base.abTest(AbTest.builder().variant("A", null, "x")
                .variant("B", "nosuch", null).build()).build())).isInstanceOf(ValidationException.class)
                .hasMessageContaining("nosuch");
        assertThatThrownBy(() -> cb.campaigns.create(unique("bad"), base.abTest(AbTest.builder().samplePercent(100)
                .variant("A", null, "x").variant("B", null, "y").build()).build())).isInstanceOf(ValidationException.class)
                .hasMessageContaining("samplePercent");
    }
}
