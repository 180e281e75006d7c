package org.herald.campaigns.internal;

import org.herald.contacts.ChangeContext;
import org.herald.contacts.ConsentAction;
import org.herald.contacts.ConsentEntry;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.herald.campaigns.Frequency;
import org.herald.campaigns.MailChoices;
import org.herald.campaigns.SendDecision;
import org.herald.campaigns.SendPolicy;
import org.herald.common.NotFoundException;
import org.herald.contacts.Contact;
import org.herald.contacts.ContactService;
import org.herald.contacts.OptInStatus;
import org.herald.events.EventTypes;
import org.herald.store.ContactRecord;
import org.herald.store.ContactStore;
import org.herald.store.EventWrite;
import org.herald.store.MessageStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The caps, per DESIGN.md "Precise rules": DAILY at most one marketing message a calendar day,
 * WEEKLY one per Monday–Sunday week, BIWEEKLY one per 14 days, QUARTERLY one per calendar quarter,
 * counted from the messages SENT by other campaigns; ONE_MESSAGE lets the first marketing message
 * queued in a Monday–Sunday week go and caps the later ones. Days and weeks are those of the
 * system's time zone. Transactional messages skip caps and opt-in status, never suppression.
 */
@Component(service = {SendPolicy.class, DefaultSendPolicy.class})
public class DefaultSendPolicy implements SendPolicy {

    private final ContactStore contacts;
    private final ContactService contactService;
    private final MessageStore messages;
    private final ZoneId zone;

    @Activate
    public DefaultSendPolicy(@Reference ContactStore contacts, @Reference ContactService contactService,
            @Reference MessageStore messages) {
        this(contacts, contactService, messages, ZoneId.systemDefault());
    }

    DefaultSendPolicy(ContactStore contacts, ContactService contactService, MessageStore messages, ZoneId zone) {
        this.contacts = contacts;
        this.contactService = contactService;
        this.messages = messages;
        this.zone = zone;
    }

    @Override
    public SendDecision decide(String contactId, long campaignId, boolean transactional, boolean allowUnknown, Instant at) {
        Optional<ContactRecord> found = contacts.findById(contactId);
        if (found.isEmpty()) {
            return SendDecision.SUPPRESSED;
        }
        ContactRecord c = found.get();
        return decide(c.key(), c.status(), c.isDeleted(), campaignId, transactional, allowUnknown, at);
    }

    /** The decision from what the caller already read of the contact. */
    SendDecision decide(long contactKey, OptInStatus status, boolean deleted, long campaignId, boolean transactional,
            boolean allowUnknown, Instant at) {
        if (deleted || status == OptInStatus.INACTIVE) {
            return SendDecision.SUPPRESSED;
        }
        if (transactional) {
            return SendDecision.SEND;
        }
        if (!(status == OptInStatus.CONFIRMED || (allowUnknown && status == OptInStatus.UNKNOWN))) {
            return SendDecision.NOT_CONSENTED;
        }
        MailChoices choices = messages.choices(contactKey);
        if (choices.frequency() != null) {
            Instant since = periodStart(choices.frequency(), at);
            if (!messages.lastMarketingSends(List.of(contactKey), campaignId, since).isEmpty()) {
                return SendDecision.CAPPED;
            }
        }
        if (choices.oneMessageWeekly()) {
            Instant monday = periodStart(Frequency.WEEKLY, at);
            if (!messages.lastMarketingSends(List.of(contactKey), campaignId, monday).isEmpty()
                    || !messages.queuedEarlier(List.of(contactKey), campaignId, monday).isEmpty()) {
                return SendDecision.CAPPED;
            }
        }
        return SendDecision.SEND;
    }

    /** Where the current period of a frequency began. */
    Instant periodStart(Frequency f, Instant at) {
        LocalDate day = at.atZone(zone).toLocalDate();
        return switch (f) {
            case DAILY -> day.atStartOfDay(zone).toInstant();
            case WEEKLY -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay(zone).toInstant();
            case BIWEEKLY -> at.minus(14, ChronoUnit.DAYS);
            case QUARTERLY -> LocalDate.of(day.getYear(), ((day.getMonthValue() - 1) / 3) * 3 + 1, 1).atStartOfDay(zone)
                    .toInstant();
        };
    }

    @Override
    public MailChoices choices(String contactIdOrEmail) {
        return messages.choices(record(contactIdOrEmail).key());
    }

    @Override
    public MailChoices setChoices(String contactIdOrEmail, MailChoices choices, String actor) {
        return setChoices(contactIdOrEmail, choices, ChangeContext.manage(actor));
    }

    @Override
    public MailChoices setChoices(String contactIdOrEmail, MailChoices choices, ChangeContext context) {
        ContactRecord c = record(contactIdOrEmail);
        MailChoices before = messages.choices(c.key());
        if (before.equals(choices)) {
            return before;
        }
        Instant now = Instant.now();
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("frequency", choices.frequency() == null ? null : choices.frequency().name());
        props.put("one_message_weekly", choices.oneMessageWeekly());
        props.put("from_frequency", before.frequency() == null ? null : before.frequency().name());
        props.put("from_one_message_weekly", before.oneMessageWeekly());
        props.values().removeIf(v -> v == null);
        ConsentEntry entry = ConsentEntry.builder().contactId(c.id()).action(ConsentAction.CHOICES_CHANGED)
                .context(context).at(now).detail(describe(choices)).build();
        messages.setChoices(c.key(), choices, now, new EventWrite(UUID.randomUUID().toString(), false, c.key(), c.id(),
                EventTypes.MAIL_CHOICES_CHANGED, now, now, context.source().name(), context.actor(), props, null, null),
                entry);
        return choices;
    }

    /** The choices as the ledger shows them: {@code frequency=WEEKLY, one message a week}, or {@code no cap}. */
    static String describe(MailChoices choices) {
        List<String> parts = new java.util.ArrayList<>();
        if (choices.frequency() != null) {
            parts.add("frequency=" + choices.frequency().name());
        }
        if (choices.oneMessageWeekly()) {
            parts.add("one message a week");
        }
        return parts.isEmpty() ? "no cap" : String.join(", ", parts);
    }

    private ContactRecord record(String idOrEmail) {
        Contact contact = contactService.get(idOrEmail);
        return contacts.findById(contact.id())
                .orElseThrow(() -> new NotFoundException("contact '" + idOrEmail + "' does not exist"));
    }
}
