package org.herald.bounces.processing.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.herald.bounce.Bounce;
import org.herald.bounce.BounceClass;
import org.herald.bounce.BounceClassifier;
import org.herald.bounce.BounceDisposition;
import org.herald.bounce.BounceProcessor;
import org.herald.bounce.BounceReason;
import org.herald.bounce.BounceRecord;
import org.herald.bounce.DomainCount;
import org.herald.bounce.ProcessedBounce;
import org.herald.bounce.QuarantinedBounce;
import org.herald.campaigns.MessageStatus;
import org.herald.common.ConflictException;
import org.herald.common.NotFoundException;
import org.herald.common.TransientException;
import org.herald.contacts.ChangeContext;
import org.herald.contacts.ConsentSource;
import org.herald.contacts.Contact;
import org.herald.contacts.ContactService;
import org.herald.contacts.OptInStatus;
import org.herald.events.EventTypes;
import org.herald.store.BounceStore;
import org.herald.store.BounceStore.BounceRow;
import org.herald.store.BounceStore.MessageBounce;
import org.herald.store.CampaignStore;
import org.herald.store.CampaignStore.CampaignRecord;
import org.herald.store.ContactRecord;
import org.herald.store.ContactStore;
import org.herald.store.EventWrite;
import org.herald.store.MessageStore;
import org.herald.store.MessageStore.MessageRecord;
import org.herald.tokens.Token;
import org.herald.tokens.TokenPurpose;
import org.herald.tokens.TokenService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Classifies a received report, matches each record to its message and contact, records it with the
 * message's new status and the contact events in one transaction (idempotent by the message's key),
 * then brings the contact's opt-in status in line with the recorded bounces through the contact service
 * (which writes the status change with its own event and ledger entry). The status step is derived from
 * the recorded rows only, so running it again, after a duplicate or a crash between the two
 * transactions, changes nothing more than once.
 */
@Component(service = BounceProcessor.class, configurationPid = DefaultBounceProcessor.PID)
@Designate(ocd = ProcessingConfig.class)
public class DefaultBounceProcessor implements BounceProcessor {

    public static final String PID = "org.herald.bounces.processing";
    private static final Logger LOG = LoggerFactory.getLogger(DefaultBounceProcessor.class);
    private static final int MAX_KEY = 100;
    private static final int EVENT_TEXT = 500;

    private final BounceClassifier classifier;
    private final BounceStore bounces;
    private final ContactService contactService;
    private final ContactStore contacts;
    private final MessageStore messages;
    private final CampaignStore campaigns;
    private final TokenService tokens;
    private final ProcessingConfig config;
    private final Clock clock;

    @Activate
    public DefaultBounceProcessor(@Reference BounceClassifier classifier, @Reference BounceStore bounces,
            @Reference ContactService contactService, @Reference ContactStore contacts, @Reference MessageStore messages,
            @Reference CampaignStore campaigns, @Reference TokenService tokens, ProcessingConfig config) {
        this(classifier, bounces, contactService, contacts, messages, campaigns, tokens, config, Clock.systemUTC());
    }

    DefaultBounceProcessor(BounceClassifier classifier, BounceStore bounces, ContactService contactService,
            ContactStore contacts, MessageStore messages, CampaignStore campaigns, TokenService tokens,
            ProcessingConfig config, Clock clock) {
        this.classifier = classifier;
        this.bounces = bounces;
        this.contactService = contactService;
        this.contacts = contacts;
        this.messages = messages;
        this.campaigns = campaigns;
        this.tokens = tokens;
        this.config = config;
        this.clock = clock;
    }

    // ---- processing

    @Override
    public ProcessedBounce process(byte[] message, String source) {
        byte[] raw = message == null ? new byte[0] : message;
        String key = "sha256:" + sha256(raw);
        if (bounces.recorded(key)) {
            return duplicate(key);
        }
        List<BounceRecord> records;
        try {
            records = classifier.classify(raw);
        } catch (RuntimeException e) {
            // the classifier promises not to throw; should it, the message is kept, not lost
            LOG.warn("Bounce classifier failed on a message from {}; quarantined", source, e);
            return quarantine(key, raw, source, "classifier failed: " + e);
        }
        return apply(key, records, raw, source);
    }

