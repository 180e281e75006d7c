package org.herald.routes.bounces.internal;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mail.MailEndpoint;
import org.herald.bounce.BounceProcessor;
import org.herald.common.TransientException;
import org.herald.mail.MailContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.herald.preferences.SubscriberService;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bounce mailbox: camel-mail polls it (IMAP or POP3, PID {@code org.herald.routes.bounces}) and
 * hands each message to the {@link BounceProcessor}. The consumer deletes (or, on IMAP, moves) a
 * message only after the exchange succeeded, that is after the processor committed the message's
 * result (recorded, or quarantined with its bytes). A failed exchange (database unavailable) leaves the
 * message in the mailbox: IMAP reads with PEEK, so it stays unseen and is fetched again; POP3 fetches
 * every message each time. A message fetched again after a crash between the commit and the delete is
 * a duplicate to the processor (same bytes, same key) and is only deleted. Off unless {@code enabled}.
 */
@Component(service = RoutesBuilder.class, configurationPid = BounceMailboxRoute.PID)
@Designate(ocd = BounceMailboxConfig.class)
public class BounceMailboxRoute extends RouteBuilder {

    public static final String PID = "org.herald.routes.bounces";
    static final String ROUTE_ID = "herald-bounces-mailbox";
    private static final Logger LOG = LoggerFactory.getLogger(BounceMailboxRoute.class);
    private static final Set<String> PROTOCOLS = Set.of("imap", "imaps", "pop3", "pop3s");

    private final BounceProcessor processor;
    private final BounceMailboxConfig config;
    /** The subscriber pages' service (feature herald-web), for unsubscribe requests that arrive by mail. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile SubscriberService subscribers;
    private final ScheduledExecutorService poller;

    @Activate
    public BounceMailboxRoute(@Reference BounceProcessor processor, BounceMailboxConfig config) {
        this(processor, config, null);
    }

    /** With the subscriber service given (tests). */
    BounceMailboxRoute(BounceProcessor processor, BounceMailboxConfig config, SubscriberService subscribers) {
        this.subscribers = subscribers;
        this.processor = processor;
        this.config = config;
        // the consumer polls, fetches and deletes on this thread: Jakarta Mail finds its providers through the
        // context class loader, which must see the Angus bundles (MailContext) whatever thread Camel would use
        AtomicInteger n = new AtomicInteger();
        ClassLoader loader = MailContext.classLoader(BounceMailboxRoute.class.getClassLoader());
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "herald-bounce-mailbox-" + n.incrementAndGet());
            t.setDaemon(true);
            if (loader != null) {
                t.setContextClassLoader(loader);
            }
            return t;
        };
        this.poller = Executors.newSingleThreadScheduledExecutor(threads);
    }

    @Deactivate
    public void deactivate() {
        poller.shutdownNow();
        try {
            poller.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void configure() {
        if (!config.enabled()) {
            LOG.info("Bounce mailbox polling is off (enabled = false in {}.cfg)", PID);
            return;
        }
        String protocol = config.protocol().trim().toLowerCase(Locale.ROOT);
        if (!PROTOCOLS.contains(protocol) || config.host().isBlank()) {
            throw new IllegalArgumentException(PID + ": protocol must be one of " + PROTOCOLS + " and host set (protocol '"
                    + config.protocol() + "', host '" + config.host() + "')");
        }
        // a transient failure (database down) fails the exchange quietly: the message stays in the mailbox for the
        // next poll; the processor quarantines everything else itself
        onException(TransientException.class).maximumRedeliveries(0).logStackTrace(false).logExhausted(true);

        MailEndpoint endpoint = getContext().getEndpoint(uri(protocol), MailEndpoint.class);
        endpoint.setScheduledExecutorService(poller);
        from(endpoint)
                .routeId(ROUTE_ID)
                .process(new MailboxProcessor(processor, () -> subscribers, source(protocol)));
        LOG.info("Bounce mailbox {} polled every {} ms", source(protocol), config.pollIntervalMillis());
    }

    private String source(String protocol) {
        return protocol + ":" + config.user() + "@" + config.host() + "/" + config.folder();
    }

    String uri(String protocol) {
        boolean imap = protocol.startsWith("imap");
        StringBuilder uri = new StringBuilder(protocol).append("://").append(config.host());
        if (config.port() > 0) {
            uri.append(':').append(config.port());
        }
        uri.append("?username=").append(raw(config.user()))
                .append("&password=").append(raw(config.password()))
                .append("&folderName=").append(raw(imap ? config.folder() : "INBOX"))
                .append("&mapMailMessage=false")
                .append("&delay=").append(config.pollIntervalMillis())
                .append("&initialDelay=").append(config.initialDelayMillis())
                .append("&maxMessagesPerPoll=").append(config.maxMessagesPerPoll())
                .append("&connectionTimeout=").append(config.timeoutMillis())
                .append("&skipFailedMessage=false&handleFailedMessage=false");
        if (imap) {
            // PEEK: a message whose processing failed stays unseen and is fetched at the next poll
            uri.append("&unseen=true&peek=true");
            if (!config.moveTo().isBlank()) {
                uri.append("&moveTo=").append(raw(config.moveTo())).append("&delete=false");
            } else {
                uri.append("&delete=true");
            }
        } else {
            uri.append("&delete=true");
        }
        return uri.toString();
    }

    /** A value as Camel takes it verbatim from a URI. */
    private static String raw(String value) {
        return value.indexOf(')') < 0 ? "RAW(" + value + ")" : "RAW{" + value + "}";
    }
}
