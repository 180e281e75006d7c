package org.herald.routes.smtp.internal;

import java.nio.file.Path;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.herald.mail.OutboundSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two routes: {@code herald-smtp-feed} polls the {@link OutboundSource} for due messages and puts
 * each on the persistent send queue; {@code herald-smtp-send} consumes the queue with
 * {@code consumers} threads and delivers ({@link Deliver}). The database is the source of truth for
 * retries: a temporary failure is reported and the message acknowledged, and the source hands it
 * out again when its retry is due; a message lost between the two routes is handed out again when
 * its lease lapses. So a crash loses nothing and repeats at most the messages in flight, with their
 * Message-ID unchanged.
 */
@Component(service = RoutesBuilder.class, configurationPid = SmtpRoutes.PID)
@Designate(ocd = SmtpConfig.class)
public class SmtpRoutes extends RouteBuilder {

    static final String PID = "org.herald.smtp";
    static final String FEED_ROUTE = "herald-smtp-feed";
    static final String SEND_ROUTE = "herald-smtp-send";
    private static final Logger LOG = LoggerFactory.getLogger(SmtpRoutes.class);

    private final OutboundSource source;
    private final SmtpConfig config;
    private final Delivery delivery;
    private final Throttle throttle;

    @Activate
    public SmtpRoutes(@Reference OutboundSource source, SmtpConfig config) {
        this.source = source;
        this.config = config;
        this.delivery = new Delivery(config, outbox(config.outbox()));
        this.throttle = new Throttle(config.ratePerSecond(), config.ratePerDomain(), config.backPressureMillis());
        LOG.info("Outbound mail goes {}", delivery.relay() ? "to " + config.host() + ":" + config.port()
                : "to the outbox " + outbox(config.outbox()));
    }

    static Path outbox(String folder) {
        Path p = Path.of(folder);
        String data = System.getProperty("karaf.data");
        return p.isAbsolute() || data == null ? p : Path.of(data).resolve(p);
    }

    @Deactivate
    public void deactivate() {
        delivery.close();
    }

    @Override
    public void configure() {
        from(config.feed()).routeId(FEED_ROUTE)
                .process(new Feed(source, config.feedBatch()))
                .split(body())
                    .to(queueProducer())
                .end();

        from(queueConsumer()).routeId(SEND_ROUTE)
                .process(new Deliver(source, delivery, throttle));
    }

    /** The queue for sending: its address without the consumer's options (a JMS send is persistent by default). */
    private String queueProducer() {
        String q = config.queue();
        return q.startsWith("sjms:") && q.indexOf('?') > 0 ? q.substring(0, q.indexOf('?')) : q;
    }

    private String queueConsumer() {
        String q = config.queue();
        if (q.startsWith("sjms:") && config.consumers() > 1) {
            return q + (q.contains("?") ? "&" : "?") + "concurrentConsumers=" + config.consumers();
        }
        return q;
    }
}
