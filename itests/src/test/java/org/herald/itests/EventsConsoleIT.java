package org.herald.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.herald.itests.Json.uniqueEmail;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Contact events at the console: event-add, contact-timeline, and the figures the listeners keep on contact-show. */
@Order(3)
@ExtendWith(HeraldExtension.class)
class EventsConsoleIT {

    private static final Pattern STORED = Pattern.compile("Stored event (\\S+) at (\\d+) for contact (\\S+)");

    @Test
    void anEventAddedAtTheConsoleIsOnTheTimelineAndAPurchaseShowsOnTheCard(HeraldContainer herald) throws Exception {
        String email = uniqueEmail("console-events");
        String eventId = "order-" + Long.toString(System.nanoTime(), 36);
        String out = herald.console("herald:contact-add " + email,
                "herald:event-add -t purchase --id " + eventId + " --source shop -p value=49.90 -p currency=EUR " + email);
        Matcher stored = STORED.matcher(out);
        assertThat(stored.find()).as(out).isTrue();
        assertThat(stored.group(1)).isEqualTo(eventId);
        String contactId = stored.group(3);

        String again = herald.console("herald:event-add -t purchase --id " + eventId + " -p value=49.90 " + email);
        assertThat(again).as("the same id is stored once").contains("Duplicate event " + eventId);

        String timeline = herald.console("herald:contact-timeline --type purchase " + contactId);
        assertThat(timeline).contains("purchase").contains("shop/admin").contains("value=49.90")
                .contains("currency=EUR").contains("Events 1-1 of 1.");

        HeraldContainer.await("the scoring and orders listeners to update the card", Duration.ofSeconds(60), () -> {
            try {
                String show = herald.console("herald:contact-show " + email);
                return show.contains("ORDER_NUMBER=1") && show.contains("Score: 10");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        String show = herald.console("herald:contact-show " + email);
        // the stored sum may drop trailing zeros (49.9): the figure is the same number
        assertThat(show).contains("E-mail:").contains(email).contains("ORDER_SUMMARY=49.90 ").contains("ORDER_AVG=49.90")
                .contains("Latest events (all: herald:contact-timeline " + contactId + "):");
        assertThat(herald.console("herald:contact-timeline --type purchase " + email)).contains("+10");
    }

    @Test
    void aRefusedEventFailsNamingTheProblem(HeraldContainer herald) throws Exception {
        String unknown = uniqueEmail("console-events-nobody");
        assertThat(herald.console("herald:event-add -t page_visit " + unknown)).contains("Error:").contains("--create");
        String created = herald.console("herald:event-add -t page_visit --create -p url=https://shop.example.com/ " + unknown);
        assertThat(created).contains("Stored event");
        assertThat(herald.console("herald:event-add -t purchase " + unknown)).contains("Error:")
                .contains("properties.value");
        assertThat(herald.console("herald:contact-timeline --since tomorrow " + unknown)).contains("Error:").contains("--since");
    }
}