    @Override
    public ProcessedBounce processRecords(String key, List<BounceRecord> records, byte[] raw, String source) {
        String k = key == null || key.isBlank() ? "sha256:" + sha256(raw == null ? new byte[0] : raw)
                : key.length() <= MAX_KEY ? key : "sha256:" + sha256(key.getBytes(StandardCharsets.UTF_8));
        if (bounces.recorded(k)) {
            return duplicate(k);
        }
        return apply(k, records == null ? List.of() : records, raw == null ? new byte[0] : raw, source);
    }

    @Override
    public List<ProcessedBounce> processProviderEvents(String provider, byte[] body) {
        List<ProviderEvents.Event> events;
        try {
            events = ProviderEvents.parse(provider, body == null ? new byte[0] : body);
        } catch (ProviderEvents.SubscriptionConfirmation c) {
            // never fetched by Herald (a URL from the request): the operator confirms it once
            LOG.warn("Amazon SNS asks to confirm the subscription of the SES bounce webhook: open this URL once: {}",
                    c.url == null ? "(none given)" : cut(c.url.replaceAll("[\\r\\n]", ""), 500));
            return List.of();
        }
        String source = "webhook:" + provider.toLowerCase(java.util.Locale.ROOT);
        List<ProcessedBounce> out = new ArrayList<>();
        for (ProviderEvents.Event e : events) {
            out.add(processRecords(e.key(), e.records(), e.raw(), source));
        }
        return out;
    }

    private ProcessedBounce duplicate(String key) {
        applyStatus(bounces.ofKey(key));
        return new ProcessedBounce(key, BounceDisposition.DUPLICATE, List.of(), 0, null);
    }

    private ProcessedBounce apply(String key, List<BounceRecord> records, byte[] raw, String source) {
        if (records.isEmpty()) {
            return quarantine(key, raw, source, "no bounce, complaint or auto-reply report found in the message");
        }
        List<BounceRecord> actionable = records.stream()
                .filter(r -> r.bounceClass() != BounceClass.UNKNOWN || r.recipient() != null).toList();
        if (actionable.isEmpty()) {
            String notes = String.join("; ", records.stream().map(r -> r.note() == null ? "cause unknown" : r.note())
                    .distinct().toList());
            return quarantine(key, raw, source, "unreadable report: " + notes);
        }
        try {
            return record(key, actionable, raw, source);
        } catch (TransientException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.warn("Cannot apply a bounce from {}; quarantined", source, e);
            return quarantine(key, raw, source, "cannot apply: " + e);
        }
    }

    private ProcessedBounce record(String key, List<BounceRecord> records, byte[] raw, String source) {
        Instant now = clock.instant();
        Hints hints = Hints.of(raw);
        Token token = verifiedToken(hints);
        List<BounceRow> rows = new ArrayList<>();
        List<MessageBounce> changes = new ArrayList<>();
        List<EventWrite> events = new ArrayList<>();
        Map<Long, Optional<CampaignRecord>> campaignOf = new LinkedHashMap<>();
        int seq = 0;
        for (BounceRecord r : records) {
            Match m = match(r, token, records.size());
            MessageRecord msg = m.message;
            Optional<CampaignRecord> campaign = msg == null ? Optional.empty()
                    : campaignOf.computeIfAbsent(msg.campaignId(), campaigns::find);
            String sendingDomain = campaign.map(CampaignRecord::from).map(Hints::domain).orElse(hints.returnedFromDomain);
            MessageStatus status = messageStatus(r);
            String effect = effect(r, m.contact != null);
            rows.add(new BounceRow(0, key, seq++, now, source, r.bounceClass(), r.reason(), r.status(), r.replyCode(),
                    r.recipient(), r.diagnostic(), r.feedbackType(), r.originalMessageId(),
                    m.contact == null ? 0 : m.contact.key(), m.contact == null ? null : m.contact.id(),
                    msg == null ? 0 : msg.campaignId(), msg == null ? 0 : msg.id(), m.by, sendingDomain, effect));
            if (msg != null && status != null) {
                changes.add(new MessageBounce(msg.id(), status, now, reply(r)));
            }
            String type = r.bounceClass() == BounceClass.COMPLAINT ? EventTypes.MESSAGE_COMPLAINED
                    : status != null ? EventTypes.MESSAGE_BOUNCED : null;
            if (m.contact != null && type != null) {
                events.add(event(type, r, m, campaign.orElse(null), status, source, now));
            }
            if (r.bounceClass() == BounceClass.BLOCKED) {
                LOG.warn("Blocked report for sending domain {}: {} {} (reason {})", sendingDomain == null ? "unknown"
                        : sendingDomain, r.status(), r.replyCode(), r.reason() == null ? "-" : r.reason().key());
            }
        }
        if (!bounces.record(key, rows, changes, events)) {
            return duplicate(key);
        }
        applyStatus(rows);
        List<BounceRow> stored = bounces.ofKey(key);
        return new ProcessedBounce(key, BounceDisposition.APPLIED, stored.stream().map(DefaultBounceProcessor::bounce)
                .toList(), 0, null);
    }

