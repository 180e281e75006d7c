package org.herald.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Segments of every condition kind on the booted distribution, through REST and the console, each
 * counted against the answer this test computes from the data set it created (inside a parent list
 * of its own, so other tests' contacts never count). Message opens and clicks are written only by
 * Herald's send path, which does not exist yet: those kinds are proven by the audience unit tests.
 */
@Order(7)
@ExtendWith(HeraldExtension.class)
class SegmentsIT {

    record Person(String email, int age, String city, boolean vip, boolean confirmed, int purchases, boolean visited,
            boolean webinar, LocalDate birthday) {
        int score() {
            return purchases * 10 + (visited ? 1 : 0); // org.herald.scoring defaults: purchase=10, page_visit=1
        }
    }

    private static final List<String> CITIES = java.util.Arrays.asList("Tartu", "Tallinn", "Narva", null);

    @Test
    void everyConditionKindCountsWhatTheDataSays(HeraldContainer herald) throws Exception {
        String run = Long.toString(System.nanoTime(), 36);
        String list = "seg" + run;
        herald.admin("POST", "/herald/api/v1/lists", "{\"name\":\"" + list + "\"}");
        for (String f : List.of("{\"name\":\"segage\",\"type\":\"NUMBER\"}", "{\"name\":\"segcity\",\"type\":\"TEXT\"}",
                "{\"name\":\"segbday\",\"type\":\"DATE\"}")) {
            int status = herald.admin("POST", "/herald/api/v1/fields", f).statusCode();
            assertThat(status).as(f).isIn(201, 409); // 409: made by an earlier run on this container
        }
        LocalDate today = LocalDate.now();
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Person p = new Person("seg" + i + "-" + run + "@example.org", 20 + 5 * i, CITIES.get(i % 4), i % 3 == 0,
                    i % 2 == 0, i % 4, i % 2 == 1, i == 5, today.minusYears(30).plusDays(i * 20L));
            people.add(p);
            StringBuilder fields = new StringBuilder("\"segage\":" + p.age() + ",\"segbday\":\"" + p.birthday() + "\"");
            if (p.city() != null) {
                fields.append(",\"segcity\":\"").append(p.city()).append('"');
            }
            String body = "{\"email\":\"" + p.email() + "\",\"status\":\"" + (p.confirmed() ? "CONFIRMED" : "PENDING")
                    + "\",\"lists\":[\"" + list + "\"],\"tags\":[" + (p.vip() ? "\"vip\"" : "") + "],\"fields\":{" + fields + "}}";
            assertThat(herald.admin("POST", "/herald/api/v1/contacts", body).statusCode()).as(body).isEqualTo(201);
            for (int k = 0; k < p.purchases(); k++) {
                event(herald, "{\"type\":\"purchase\",\"email\":\"" + p.email() + "\",\"properties\":{\"value\":30,\"currency\":\"EUR\"}}");
            }
            if (p.visited()) {
                event(herald, "{\"type\":\"page_visit\",\"email\":\"" + p.email() + "\",\"properties\":{\"url\":\"https://shop.example.org/\"}}");
            }
            if (p.webinar()) {
                event(herald, "{\"type\":\"webinar\",\"email\":\"" + p.email() + "\"}");
            }
        }

        Map<String, Predicate<Person>> json = new LinkedHashMap<>();
        json.put("{\"field\":\"segage\",\"op\":\"gte\",\"value\":40}", p -> p.age() >= 40);
        json.put("{\"field\":\"segcity\",\"op\":\"in\",\"value\":[\"Tartu\",\"Narva\"]}", p -> "Tartu".equals(p.city()) || "Narva".equals(p.city()));
        json.put("{\"field\":\"segcity\",\"op\":\"empty\"}", p -> p.city() == null);
        json.put("{\"tag\":\"vip\"}", Person::vip);
        json.put("{\"list\":\"" + list + "\"}", p -> true);
        json.put("{\"status\":\"CONFIRMED\"}", Person::confirmed);
        json.put("{\"score\":{\"gte\":10}}", p -> p.score() >= 10);
        json.put("{\"stage\":\"warm\"}", p -> p.score() >= 20 && p.score() < 50);
        json.put("{\"event\":\"purchase\",\"min\":2,\"withinDays\":30}", p -> p.purchases() >= 2);
        json.put("{\"event\":\"webinar\"}", Person::webinar);
        json.put("{\"not\":{\"or\":[{\"tag\":\"vip\"},{\"event\":\"visit\"}]}}", p -> !(p.vip() || p.visited()));
        Map<String, Predicate<Person>> text = new LinkedHashMap<>();
        text.put("segage between 30 and 50 and segcity starts with ta", p -> p.age() >= 30 && p.age() <= 50
                && p.city() != null && p.city().toLowerCase().startsWith("ta"));
        text.put("segcity contains ar or segcity = Tallinn", p -> p.city() != null);
        text.put("segbday before " + today.minusYears(30).plusDays(100), p -> p.birthday().isBefore(today.minusYears(30).plusDays(100)));
        text.put("segbday anniversary within 45 days", p -> !p.birthday().isAfter(today.minusYears(30).plusDays(45)));
        text.put("orders >= 2 and spent >= 90", p -> p.purchases() >= 3);
        text.put("purchased value >= 60", p -> p.purchases() * 30 >= 60);
        text.put("visited in 7 days and not tag vip", p -> p.visited() && !p.vip());
        text.put("status pending and stage prospect", p -> !p.confirmed() && p.score() < 20);
        text.put("created within last 1 days and engaged in 90 days", p -> true);

        HeraldContainer.await("the listeners to keep scores and activity summaries", Duration.ofSeconds(90), () -> {
            try {
                return preview(herald, list, "{\"text\":\"stage warm\"}") == count(people, p -> p.score() >= 20 && p.score() < 50)
                        && preview(herald, list, "{\"text\":\"event webinar\"}") == 1;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });

        int n = 0;
        for (Map.Entry<String, Predicate<Person>> e : json.entrySet()) {
            long expected = count(people, e.getValue());
            String name = "it-" + run + "-j" + n++;
            HttpResponse<String> created = herald.admin("POST", "/herald/api/v1/segments", "{\"name\":\"" + name
                    + "\",\"parentList\":\"" + list + "\",\"conditions\":" + e.getKey() + "}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            assertThat(Json.parse(created.body()).get("count").asLong()).as(e.getKey()).isEqualTo(expected);
            JsonNode page = Json.parse(herald.admin("GET", "/herald/api/v1/segments/" + name + "/contacts?limit=100", null).body());
            assertThat(page.get("total").asLong()).isEqualTo(expected);
        }
        for (Map.Entry<String, Predicate<Person>> e : text.entrySet()) {
            long expected = count(people, e.getValue());
            String name = "it-" + run + "-t" + n++;
            String out = herald.console("herald:segment-create --list " + list + " " + name + " \"" + e.getKey() + "\"",
                    "herald:segment-count " + name);
            assertThat(out).as(e.getKey()).contains("Created segment '" + name + "'");
            assertThat(out.strip().lines().reduce((a, b) -> b).orElse("")).as(e.getKey() + "\n" + out)
                    .isEqualTo(String.valueOf(expected));
        }

        String invalid = herald.admin("POST", "/herald/api/v1/segments/preview",
                "{\"conditions\":{\"and\":[{\"tag\":\"a\"},{\"field\":\"segcity\",\"op\":\"gte\",\"value\":3}]}}").body();
        assertThat(invalid).contains("and[1].op: 'gte' does not apply to a text field");
        String show = herald.console("herald:contact-show " + people.get(0).email());
        assertThat(show).contains("Segments: ").contains("it-" + run + "-j3");
        String csv = herald.admin("GET", "/herald/api/v1/segments/it-" + run + "-j3/export", null).body();
        assertThat(csv.lines().count()).isEqualTo(count(people, Person::vip) + 1);
        assertThat(herald.admin("DELETE", "/herald/api/v1/lists/" + list, null).statusCode()).isEqualTo(409);
        assertThat(herald.console("herald:engagement")).contains("CONFIRMED").contains("Engaged =");
        assertThat(Json.parse(herald.admin("GET", "/herald/api/v1/engagement", null).body()).get("overall")
                .get("engagedShare").decimalValue().add(Json.parse(herald.admin("GET", "/herald/api/v1/engagement", null)
                        .body()).get("overall").get("unengagedShare").decimalValue())).isEqualByComparingTo("100.00");
    }

    private static void event(HeraldContainer herald, String body) throws IOException {
        HttpResponse<String> r = herald.admin("POST", "/herald/api/v1/events", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    private static long preview(HeraldContainer herald, String list, String body) throws IOException {
        String b = body.substring(0, body.length() - 1) + ",\"parentList\":\"" + list + "\"}";
        HttpResponse<String> r = herald.admin("POST", "/herald/api/v1/segments/preview", b);
        return r.statusCode() == 200 ? Json.parse(r.body()).get("count").asLong() : -1;
    }

    private static long count(List<Person> people, Predicate<Person> p) {
        return people.stream().filter(p).count();
    }
}
