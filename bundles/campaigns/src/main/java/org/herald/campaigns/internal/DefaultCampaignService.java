package org.herald.campaigns.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.herald.campaigns.AbVariant;
import org.herald.campaigns.Campaign;
import org.herald.campaigns.CampaignInput;
import org.herald.campaigns.CampaignReport;
import org.herald.campaigns.CampaignService;
import org.herald.campaigns.CampaignState;
import org.herald.campaigns.MessageStatus;
import org.herald.campaigns.RenderedMessage;
import org.herald.campaigns.SendDecision;
import org.herald.campaigns.VariantFigures;
import org.herald.common.ConflictException;
import org.herald.common.NotFoundException;
import org.herald.common.ValidationException;
import org.herald.contacts.Contact;
import org.herald.contacts.ContactService;
import org.herald.events.EventTypes;
import org.herald.mail.DeliveryOutcome;
import org.herald.mail.DeliveryResult;
import org.herald.mail.OutboundMessage;
import org.herald.mail.OutboundSource;
import org.herald.store.CampaignStore;
import org.herald.store.CampaignStore.CampaignRecord;
import org.herald.store.ContactRecord;
import org.herald.store.ContactStore;
import org.herald.store.EventWrite;
import org.herald.store.ListStore;
import org.herald.store.MessageStore;
import org.herald.store.MessageStore.EventCount;
import org.herald.store.MessageStore.MessageRecord;
import org.herald.store.MessageStore.Recipient;
import org.herald.store.MessageStore.StatusChange;
import org.herald.store.SegmentCompiler;
import org.herald.store.TemplateStore.TemplateRecord;
import org.herald.tokens.Token;
import org.herald.tokens.TokenPurpose;
import org.herald.tokens.TokenService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Campaigns and the outbound source of their messages. Sending queues the recipients
 * ({@link Audience}) as WFS messages in batches (idempotent: the unique (campaign, contact) row), then
 * a transport {@link #take}s due messages, which are leased, checked again against
 * {@link DefaultSendPolicy} (OO when they may not go), rendered (TE when that fails) and handed out;
 * {@link #report} turns the transport's result into the message's status or its next retry. A tick
 * starts scheduled campaigns and marks campaigns SENT when nothing waits.
 */
@Component(service = {CampaignService.class, OutboundSource.class}, configurationPid = DefaultCampaignService.PID)
@Designate(ocd = CampaignsConfig.class)
public class DefaultCampaignService implements CampaignService, OutboundSource {

    public static final String PID = "org.herald.campaigns";

    private final DefaultSubscriberLinks links;
    private static final Logger LOG = LoggerFactory.getLogger(DefaultCampaignService.class);
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s<>\",;]+@[^@\\s<>\",;]+\\.[^@\\s<>\",;]+");
    private static final Set<CampaignState> LIVE = EnumSet.of(CampaignState.DRAFT, CampaignState.SCHEDULED,
            CampaignState.SENDING, CampaignState.PAUSED);

    private final CampaignStore campaigns;
    private final MessageStore messages;
    private final ContactStore contacts;
    private final ContactService contactService;
    private final ListStore lists;
    private final DefaultTemplateService templates;
    private final DefaultSendPolicy policy;
    private final TokenService tokens;
    private final Tracking tracking;
    private final CampaignsConfig config;
    private final Audience audience;
    private final SegmentCompiler segments;
    private final Set<Long> queueing = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<OutboundMessage> tests = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService ticker;

    @Activate
    public DefaultCampaignService(@Reference CampaignStore campaigns, @Reference MessageStore messages,
            @Reference ContactStore contacts, @Reference ContactService contactService, @Reference ListStore lists,
            @Reference DefaultTemplateService templates, @Reference DefaultSendPolicy policy,
            @Reference TokenService tokens, @Reference Tracking tracking, @Reference DefaultSubscriberLinks links,
            @Reference SegmentCompiler segments, CampaignsConfig config) {
        this.segments = segments;
        this.links = links;
        this.campaigns = campaigns;
        this.messages = messages;
        this.contacts = contacts;
        this.contactService = contactService;
        this.lists = lists;
        this.templates = templates;
        this.policy = policy;
        this.tokens = tokens;
        this.tracking = tracking;
        this.config = config;
        this.audience = new StoreAudience(messages, segments);
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "herald-campaigns-tick");
            t.setDaemon(true);
            return t;
        });
        // a node that stopped while queueing finishes the queue: queueing is idempotent
        ticker.execute(() -> campaigns.inState(EnumSet.of(CampaignState.SENDING, CampaignState.PAUSED))
                .forEach(c -> safely(() -> queue(c))));
        ticker.scheduleWithFixedDelay(() -> safely(this::tick), config.tickMillis(), config.tickMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Deactivate
    public void deactivate() {
        ticker.shutdownNow();
        try {
            ticker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void safely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.warn("Campaign background work failed, will try again: {}", e.toString());
        }
    }

    /** Starts due scheduled campaigns, marks SENDING campaigns with nothing waiting SENT. */
    void tick() {
        tick(Instant.now());
    }

    /**
     * The tick as of {@code now}: starts due scheduled campaigns, picks the winners of A/B tests whose
     * wait is over (and queues the rest), marks SENDING campaigns with nothing waiting SENT (an A/B
     * test only once its rest is queued).
     */
    void tick(Instant now) {
        for (CampaignRecord c : campaigns.inState(EnumSet.of(CampaignState.SCHEDULED, CampaignState.SENDING))) {
            AbTests.Definition ab = AbTests.of(c);
            if (c.state() == CampaignState.SCHEDULED && c.scheduledAt() != null && !c.scheduledAt().isAfter(now)) {
                start(c, "scheduler");
            } else if (c.state() == CampaignState.SENDING && ab != null && c.abWinner() == null) {
                Instant at = AbTests.decideAt(c, ab);
                if (at != null && !at.isAfter(now)) {
                    decide(c, ab, now);
                }
            } else if (c.state() == CampaignState.SENDING && ab != null && c.abRestQueuedAt() == null) {
                continue;
            } else if (c.state() == CampaignState.SENDING && !queueing.contains(c.id()) && !messages.hasWaiting(c.id())) {
                campaigns.transition(c.id(), EnumSet.of(CampaignState.SENDING), CampaignState.SENT, null, null, now)
                        .ifPresent(done -> LOG.info("Campaign '{}' sent", done.name()));
            }
        }
    }

    /**
     * Picks the A/B test's winner from the sample's figures and, when this node's guarded update is the
     * one that records it, queues the rest of the audience with it. Another node deciding at the same
     * moment finds the winner recorded and does nothing.
     */
    private void decide(CampaignRecord c, AbTests.Definition ab, Instant now) {
        List<VariantFigures> figures = variantFigures(c, ab, now);
        String[] winner = AbTests.winner(ab, figures);
        campaigns.decideAbTest(c.id(), winner[0], winner[1], now).ifPresent(decided -> {
            LOG.info("Campaign '{}': A/B test decided, {}", c.name(), winner[1]);
            queue(decided);
        });
    }

    private List<VariantFigures> variantFigures(CampaignRecord c, AbTests.Definition ab, Instant until) {
        String source = source(c.id());
        return AbTests.figures(ab, messages.variantCounts(c.id(), source), messages.variantPurchases(c.id(), source, until),
                c.name(), config.attributionDays());
    }

    // ---- definitions

    @Override
    public Campaign create(String name, CampaignInput input) {
        DefaultTemplateService.checkName("name", name);
        Instant now = Instant.now();
        return toCampaign(campaigns.create(definition(0, name, input, CampaignState.DRAFT, now)));
    }

    @Override
    public Campaign update(String name, CampaignInput input) {
        CampaignRecord c = record(name);
        return toCampaign(campaigns.update(definition(c.id(), name, input, c.state(), c.created()),
                EnumSet.of(CampaignState.DRAFT)));
    }

    private CampaignRecord definition(long id, String name, CampaignInput in, CampaignState state, Instant created) {
        templates.record(DefaultTemplateService.checkName("template", in.template()));
        if (in.lists().isEmpty() && in.segments().isEmpty()) {
            throw new ValidationException("lists", null, "a campaign needs at least one target list or segment");
        }
        for (String l : in.lists()) {
            lists.findList(l).orElseThrow(() -> new ValidationException("lists", l, "list '" + l + "' does not exist"));
        }
        for (String l : in.excludeLists()) {
            lists.findList(l).orElseThrow(() -> new ValidationException("excludeLists", l, "list '" + l + "' does not exist"));
        }
        Instant now = Instant.now();
        for (String s : in.segments()) {
            segment("segments", s, now);
        }
        for (String s : in.excludeSegments()) {
            segment("excludeSegments", s, now);
        }
        checkAddress("from", in.from());
        checkAddress("replyTo", in.replyTo());
        String ab = null;
        if (in.abTest() != null) {
            if (in.transactional()) {
                throw new ValidationException("abTest", null, "abTest: a transactional campaign is not A/B tested");
            }
            ab = AbTests.json(AbTests.check(in.abTest(), t -> templates.find(t).isPresent()));
        }
        return new CampaignRecord(id, name, in.template(), in.subject(), in.from(), in.replyTo(), state,
                in.transactional(), in.allowUnknown() || config.allowUnknownDefault(), in.lists(), in.excludeLists(),
                in.segments(), in.excludeSegments(), null, created, null, null, ab, null, null, null, null);
    }

    /** Checks that the segment exists and its condition compiles. */
    private void segment(String field, String name, Instant now) {
        try {
            segments.compile(name, now);
        } catch (NotFoundException e) {
            throw new ValidationException(field, name, "segment '" + name + "' does not exist");
        }
    }

    private static void checkAddress(String field, String address) {
        if (address != null && !ADDRESS.matcher(address).matches()) {
            throw new ValidationException(field, address, field + " must be an e-mail address");
        }
    }

    @Override
    public Campaign get(String name) {
        return toCampaign(record(name));
    }

    private CampaignRecord record(String name) {
        return campaigns.find(name).orElseThrow(() -> new NotFoundException("campaign '" + name + "' does not exist"));
    }

    @Override
    public List<Campaign> list() {
        return campaigns.list().stream().map(DefaultCampaignService::toCampaign).toList();
    }

    // ---- life cycle

    @Override
    public Campaign send(String name, String actor) {
        return toCampaign(start(record(name), actor));
    }

    private CampaignRecord start(CampaignRecord c, String actor) {
        CampaignRecord started = campaigns.transition(c.id(), EnumSet.of(CampaignState.DRAFT, CampaignState.SCHEDULED),
                CampaignState.SENDING, null, Instant.now(), null)
                .orElseThrow(() -> new ConflictException("campaign '" + c.name() + "' is " + record(c.name()).state()
                        + ": only a DRAFT or SCHEDULED campaign can be sent"));
        LOG.info("Campaign '{}' sending (by {})", c.name(), actor);
        queue(started);
        return campaigns.find(c.id()).orElse(started);
    }

    /**
     * Queues every recipient not yet queued, in batches; returns the number queued now. An A/B test
     * before its decision queues only its sample; after it, the rest (the sample's contacts are queued
     * already, so the unique message per contact skips them), and notes that the rest is queued.
     */
    long queue(CampaignRecord c) {
        queueing.add(c.id());
        try {
            AbTests.Definition ab = AbTests.of(c);
            if (ab != null && c.abWinner() == null) {
                return queueSample(c, ab);
            }
            long queued = 0;
            long after = 0;
            while (true) {
                List<Recipient> batch = audience.next(c, c.allowUnknown(), after, config.queueBatchSize());
                if (batch.isEmpty()) {
                    break;
                }
                after = batch.get(batch.size() - 1).contactKey();
                queued += enqueue(c, batch);
            }
            if (ab != null) {
                campaigns.abRestQueued(c.id(), Instant.now());
            }
            return queued;
        } finally {
            queueing.remove(c.id());
        }
    }

    private int enqueue(CampaignRecord c, List<Recipient> batch) {
        String source = source(c.id());
        Instant now = Instant.now();
        return messages.enqueue(c.id(), batch, now, m -> event(m, c, source, EventTypes.MESSAGE_QUEUED,
                MessageStatus.WFS, null, "system", now)).size();
    }

    /**
     * Queues the A/B sample: the audience is read twice, once to count it and once to keep the
     * recipients of the lowest ranks (a hash of campaign and contact: random, but the same every time,
     * so queueing again after a crash picks the same sample), which take the variants in turn by rank,
     * an even split.
     */
    private long queueSample(CampaignRecord c, AbTests.Definition ab) {
        long total = 0;
        long after = 0;
        List<Recipient> batch;
        while (!(batch = audience.next(c, c.allowUnknown(), after, config.queueBatchSize())).isEmpty()) {
            total += batch.size();
            after = batch.get(batch.size() - 1).contactKey();
        }
        int size = AbTests.sampleSize(total, ab);
        java.util.PriorityQueue<Object[]> lowest = new java.util.PriorityQueue<>(Math.max(1, size),
                (x, y) -> Long.compare((long) y[0], (long) x[0]));
        after = 0;
        while (size > 0 && !(batch = audience.next(c, c.allowUnknown(), after, config.queueBatchSize())).isEmpty()) {
            for (Recipient r : batch) {
                long rank = AbTests.rank(c.id(), r.contactKey());
                if (lowest.size() < size) {
                    lowest.add(new Object[] {rank, r});
                } else if (rank < (long) lowest.peek()[0]) {
                    lowest.poll();
                    lowest.add(new Object[] {rank, r});
                }
            }
            after = batch.get(batch.size() - 1).contactKey();
        }
        List<Object[]> byRank = new ArrayList<>(lowest);
        byRank.sort((x, y) -> Long.compare((long) x[0], (long) y[0]));
        List<Recipient> sample = new ArrayList<>();
        for (int i = 0; i < byRank.size(); i++) {
            sample.add(((Recipient) byRank.get(i)[1]).withVariant(ab.variants().get(i % ab.variants().size()).name()));
        }
        sample.sort(java.util.Comparator.comparingLong(Recipient::contactKey));
        long queued = 0;
        for (int from = 0; from < sample.size(); from += config.queueBatchSize()) {
            queued += enqueue(c, sample.subList(from, Math.min(sample.size(), from + config.queueBatchSize())));
        }
        LOG.info("Campaign '{}': A/B sample of {} of {} queued ({})", c.name(), sample.size(), total, AbTests.describe(ab));
        return queued;
    }

    @Override
    public Campaign schedule(String name, Instant at, String actor) {
        CampaignRecord c = record(name);
        if (at == null || !at.isAfter(Instant.now())) {
            throw new ValidationException("at", String.valueOf(at), "the time to send must be in the future");
        }
        return toCampaign(campaigns.transition(c.id(), EnumSet.of(CampaignState.DRAFT, CampaignState.SCHEDULED),
                CampaignState.SCHEDULED, at, null, null)
                .orElseThrow(() -> new ConflictException("campaign '" + name + "' is " + c.state()
                        + ": only a DRAFT or SCHEDULED campaign can be scheduled")));
    }

    @Override
    public Campaign pause(String name, String actor) {
        CampaignRecord c = record(name);
        return toCampaign(campaigns.transition(c.id(), EnumSet.of(CampaignState.SENDING), CampaignState.PAUSED, null,
                null, null).orElseThrow(() -> new ConflictException("campaign '" + name + "' is " + c.state()
                        + ": only a SENDING campaign can be paused")));
    }

    @Override
    public Campaign resume(String name, String actor) {
        CampaignRecord c = record(name);
        return toCampaign(campaigns.transition(c.id(), EnumSet.of(CampaignState.PAUSED), CampaignState.SENDING, null,
                null, null).orElseThrow(() -> new ConflictException("campaign '" + name + "' is " + c.state()
                        + ": only a PAUSED campaign can be resumed")));
    }

    @Override
    public Campaign cancel(String name, String actor) {
        CampaignRecord c = record(name);
        Instant now = Instant.now();
        CampaignRecord cancelled = campaigns.transition(c.id(), LIVE, CampaignState.CANCELLED, null, null, now)
                .orElseThrow(() -> new ConflictException("campaign '" + name + "' is " + c.state()
                        + ": a SENT or CANCELLED campaign cannot be cancelled"));
        String source = source(c.id());
        long after = 0;
        while (true) {
            List<Long> ids = messages.waiting(c.id(), after, 1000);
            if (ids.isEmpty()) {
                break;
            }
            after = ids.get(ids.size() - 1);
            Instant at = Instant.now();
            messages.change(ids.stream().map(id -> new StatusChange(id, MessageStatus.C, at, null, "cancelled by " + actor))
                    .toList(), m -> event(m, c, source, EventTypes.MESSAGE_NOT_SENT, MessageStatus.C, "cancelled", actor, at));
        }
        return toCampaign(cancelled);
    }

    // ---- report

    @Override
    public CampaignReport report(String name) {
        CampaignRecord c = record(name);
        AbTests.Definition ab = AbTests.of(c);
        Map<MessageStatus, Long> counts = messages.counts(c.id());
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        Map<String, EventCount> events = new HashMap<>();
        for (EventCount e : messages.eventCounts(source(c.id()))) {
            events.put(e.type(), e);
        }
        EventCount none = new EventCount("", 0, 0);
        EventCount opens = events.getOrDefault(EventTypes.MESSAGE_OPENED, none);
        EventCount clicks = events.getOrDefault(EventTypes.MESSAGE_CLICKED, none);
        long bounces = counts.get(MessageStatus.HF) + counts.get(MessageStatus.UF) + counts.get(MessageStatus.SF);
        List<CampaignReport.LinkClicks> links = clicks.events() == 0 ? List.of() : messages.linkClicks(source(c.id()))
                .stream().map(l -> new CampaignReport.LinkClicks(l.url(), l.clicks(), l.contacts())).toList();
        Map<String, Long> byLink = new LinkedHashMap<>();
        links.forEach(l -> byLink.put(l.url(), l.clicks()));
        return new CampaignReport(c.name(), c.state(), total, counts, messages.retrying(c.id()), opens.events(),
                opens.contacts(), clicks.events(), clicks.contacts(), byLink,
                events.getOrDefault(EventTypes.UNSUBSCRIBED, none).contacts(),
                Math.max(bounces, events.getOrDefault(EventTypes.MESSAGE_BOUNCED, none).contacts()),
                events.getOrDefault(EventTypes.MESSAGE_COMPLAINED, none).contacts(), links, AbTests.info(c),
                ab == null ? List.of() : variantFigures(c, ab, Instant.now()));
    }

    // ---- test send

    @Override
    public int testSend(String name, List<String> addresses) {
        CampaignRecord c = record(name);
        TemplateRecord t = templates.record(c.template());
        if (addresses == null || addresses.isEmpty()) {
            throw new ValidationException("addresses", null, "give at least one address to send the test to");
        }
        int n = 0;
        for (String address : addresses) {
            checkAddress("addresses", address);
            Optional<Contact> contact = contactService.find(address);
            Map<String, Object> values = new LinkedHashMap<>();
            String contactId = contact.map(Contact::id).orElse("test");
            contact.ifPresent(k -> values.putAll(k.fields()));
            values.put("email", address);
            values.putAll(links(contactId, 0));
            values.put("campaign", c.name());
            RenderedMessage r;
            try {
                r = templates.templates().render(templates.compiled(t), values);
            } catch (Templates.RenderException e) {
                throw new ValidationException("template", t.name(), "template '" + t.name() + "' cannot be rendered: "
                        + e.getMessage());
            }
            tests.add(OutboundMessage.builder().messageId(0).campaignId(c.id()).contactId(contactId)
                    .rfcMessageId("<test." + UUID.randomUUID() + "@" + config.messageIdDomain() + ">")
                    .from(from(c)).replyTo(c.replyTo()).to(address).subject("[TEST] " + subject(c, r))
                    .html(r.html()).text(r.text()).header("X-Herald-Test", "true").build());
            n++;
        }
        return n;
    }

    // ---- outbound source

    @Override
    public List<OutboundMessage> take(int max) {
        List<OutboundMessage> out = new ArrayList<>();
        OutboundMessage test;
        while (out.size() < max && (test = tests.poll()) != null) {
            out.add(test);
        }
        if (out.size() >= max) {
            return out;
        }
        Instant now = Instant.now();
        for (MessageStore.SystemMessage m : messages.leaseSystem(now, now.plusSeconds(config.leaseSeconds()), max - out.size())) {
            out.add(system(m));
        }
        if (out.size() >= max) {
            return out;
        }
        List<MessageRecord> leased = messages.lease(now, now.plusSeconds(config.leaseSeconds()), max - out.size());
        if (leased.isEmpty()) {
            return out;
        }
        Map<Long, CampaignRecord> byId = new HashMap<>();
        Map<String, TemplateRecord> templateOf = new HashMap<>();
        List<StatusChange> notSent = new ArrayList<>();
        Map<Long, String> reasons = new HashMap<>();
        for (MessageRecord m : leased) {
            CampaignRecord c = byId.computeIfAbsent(m.campaignId(), id -> campaigns.find(id).orElseThrow());
            SendDecision d = policy.decide(m.contactKey(), m.contactStatus(), m.contactDeleted(), c.id(),
                    c.transactional(), c.allowUnknown(), now);
            if (!d.allowed()) {
                notSent.add(new StatusChange(m.id(), MessageStatus.OO, now, null, d.name()));
                reasons.put(m.id(), d.name());
                continue;
            }
            try {
                AbVariant variant = variant(m, c);
                String template = variant != null && variant.template() != null ? variant.template() : c.template();
                TemplateRecord t = templateOf.computeIfAbsent(template, templates::record);
                out.add(message(m, c, t, variant));
            } catch (Templates.RenderException | NotFoundException e) {
                notSent.add(new StatusChange(m.id(), MessageStatus.TE, now, null, e.getMessage()));
                reasons.put(m.id(), "TE");
            }
        }
        if (!notSent.isEmpty()) {
            messages.change(notSent, r -> {
                CampaignRecord c = byId.get(r.campaignId());
                return r.status() == MessageStatus.OO
                        ? event(r, c, source(c.id()), EventTypes.MESSAGE_NOT_SENT, r.status(), reasons.get(r.id()), "system", now)
                        : event(r, c, source(c.id()), EventTypes.MESSAGE_FAILED, r.status(), r.reply(), "system", now);
            });
        }
        return out;
    }

    /** The A/B variant a message goes with: its own (the sample), the winner (the rest), or none. */
    private static AbVariant variant(MessageRecord m, CampaignRecord c) {
        AbTests.Definition ab = AbTests.of(c);
        if (ab == null) {
            return null;
        }
        return ab.variant(m.variant() != null ? m.variant() : c.abWinner());
    }

    private OutboundMessage message(MessageRecord m, CampaignRecord c, TemplateRecord t, AbVariant variant) {
        ContactRecord contact = contacts.findByInternalKey(m.contactKey())
                .orElseThrow(() -> new NotFoundException("contact of message " + m.id() + " is gone"));
        Map<String, Object> values = new LinkedHashMap<>(contact.fields());
        values.put("email", contact.email());
        values.put("campaign", c.name());
        Map<String, String> links = links(contact.id(), m.id());
        values.putAll(links);
        RenderedMessage r = templates.templates().render(templates.compiled(t), values);
        OutboundMessage.Builder b = OutboundMessage.builder().messageId(m.id()).campaignId(c.id()).contactId(contact.id())
                .rfcMessageId(rfcMessageId(c.id(), m.id())).from(from(c)).replyTo(c.replyTo()).to(contact.email())
                .envelopeFrom("bounce+" + tokens.issue(Token.of(TokenPurpose.BOUNCE, contact.id(), m.id())) + "@"
                        + config.bounceDomain())
                .subject(variant != null && variant.subject() != null ? variant.subject() : subject(c, r)).text(r.text())
                .html(tracking.instrument(r.html(), config.baseUrl(), contact.id(), m.id(), List.of(this.links.pagePrefixes())));
        if (!c.transactional()) {
            String unsubscribe = "<" + links.get("unsubscribe_url") + ">";
            if (!config.unsubscribeMailto().isBlank()) {
                unsubscribe += ", <mailto:" + config.unsubscribeMailto() + "?subject=unsubscribe%20"
                        + links.get("unsubscribe_token") + ">";
            }
            b.header("List-Unsubscribe", unsubscribe).header("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        b.header("X-Herald-Campaign", String.valueOf(c.id()));
        if (variant != null) {
            b.header("X-Herald-Variant", variant.name());
        }
        return b.build();
    }

    /** The stable Message-ID of the (campaign, contact) message: the same on every attempt. */
    String rfcMessageId(long campaignId, long messageId) {
        return "<c" + campaignId + ".m" + messageId + "@" + config.messageIdDomain() + ">";
    }

    private Map<String, String> links(String contactId, long messageId) {
        return links.forMessage(contactId, messageId);
    }

    private String from(CampaignRecord c) {
        return c.from() == null ? config.defaultFrom() : c.from();
    }

    private static String subject(CampaignRecord c, RenderedMessage r) {
        return c.subject() == null || c.subject().isBlank() ? r.subject() : c.subject();
    }

    /** The transport's message of a system message: its stored rendering with its id, Message-ID and bounce address. */
    private OutboundMessage system(MessageStore.SystemMessage m) {
        OutboundMessage stored;
        try {
            stored = org.herald.json.HeraldJson.mapper().readValue(m.body(), OutboundMessage.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("system message " + m.id() + " cannot be read", e);
        }
        OutboundMessage.Builder b = OutboundMessage.builder().messageId(m.id()).campaignId(0).contactId(m.contactId())
                .rfcMessageId("<s" + m.id() + "@" + config.messageIdDomain() + ">").from(stored.from())
                .replyTo(stored.replyTo()).to(stored.to()).subject(stored.subject()).html(stored.html()).text(stored.text())
                .envelopeFrom("bounce+" + tokens.issue(Token.of(TokenPurpose.BOUNCE, m.contactId(), m.id())) + "@"
                        + config.bounceDomain());
        stored.headers().forEach(b::header);
        return b.build();
    }

    private boolean reportSystem(MessageStore.SystemMessage m, DeliveryResult result) {
        if (m.status() != MessageStatus.WFS) {
            return true;
        }
        String reply = result.replyCode() > 0 ? result.replyCode() + " " + nullToEmpty(result.reply()) : result.reply();
        Instant at = result.at();
        MessageStatus status = switch (result.outcome()) {
            case ACCEPTED -> MessageStatus.SENT;
            case USER_UNKNOWN -> MessageStatus.UF;
            case POLICY -> MessageStatus.FP;
            case PERMANENT -> MessageStatus.HF;
            case INVALID_ADDRESS -> MessageStatus.IE;
            case TEMPORARY, CONNECTION, SKIPPED -> MessageStatus.WFS;
        };
        Instant retryAt = null;
        if (status == MessageStatus.WFS) {
            Instant first = m.firstFailureAt() == null ? at : m.firstFailureAt();
            if (!first.plus(Duration.ofHours(config.giveUpHours())).isAfter(at)) {
                status = result.outcome() == DeliveryOutcome.CONNECTION ? MessageStatus.LF : MessageStatus.SF;
            } else {
                retryAt = at.plusSeconds(Math.min(config.retryFirstSeconds() << Math.min(m.attempts(), 16),
                        config.retryMaxSeconds()));
            }
        }
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("kind", m.kind());
        props.put("message", m.id());
        props.put("status", status.name());
        if (reply != null) {
            props.put("reply", reply);
        }
        EventWrite event = new EventWrite(UUID.randomUUID().toString(), false, m.contactKey(), m.contactId(),
                status == MessageStatus.SENT ? EventTypes.MESSAGE_SENT : EventTypes.MESSAGE_FAILED, at, at, "system:" + m.kind(),
                "smtp", props, null, null);
        messages.changeSystem(m.id(), status, at, retryAt, reply, retryAt == null ? event : null);
        return true;
    }

    @Override
    public boolean wanted(long messageId) {
        if (messageId == 0) {
            return true;
        }
        Optional<MessageStore.SystemMessage> system = messages.findSystem(messageId);
        if (system.isPresent()) {
            return system.get().status() == MessageStatus.WFS;
        }
        MessageRecord m = messages.find(messageId);
        if (m.status() != MessageStatus.WFS) {
            return false;
        }
        return campaigns.find(m.campaignId()).map(c -> c.state() == CampaignState.SENDING).orElse(false);
    }

    @Override
    public void report(DeliveryResult result) {
        if (result.messageId() == 0 || result.outcome() == DeliveryOutcome.SKIPPED) {
            return;
        }
        Optional<MessageStore.SystemMessage> system = messages.findSystem(result.messageId());
        if (system.isPresent()) {
            reportSystem(system.get(), result);
            return;
        }
        MessageRecord m = messages.find(result.messageId());
        if (m.status() != MessageStatus.WFS) {
            return;
        }
        CampaignRecord c = campaigns.find(m.campaignId()).orElseThrow();
        String reply = result.replyCode() > 0 ? result.replyCode() + " " + nullToEmpty(result.reply()) : result.reply();
        Instant at = result.at();
        StatusChange change = switch (result.outcome()) {
            case ACCEPTED -> new StatusChange(m.id(), MessageStatus.SENT, at, null, reply);
            case USER_UNKNOWN -> new StatusChange(m.id(), MessageStatus.UF, at, null, reply);
            case POLICY -> new StatusChange(m.id(), MessageStatus.FP, at, null, reply);
            case PERMANENT -> new StatusChange(m.id(), MessageStatus.HF, at, null, reply);
            case INVALID_ADDRESS -> new StatusChange(m.id(), MessageStatus.IE, at, null, reply);
            case TEMPORARY, CONNECTION -> retryOrGiveUp(m, result, at, reply);
            case SKIPPED -> throw new IllegalStateException();
        };
        String source = source(c.id());
        messages.change(List.of(change), r -> event(r, c, source, r.status() == MessageStatus.SENT
                ? EventTypes.MESSAGE_SENT : EventTypes.MESSAGE_FAILED, r.status(), r.reply(), "smtp", at));
    }

    private StatusChange retryOrGiveUp(MessageRecord m, DeliveryResult result, Instant at, String reply) {
        Instant first = m.firstFailureAt() == null ? at : m.firstFailureAt();
        if (!first.plus(Duration.ofHours(config.giveUpHours())).isAfter(at)) {
            return new StatusChange(m.id(), result.outcome() == DeliveryOutcome.CONNECTION ? MessageStatus.LF
                    : MessageStatus.SF, at, null, reply);
        }
        long delay = config.retryFirstSeconds();
        int failures = m.firstFailureAt() == null ? 0 : Math.max(0, m.attempts());
        for (int i = 0; i < failures && delay < config.retryMaxSeconds(); i++) {
            delay *= 2;
        }
        delay = Math.min(delay, config.retryMaxSeconds());
        return new StatusChange(m.id(), MessageStatus.WFS, at, at.plusSeconds(delay), reply);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    // ---- events

    static String source(long campaignId) {
        return "campaign:" + campaignId;
    }

    private static EventWrite event(MessageRecord m, CampaignRecord c, String source, String type, MessageStatus status,
            String reason, String actor, Instant at) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("campaign", c.name());
        props.put("message", m.id());
        props.put("status", status.name());
        if (!m.lists().isEmpty()) {
            props.put("lists", m.lists());
        }
        if (m.variant() != null) {
            props.put("variant", m.variant());
        }
        if (reason != null) {
            props.put("reply", reason);
        }
        return new EventWrite(UUID.randomUUID().toString(), false, m.contactKey(), m.contactId(), type, at, at, source,
                actor, props, null, null);
    }

    static Campaign toCampaign(CampaignRecord r) {
        return new Campaign(r.id(), r.name(), r.template(), r.subject(), r.from(), r.replyTo(), r.state(),
                r.transactional(), r.allowUnknown(), r.lists(), r.excludeLists(), r.segments(), r.excludeSegments(),
                r.scheduledAt(), r.created(), r.startedAt(), r.finishedAt(), AbTests.info(r));
    }
}