    private ProcessedBounce quarantine(String key, byte[] raw, String source, String reason) {
        BounceStore.Quarantined q = bounces.quarantine(key, clock.instant(), source, reason, raw);
        LOG.info("Quarantined a message from {} ({} bytes): {}", source, raw.length, reason);
        return new ProcessedBounce(key, BounceDisposition.QUARANTINED, List.of(), q.id(), q.reason());
    }

    // ---- matching

    /** What a record is about: a contact (maybe none) and the message (maybe none), and how that was found. */
    private record Match(ContactRecord contact, MessageRecord message, String by) {
    }

    private Token verifiedToken(Hints hints) {
        for (String t : hints.tokens) {
            Optional<Token> v = tokens.verify(t, TokenPurpose.BOUNCE);
            if (v.isPresent()) {
                return v.get();
            }
        }
        return null;
    }

    private Match match(BounceRecord r, Token token, int recordCount) {
        if (token != null) {
            Optional<ContactRecord> c = contacts.findById(token.contactId());
            if (c.isPresent() && (r.recipient() == null || r.recipient().equalsIgnoreCase(c.get().email())
                    || recordCount == 1)) {
                MessageRecord msg = message(token.messageId());
                if (msg != null && msg.contactKey() != c.get().key()) {
                    msg = null;
                }
                return new Match(live(c.get()), msg, "token");
            }
        }
        long[] ids = Hints.campaignAndMessage(r.originalMessageId());
        if (ids != null) {
            MessageRecord msg = message(ids[1]);
            if (msg != null && msg.campaignId() == ids[0]
                    && (r.recipient() == null || r.recipient().equalsIgnoreCase(msg.email()))) {
                Optional<ContactRecord> c = contacts.findByInternalKey(msg.contactKey());
                if (c.isPresent()) {
                    return new Match(live(c.get()), msg, "message-id");
                }
            }
        }
        if (r.recipient() != null && r.recipient().indexOf('@') > 0) {
            Optional<Contact> found;
            try {
                found = contactService.find(r.recipient());
            } catch (org.herald.common.ValidationException e) {
                found = Optional.empty();
            }
            Optional<ContactRecord> c = found.flatMap(k -> contacts.findById(k.id()));
            if (c.isPresent()) {
                return new Match(live(c.get()), null, "address");
            }
        }
        return new Match(null, null, "none");
    }

    private static ContactRecord live(ContactRecord c) {
        return c.deletedAt() == null ? c : null;
    }

    private MessageRecord message(long id) {
        if (id <= 0) {
            return null;
        }
        try {
            return messages.find(id);
        } catch (NotFoundException e) {
            return null;
        }
    }

    // ---- effects

    private static MessageStatus messageStatus(BounceRecord r) {
        return switch (r.bounceClass()) {
            case HARD -> r.reason() == BounceReason.USER_UNKNOWN && !r.unconfirmed() ? MessageStatus.UF : MessageStatus.HF;
            case SOFT -> MessageStatus.SF;
            case BLOCKED -> MessageStatus.FP;
            default -> null;
        };
    }

