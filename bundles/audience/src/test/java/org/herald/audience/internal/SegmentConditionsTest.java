package org.herald.audience.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import org.herald.audience.internal.events.ActivityListener;
import org.herald.common.ValidationException;
import org.herald.contacts.Contact;
import org.herald.contacts.ContactInput;
import org.herald.contacts.FieldType;
import org.herald.contacts.OptInStatus;
import org.herald.contacts.internal.TestBed;
import org.herald.events.ContactEvent;
import org.herald.events.EventTypes;
import org.herald.segments.Condition;
import org.herald.segments.SegmentInput;
import org.herald.segments.spi.ConditionKind;
import org.herald.segments.spi.ConditionTerm;
import org.herald.segments.spi.SqlWriter;
import org.herald.segments.spi.TextReader;
import org.herald.store.EventWrite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * Every condition kind counted by the database against the answer this test computes in Java from
 * the data it generated (never with the same SQL).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SegmentConditionsTest {

    private static final Instant NOW = Instant.now();
    private static final List<String> CITIES = List.of("Tartu", "Tallinn", "Narva");

    /** What the test knows about each contact. */
    static final class Model {
        String email;
        String id;
        Long age;
        String city;
        LocalDate birthday;
        boolean vip;
        boolean news;
        OptInStatus status;
        long score;
        final List<Ev> events = new ArrayList<>();
    }

    record Ev(String type, String campaign, String link, Instant at, BigDecimal amount) {
    }

    private TestBed bed;
    private DefaultSegmentService segments;
    private final List<Model> people = new ArrayList<>();

    @BeforeAll
    void setUp() throws Exception {
        bed = new TestBed();
        bed.fields.create("age", FieldType.NUMBER, null, null);
        bed.fields.create("city", FieldType.TEXT, null, null);
        bed.fields.create("birthday", FieldType.DATE, null, null);
        bed.lists.create("news");
        segments = new DefaultSegmentService(bed.stores.segments(), bed.contacts, bed.fields, bed.lists,
                new Stages(Configs.stages("prospect=0", "warm=20", "customer=50")), Configs.audience());
        segments.addKind(new EmailDomainKind());
        Random random = new Random(42);
        LocalDate today = LocalDate.ofInstant(NOW, ZoneId.systemDefault());
        List<EventWrite> writes = new ArrayList<>();
        Map<String, Long> scores = new HashMap<>();
        for (int i = 0; i < 90; i++) {
            Model m = new Model();
            m.email = "p" + i + "-" + UUID.randomUUID().toString().substring(0, 6) + "@seg.test";
            m.age = random.nextInt(5) == 0 ? null : (long) (15 + random.nextInt(50));
            m.city = random.nextInt(4) == 0 ? null : CITIES.get(random.nextInt(3));
            m.birthday = random.nextInt(4) == 0 ? null : today.minusDays(random.nextInt(365 * 60));
            m.vip = random.nextBoolean();
            m.news = random.nextInt(3) == 0;
            m.status = List.of(OptInStatus.PENDING, OptInStatus.CONFIRMED, OptInStatus.UNKNOWN).get(random.nextInt(3));
            ContactInput.Builder in = ContactInput.builder(m.email).status(m.status);
            if (m.age != null) {
                in.field("age", m.age);
            }
            if (m.city != null) {
                in.field("city", m.city);
            }
            if (m.birthday != null) {
                in.field("birthday", m.birthday.toString());
            }
            if (m.vip) {
                in.tag("vip");
            }
            if (m.news) {
                in.list("news");
            }
            m.id = bed.contacts.upsert(in.build(), TestBed.API).contact().id();
            m.score = random.nextInt(70);
            scores.put(m.id, m.score);
            int events = random.nextInt(6);
            for (int e = 0; e < events; e++) {
                String type = List.of(EventTypes.MESSAGE_OPENED, EventTypes.MESSAGE_CLICKED, EventTypes.PURCHASE,
                        EventTypes.MESSAGE_SENT, "webinar").get(random.nextInt(5));
                String campaign = type.startsWith("message_") ? "c" + random.nextInt(3) : null;
                String link = type.equals(EventTypes.MESSAGE_CLICKED) ? "https://shop.test/" + random.nextInt(2) : null;
                Instant at = NOW.minus(Duration.ofHours(random.nextInt(24 * 120)));
                BigDecimal amount = type.equals(EventTypes.PURCHASE) ? BigDecimal.valueOf(random.nextInt(150)) : null;
                m.events.add(new Ev(type, campaign, link, at, amount));
                Map<String, Object> props = new HashMap<>();
                if (campaign != null) {
                    props.put("campaign", campaign);
                }
                if (link != null) {
                    props.put("link", link);
                }
                if (amount != null) {
                    props.put("value", amount);
                }
                writes.add(new EventWrite(UUID.randomUUID().toString(), false, 0, m.id, type, at, NOW, "TEST", null,
                        props, amount, amount == null ? null : "EUR"));
            }
            if (i < 12) {
                // repeats of one campaign and one link at known ages, so windowed counts of them have
                // contacts on both sides of every threshold the tests use
                for (int r = 0; r < 1 + i % 3; r++) {
                    for (String[] x : new String[][] {{EventTypes.MESSAGE_OPENED, "c1", null, "" + (5 + r * 20)},
                            {EventTypes.MESSAGE_CLICKED, "c2", "https://shop.test/1", "" + (3 + r * 25)}}) {
                        Instant at = NOW.minus(Duration.ofDays(Long.parseLong(x[3])));
                        m.events.add(new Ev(x[0], x[1], x[2], at, null));
                        Map<String, Object> props = new HashMap<>();
                        props.put("campaign", x[1]);
                        if (x[2] != null) {
                            props.put("link", x[2]);
                        }
                        writes.add(new EventWrite(UUID.randomUUID().toString(), false, 0, m.id, x[0], at, NOW, "TEST", null,
                                props, null, null));
                    }
                }
            }
            people.add(m);
        }
        long[] keys = new long[people.size()];
        Map<String, Long> keyOf = new HashMap<>();
        for (Model m : people) {
            keyOf.put(m.id, bed.stores.contacts().findById(m.id).orElseThrow().key());
        }
        List<EventWrite> keyed = writes.stream().map(w -> w.forContact(keyOf.get(w.contactId()), w.contactId())).toList();
        bed.stores.events().append(keyed);
        bed.stores.events().rescore(scores, c -> List.of());
        bed.stores.events().recomputeOrders(keyOf.keySet(), EventTypes.PURCHASE);
        List<ContactEvent> log = bed.stores.events().after(0, Long.MAX_VALUE, Set.of(), 100000);
        ActivityListener listener = new ActivityListener(bed.stores.segments());
        listener.onEvents(log);
        listener.onEvents(log.subList(0, log.size() / 2)); // delivered again: counted once
        assertThat(keys).isNotNull();
    }

    @AfterAll
    void tearDown() {
        bed.close();
    }

    private long expected(Predicate<Model> p) {
        return people.stream().filter(p).count();
    }

    private void checkJson(String json, Predicate<Model> p) {
        Condition c = segments.parse(json);
        assertThat(segments.count(null, c)).as(json).isEqualTo(expected(p));
        Condition back = segments.parseText(c.text());
        assertThat(back).as("text form %s of %s", c.text(), json).isEqualTo(c);
    }

    private void checkText(String text, Predicate<Model> p) {
        Condition c = segments.parseText(text);
        assertThat(segments.count(null, c)).as(text).isEqualTo(expected(p));
        assertThat(segments.parse(c.json())).as("JSON form %s of %s", c.json(), text).isEqualTo(c);
    }

    private static boolean did(Model m, String type, Predicate<Ev> p) {
        return m.events.stream().anyMatch(e -> e.type().equals(type) && p.test(e));
    }

    private static long times(Model m, String type, Predicate<Ev> p) {
        return m.events.stream().filter(e -> e.type().equals(type) && p.test(e)).count();
    }

    private static boolean within(Ev e, int days) {
        return !e.at().isBefore(NOW.minus(Duration.ofDays(days)));
    }

    private static BigDecimal spent(Model m) {
        return m.events.stream().filter(e -> e.type().equals(EventTypes.PURCHASE)).map(Ev::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void fieldConditionsCountWhatTheValuesSay() {
        checkJson("{\"field\":\"age\",\"op\":\"gte\",\"value\":30}", m -> m.age != null && m.age >= 30);
        checkJson("{\"field\":\"age\",\"op\":\"between\",\"value\":[20,40]}", m -> m.age != null && m.age >= 20 && m.age <= 40);
        checkJson("{\"field\":\"age\",\"op\":\"ne\",\"value\":30}", m -> m.age == null || m.age != 30);
        checkJson("{\"field\":\"age\",\"op\":\"empty\",\"value\":true}", m -> m.age == null);
        checkText("age < 25 or age > 60", m -> m.age != null && (m.age < 25 || m.age > 60));
        checkText("city = Tartu", m -> "Tartu".equals(m.city));
        checkText("city != Tartu", m -> !"Tartu".equals(m.city));
        checkText("city in (Tartu, \"Narva\")", m -> "Tartu".equals(m.city) || "Narva".equals(m.city));
        checkText("city contains AR", m -> m.city != null && m.city.toLowerCase().contains("ar"));
        checkText("city starts with ta", m -> m.city != null && m.city.toLowerCase().startsWith("ta"));
        checkText("city is empty", m -> m.city == null);
        checkText("city is not empty", m -> m.city != null);
        LocalDate today = LocalDate.ofInstant(NOW, ZoneId.systemDefault());
        checkText("birthday before 1990-01-01", m -> m.birthday != null && m.birthday.isBefore(LocalDate.of(1990, 1, 1)));
        checkText("birthday after 2000-06-30", m -> m.birthday != null && m.birthday.isAfter(LocalDate.of(2000, 6, 30)));
        checkText("birthday within last 3650 days", m -> m.birthday != null && !m.birthday.isBefore(today.minusDays(3650)));
        checkJson("{\"field\":\"birthday\",\"op\":\"anniversaryWithinDays\",\"value\":60}", m -> m.birthday != null
                && anniversaryWithin(m.birthday, today, 60));
    }

    private static boolean anniversaryWithin(LocalDate date, LocalDate today, int days) {
        for (int i = 0; i <= days; i++) {
            LocalDate d = today.plusDays(i);
            if (d.getMonth() == date.getMonth() && d.getDayOfMonth() == date.getDayOfMonth()) {
                return true;
            }
            if (date.getMonthValue() == 2 && date.getDayOfMonth() == 29 && !d.isLeapYear() && d.getMonthValue() == 2
                    && d.getDayOfMonth() == 28) {
                return true;
            }
        }
        return false;
    }

    @Test
    void tagsListsStatusScoreAndStage() {
        checkJson("{\"tag\":\"vip\"}", m -> m.vip);
        checkJson("{\"not\":{\"tag\":\"vip\"}}", m -> !m.vip);
        checkJson("{\"list\":\"news\"}", m -> m.news);
        checkJson("{\"status\":\"CONFIRMED\"}", m -> m.status == OptInStatus.CONFIRMED);
        checkJson("{\"score\":{\"gte\":10}}", m -> m.score >= 10);
        checkText("score between 5 and 15", m -> m.score >= 5 && m.score <= 15);
        checkText("stage prospect", m -> m.score < 20);
        checkText("stage warm", m -> m.score >= 20 && m.score < 50);
        checkText("stage customer", m -> m.score >= 50);
    }

    @Test
    void behaviourFromTheEventsAndTheOrderFigures() {
        checkJson("{\"event\":\"opened\"}", m -> did(m, EventTypes.MESSAGE_OPENED, e -> true));
        checkText("opened in 30 days", m -> did(m, EventTypes.MESSAGE_OPENED, e -> within(e, 30)));
        checkJson("{\"event\":\"clicked\",\"campaign\":\"c1\"}", m -> did(m, EventTypes.MESSAGE_CLICKED, e -> "c1".equals(e.campaign())));
        checkText("clicked link \"https://shop.test/1\" in 60 days", m -> did(m, EventTypes.MESSAGE_CLICKED,
                e -> "https://shop.test/1".equals(e.link()) && within(e, 60)));
        checkText("received campaign c2", m -> did(m, EventTypes.MESSAGE_SENT, e -> "c2".equals(e.campaign())));
        checkText("opened at least 2 times", m -> times(m, EventTypes.MESSAGE_OPENED, e -> true) >= 2);
        checkJson("{\"event\":\"purchase\",\"min\":2,\"withinDays\":60}", m -> times(m, EventTypes.PURCHASE, e -> within(e, 60)) >= 2);
        assertThat(expected(m -> times(m, EventTypes.MESSAGE_OPENED, e -> "c1".equals(e.campaign()) && within(e, 45)) >= 2))
                .as("contacts with two opens of c1 in 45 days").isBetween(1L, 89L);
        checkJson("{\"event\":\"opened\",\"campaign\":\"c1\",\"min\":2,\"withinDays\":45}",
                m -> times(m, EventTypes.MESSAGE_OPENED, e -> "c1".equals(e.campaign()) && within(e, 45)) >= 2);
        checkText("clicked link \"https://shop.test/1\" at least 2 times in 60 days", m -> times(m, EventTypes.MESSAGE_CLICKED,
                e -> "https://shop.test/1".equals(e.link()) && within(e, 60)) >= 2);
        checkText("purchased value >= 100", m -> spent(m).compareTo(BigDecimal.valueOf(100)) >= 0);
        checkText("purchased in 90 days value >= 80", m -> m.events.stream().filter(e -> e.type().equals(EventTypes.PURCHASE)
                && within(e, 90)).map(Ev::amount).reduce(BigDecimal.ZERO, BigDecimal::add).compareTo(BigDecimal.valueOf(80)) >= 0);
        checkText("event webinar", m -> did(m, "webinar", e -> true));
        checkText("orders >= 2", m -> times(m, EventTypes.PURCHASE, e -> true) >= 2);
        checkText("spent >= 100", m -> spent(m).compareTo(BigDecimal.valueOf(100)) >= 0);
        checkText("engaged in 90 days", m -> true); // every contact here is younger than 90 days
    }

    @Test
    void nestedTreesAndTheIssueExample() {
        checkText("age >= 30 and tag vip and not opened in 90 days", m -> m.age != null && m.age >= 30 && m.vip
                && !did(m, EventTypes.MESSAGE_OPENED, e -> within(e, 90)));
        checkText("(city = Tartu or city = Narva) and not (tag vip or list news)", m -> ("Tartu".equals(m.city)
                || "Narva".equals(m.city)) && !(m.vip || m.news));
        checkJson("{\"or\":[{\"and\":[{\"tag\":\"vip\"},{\"status\":\"PENDING\"}]},{\"not\":{\"field\":\"age\",\"op\":\"lt\",\"value\":50}}]}",
                m -> (m.vip && m.status == OptInStatus.PENDING) || !(m.age != null && m.age < 50));
    }

    @Test
    void aConditionKindFromAnExtensionHasItsSqlAndTextualForm() {
        checkJson("{\"emaildomain\":\"seg.test\"}", m -> true);
        checkText("emaildomain other.test or tag vip", m -> m.vip);
    }

    @Test
    void anInvalidTreeNamesThePathOfTheBadNodeAndWhy() {
        assertThatThrownBy(() -> segments.parse("{\"and\":[{\"tag\":\"a\"},{\"tag\":\"b\"},{\"field\":\"city\",\"op\":\"gte\",\"value\":3}]}"))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("and[2].op: 'gte' does not apply to a text field");
        assertThatThrownBy(() -> segments.parse("{\"or\":[{\"not\":{\"list\":\"nope\"}}]}"))
                .hasMessage("or[0].not.list: list 'nope' does not exist");
        assertThatThrownBy(() -> segments.parse("{\"field\":\"age\",\"op\":\"gte\",\"value\":\"x\"}"))
                .hasMessage("value: must be a whole number");
        assertThatThrownBy(() -> segments.parse("{\"colour\":\"red\"}")).hasMessageStartingWith("conditions: unknown condition");
        assertThatThrownBy(() -> segments.parseText("age >= ")).hasMessageStartingWith("text: expected a value");
        assertThatThrownBy(() -> segments.parseText("stage hot")).hasMessageStartingWith("text: 'hot' is not a stage");
    }

    @Test
    void segmentsAreStoredListedCountedAndShownOnTheContact() throws Exception {
        segments.create(SegmentInput.builder("older-vips").text("age >= 30 and tag vip").build(), "admin");
        segments.create(SegmentInput.builder("news-tartu").parentList("news").conditions("{\"field\":\"city\",\"op\":\"eq\",\"value\":\"Tartu\"}").build(), "admin");
        assertThat(segments.count("older-vips")).isEqualTo(expected(m -> m.age != null && m.age >= 30 && m.vip));
        assertThat(segments.count("news-tartu")).isEqualTo(expected(m -> m.news && "Tartu".equals(m.city)));
        assertThat(segments.list()).extracting(s -> s.name()).contains("engaged", "rfm-champions", "older-vips", "news-tartu");
        assertThat(new SegmentListUsage(bed.stores.segments()).usagesOf("news")).containsExactly("segment 'news-tartu'");
        bed.lists.addUsageProvider(new SegmentListUsage(bed.stores.segments()));
        assertThat(bed.lists.usages("news")).contains("segment 'news-tartu'");
        Model vip = people.stream().filter(m -> m.age != null && m.age >= 30 && m.vip).findFirst().orElseThrow();
        assertThat(segments.segmentsOf(vip.email)).contains("older-vips", "engaged");
        var page = segments.contacts("older-vips", 0, 5);
        assertThat(page.total()).isEqualTo(segments.count("older-vips"));
        assertThat(page.items()).hasSizeLessThanOrEqualTo(5).allMatch((Contact c) -> c.tags().contains("vip"));
        java.io.StringWriter out = new java.io.StringWriter();
        long n = segments.exportCsv("older-vips", out);
        assertThat(n).isEqualTo(segments.count("older-vips"));
        assertThat(out.toString().lines().count()).isEqualTo(n + 1);
        assertThat(out.toString().lines().findFirst().orElseThrow()).startsWith("id,email,status,created,age,city,birthday");
        segments.update("older-vips", SegmentInput.builder("older-vips").text("age >= 40").build(), "admin");
        assertThat(segments.count("older-vips")).isEqualTo(expected(m -> m.age != null && m.age >= 40));
        segments.copy("rfm-champions", "my-champions", "admin");
        assertThat(segments.count("my-champions")).isEqualTo(segments.count("rfm-champions"));
        segments.delete("older-vips", "admin");
        assertThatThrownBy(() -> segments.get("older-vips")).isInstanceOf(org.herald.common.NotFoundException.class);
    }

    @Test
    void rfmClassesPartitionTheBuyers() {
        long buyers = expected(m -> did(m, EventTypes.PURCHASE, e -> true));
        long sum = 0;
        for (String name : List.of("rfm-champions", "rfm-loyal", "rfm-potential", "rfm-new", "rfm-at-risk",
                "rfm-cant-lose", "rfm-hibernating", "rfm-lost")) {
            sum += segments.count(name);
        }
        assertThat(sum).isEqualTo(buyers);
        assertThat(segments.count("frequent-buyers")).isEqualTo(expected(m -> times(m, EventTypes.PURCHASE, e -> within(e, 365)) >= 3));
        assertThat(segments.count("never-opened")).isEqualTo(expected(m -> !did(m, EventTypes.MESSAGE_OPENED, e -> true)));
        assertThat(segments.count("spenders")).isBetween(1L, buyers);
    }

    /** The example extension: contacts whose address is at a domain. */
    static final class EmailDomainKind implements ConditionKind {
        @Override
        public String key() {
            return "emaildomain";
        }

        @Override
        public ConditionTerm fromJson(JsonNode node, String path) {
            return term(node.get("emaildomain").asText());
        }

        @Override
        public ConditionTerm fromText(TextReader in, String path) {
            return term(in.next("a domain"));
        }

        private static ConditionTerm term(String domain) {
            return new ConditionTerm() {
                @Override
                public JsonNode toJson() {
                    return JsonNodeFactory.instance.objectNode().put("emaildomain", domain);
                }

                @Override
                public String toText() {
                    return "emaildomain " + domain;
                }

                @Override
                public void toSql(SqlWriter sql) {
                    sql.sql("LOWER(" + sql.contact() + ".email) LIKE ").bind("%@" + domain.toLowerCase());
                }
            };
        }
    }
}
