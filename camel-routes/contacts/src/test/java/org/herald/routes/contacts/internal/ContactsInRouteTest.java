package org.herald.routes.contacts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.herald.contacts.ConsentSource;
import org.herald.contacts.Contact;
import org.herald.contacts.OptInStatus;
import org.herald.contacts.internal.TestBed;
import org.herald.contacts.json.ContactInputCases;
import org.herald.contacts.internal.DefaultContactService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The route on a real Camel context, with the real contact services on Derby; endpoints from config. */
class ContactsInRouteTest {

    private TestBed bed;
    private DefaultContactService contacts;
    private DefaultCamelContext camel;
    private ProducerTemplate producer;
    private MockEndpoint deadLetters;

    @BeforeEach
    void start() throws Exception {
        bed = new TestBed();
        contacts = bed.contacts;
        camel = new DefaultCamelContext();
        camel.addRoutes(new ContactsInRoute(contacts, routeConfig()));
        camel.start();
        producer = camel.createProducerTemplate();
        deadLetters = camel.getEndpoint("mock:dead", MockEndpoint.class);
    }

    @AfterEach
    void stop() {
        camel.stop();
        bed.close();
    }

    @Test
    void upsertMessageCreatesThenUpdatesTheSameContact() throws Exception {
        Exchange first = producer.request("direct:in", e -> e.getMessage().setBody(
                "{\"email\":\"Ann@Example.org\",\"status\":\"CONFIRMED\",\"tags\":[\"vip\"]}"));
        assertThat(first.getMessage().getHeader("heraldOutcome")).isEqualTo("CREATED");
        Exchange second = producer.request("direct:in", e -> e.getMessage().setBody(
                "{\"email\":\"ann@example.org\",\"tags\":[\"gold\"]}"));
        assertThat(second.getMessage().getHeader("heraldOutcome")).isEqualTo("UPDATED");
        assertThat(second.getMessage().getHeader("heraldContactId")).isEqualTo(first.getMessage().getHeader("heraldContactId"));

        Contact ann = contacts.get("ann@example.org");
        assertThat(ann.status()).isEqualTo(OptInStatus.CONFIRMED);
        assertThat(ann.tags()).containsExactlyInAnyOrder("vip", "gold");
        assertThat(contacts.consentHistory("ann@example.org")).first()
                .satisfies(entry -> {
                    assertThat(entry.source()).isEqualTo(ConsentSource.API);
                    assertThat(entry.actor()).isEqualTo(ContactsInRoute.ACTOR);
                });
        deadLetters.expectedMessageCount(0);
        deadLetters.assertIsSatisfied();
    }

    @Test
    void invalidMessagesGoToTheDeadLettersUnchangedWithTheReasonAndAreNotRetried() throws Exception {
        deadLetters.expectedMessageCount(4);
        producer.sendBody("direct:in", "{\"email\":\"not-an-address\"}");
        producer.sendBody("direct:in", "{\"email\":");
        producer.sendBody("direct:in", "{\"email\":\"a@example.org\",\"colour\":\"red\"}");
        producer.sendBody("direct:in", "{\"email\":\"b@example.org\",\"status\":\"SOMETIMES\"}");
        deadLetters.assertIsSatisfied();

        assertThat(deadLetters.getExchanges().get(0).getMessage().getBody(String.class)).isEqualTo("{\"email\":\"not-an-address\"}");
        assertThat(deadLetters.getExchanges().get(0).getMessage().getHeader(ContactsInRoute.ERROR_HEADER, String.class))
                .contains("not-an-address");
        assertThat(deadLetters.getExchanges().get(1).getMessage().getHeader(ContactsInRoute.ERROR_HEADER, String.class))
                .contains("not valid JSON");
        assertThat(deadLetters.getExchanges().get(2).getMessage().getHeader(ContactsInRoute.ERROR_HEADER, String.class))
                .contains("colour");
        assertThat(deadLetters.getExchanges().get(3).getMessage().getHeader(ContactsInRoute.ERROR_HEADER, String.class))
                .contains("SOMETIMES");
        assertThat(deadLetters.getExchanges()).allSatisfy(e -> {
            assertThat(e.getMessage().getHeader(ContactsInRoute.FAILED_AT_HEADER)).isNotNull();
            assertThat(e.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class)).isZero();
        });
        assertThat(contacts.count(org.herald.contacts.ContactQuery.all())).isZero();
    }

    static java.util.List<ContactInputCases.Case> cases() {
        return ContactInputCases.all();
    }

    /** The same documents and messages as REST POST /contacts (JsonBodiesTest in herald-rest). */
    @ParameterizedTest
    @MethodSource("cases")
    void queueAcceptsAndRefusesTheSharedDocumentsWithTheirMessages(ContactInputCases.Case c) throws Exception {
        Exchange done = producer.request("direct:in", e -> e.getMessage().setBody(c.document()));
        if (c.accepted()) {
            assertThat(done.getMessage().getHeader("heraldOutcome")).isEqualTo("CREATED");
            assertThat(deadLetters.getExchanges()).isEmpty();
        } else {
            assertThat(deadLetters.getExchanges()).hasSize(1);
            assertThat(deadLetters.getExchanges().get(0).getMessage().getHeader(ContactsInRoute.ERROR_HEADER, String.class))
                    .isEqualTo(c.error());
        }
    }

    @Test
    void unsubscribedContactIsNotReconfirmedByTheQueue() throws Exception {
        producer.sendBody("direct:in", "{\"email\":\"cy@example.org\",\"status\":\"UNSUBSCRIBED\"}");
        deadLetters.expectedMessageCount(1);
        producer.sendBody("direct:in", "{\"email\":\"cy@example.org\",\"status\":\"CONFIRMED\"}");
        deadLetters.assertIsSatisfied();
        assertThat(contacts.get("cy@example.org").status()).isEqualTo(OptInStatus.UNSUBSCRIBED);
    }

    private static ContactsRouteConfig routeConfig() {
        return new ContactsRouteConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return ContactsRouteConfig.class;
            }

            @Override
            public String source() {
                return "direct:in";
            }

            @Override
            public String deadLetter() {
                return "mock:dead";
            }

            @Override
            public int maximumRedeliveries() {
                return 2;
            }

            @Override
            public long redeliveryDelay() {
                return 1;
            }
        };
    }
}