    private static String effect(BounceRecord r, boolean contact) {
        BounceClass c = r.bounceClass();
        if (c == BounceClass.BLOCKED) {
            return "REPORTED";
        }
        if (!contact && (c == BounceClass.HARD || c == BounceClass.SOFT || c == BounceClass.COMPLAINT)) {
            return "NO_CONTACT";
        }
        return switch (c) {
            case HARD -> r.unconfirmed() ? BounceStore.UNCONFIRMED : "INACTIVE";
            case SOFT -> "SOFT_COUNTED";
            case COMPLAINT -> "UNSUBSCRIBED";
            default -> "NONE";
        };
    }

    private static String reply(BounceRecord r) {
        String s = ((r.replyCode() == null ? "" : r.replyCode() + " ") + (r.status() == null ? "" : r.status() + " ")
                + (r.diagnostic() == null ? "" : r.diagnostic())).trim();
        return s.isEmpty() ? "bounce: " + r.bounceClass() : s;
    }

    private EventWrite event(String type, BounceRecord r, Match m, CampaignRecord campaign, MessageStatus status,
            String source, Instant at) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("class", r.bounceClass().name());
        if (r.reason() != null) {
            props.put("reason", r.reason().key());
        }
        if (r.status() != null) {
            props.put("status_code", r.status());
        }
        if (r.replyCode() != null) {
            props.put("reply_code", r.replyCode());
        }
        if (r.diagnostic() != null) {
            props.put("diagnostic", cut(r.diagnostic(), EVENT_TEXT));
        }
        if (r.feedbackType() != null) {
            props.put("feedback_type", cut(r.feedbackType(), 64));
        }
        if (m.message != null) {
            props.put("campaign", campaign == null ? String.valueOf(m.message.campaignId()) : campaign.name());
            props.put("message", m.message.id());
            if (status != null) {
                props.put("status", status.name());
            }
        }
        props.put("matched_by", m.by);
        props.put("via", cut(source, 200));
        String eventSource = m.message == null ? "bounce" : "campaign:" + m.message.campaignId();
        return new EventWrite(UUID.randomUUID().toString(), false, m.contact.key(), m.contact.id(), type, at, at,
                eventSource, "bounces", props, null, null);
    }

    /**
     * Brings each contact's status in line with its recorded bounces: HARD and COMPLAINT at once, SOFT
     * when the contact's soft bounces reach the threshold over the minimum span, an unconfirmed HARD when
     * such bounces came from enough different campaigns far enough apart ({@link #unconfirmedConfirmed}).
     * Derived from stored rows, so it can run again without doing anything twice.
     */
    private void applyStatus(List<BounceRow> rows) {
        for (BounceRow row : rows) {
            if (row.contactKey() == 0 || row.contactId() == null) {
                continue;
            }
            switch (row.bounceClass()) {
                case HARD -> {
                    if (!BounceStore.UNCONFIRMED.equals(row.effect())
                            || unconfirmedConfirmed(bounces.unconfirmedHardByCampaign(row.contactKey()),
                                    config.unconfirmedCampaigns(), config.unconfirmedMinDays())) {
                        ensure(row.contactId(), OptInStatus.INACTIVE, ConsentSource.BOUNCE, row.source());
                    }
                }
                case COMPLAINT -> ensure(row.contactId(), OptInStatus.UNSUBSCRIBED, ConsentSource.FEEDBACK_COMPLAINT,
                        row.source());
                case SOFT -> {
                    BounceStore.SoftBounces soft = bounces.softBounces(row.contactKey());
                    if (soft.count() >= config.softThreshold() && soft.first() != null
                            && !Duration.between(soft.first(), soft.last()).minusDays(config.softMinDays()).isNegative()) {
                        ensure(row.contactId(), OptInStatus.INACTIVE, ConsentSource.BOUNCE, row.source());
                    }
                }
                default -> {
                }
            }
        }
    }

    /**
     * The hygiene rule for HARD bounces that rest on words alone: one such bounce may be a filter speaking,
     * the same answer to different campaigns days apart is the address. True when they came from at least
     * {@code campaigns} different campaigns (at least two) and two of those campaigns' bounces lie at least
     * {@code minDays} apart.
     */
    static boolean unconfirmedConfirmed(List<BounceStore.CampaignBounces> byCampaign, int campaigns, int minDays) {
        if (byCampaign.size() < Math.max(2, campaigns)) {
            return false;
        }
        Duration span = Duration.ofDays(Math.max(0, minDays));
        for (BounceStore.CampaignBounces a : byCampaign) {
            for (BounceStore.CampaignBounces b : byCampaign) {
                if (a.campaignId() != b.campaignId() && Duration.between(a.first(), b.last()).compareTo(span) >= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private void ensure(String contactId, OptInStatus status, ConsentSource source, String via) {
        Optional<Contact> c = contactService.find(contactId);
        if (c.isEmpty() || c.get().status() == status
                || (status == OptInStatus.INACTIVE && c.get().status() == OptInStatus.INACTIVE)) {
            return;
        }
        try {
            contactService.setStatus(contactId, status, ChangeContext.builder(source).actor(cut(via, 200)).build());
        } catch (ConflictException e) {
            LOG.warn("Bounce effect {} on contact {} refused: {}", status, contactId, e.getMessage());
        }
    }

    // ---- reading

    @Override
    public List<Bounce> list(BounceClass bounceClass, String contact, int offset, int limit) {
        long key = 0;
        if (contact != null && !contact.isBlank()) {
            Contact c = contactService.get(contact);
            key = contacts.findById(c.id()).map(ContactRecord::key)
                    .orElseThrow(() -> new NotFoundException("contact '" + contact + "' does not exist"));
        }
        return bounces.list(bounceClass, key, offset, limit).stream().map(DefaultBounceProcessor::bounce).toList();
    }

    @Override
    public List<DomainCount> blockedBySendingDomain(Instant since) {
        return bounces.countBySendingDomain(BounceClass.BLOCKED, since).stream()
                .map(d -> new DomainCount(d.domain(), d.count())).toList();
    }

    @Override
    public List<QuarantinedBounce> quarantined(int offset, int limit) {
        return bounces.quarantined(offset, limit).stream().map(DefaultBounceProcessor::quarantined).toList();
    }

    @Override
    public byte[] quarantinedMessage(long id) {
        return bounces.quarantinedMessage(id).orElseThrow(() -> notQuarantined(id));
    }

    @Override
    public ProcessedBounce retryQuarantined(long id) {
        BounceStore.Quarantined q = bounces.findQuarantined(id).orElseThrow(() -> notQuarantined(id));
        byte[] raw = bounces.quarantinedMessage(id).orElseThrow(() -> notQuarantined(id));
        String key = q.bounceKey();
        ProcessedBounce result;
        if (bounces.recorded(key)) {
            result = duplicate(key);
        } else {
            List<BounceRecord> records = classifier.classify(raw);
            result = apply(key, records, raw, q.source());
        }
        if (result.disposition() != BounceDisposition.QUARANTINED) {
            bounces.deleteQuarantined(id);
        }
        return result;
    }

    @Override
    public void deleteQuarantined(long id) {
        if (!bounces.deleteQuarantined(id)) {
            throw notQuarantined(id);
        }
    }

    private static NotFoundException notQuarantined(long id) {
        return new NotFoundException("quarantined message " + id + " does not exist");
    }

    static Bounce bounce(BounceRow r) {
        return new Bounce(r.id(), r.bounceKey(), r.receivedAt(), r.source(), r.recipient(), r.bounceClass(), r.reason(),
                r.status(), r.replyCode(), r.diagnostic(), r.feedbackType(), r.contactId(), r.campaignId(), r.messageId(),
                r.matchedBy(), r.sendingDomain(), r.effect());
    }

    static QuarantinedBounce quarantined(BounceStore.Quarantined q) {
        return new QuarantinedBounce(q.id(), q.bounceKey(), q.receivedAt(), q.source(), q.reason(), q.size());
    }

    static String sha256(byte[] raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
