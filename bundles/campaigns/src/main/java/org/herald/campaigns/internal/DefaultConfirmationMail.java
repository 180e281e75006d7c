package org.herald.campaigns.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

import org.herald.campaigns.ConfirmationMail;
import org.herald.campaigns.RenderedMessage;
import org.herald.campaigns.SendDecision;
import org.herald.common.NotFoundException;
import org.herald.contacts.Contact;
import org.herald.contacts.ContactService;
import org.herald.contacts.OptInStatus;
import org.herald.json.HeraldJson;
import org.herald.mail.OutboundMessage;
import org.herald.store.ContactRecord;
import org.herald.store.ContactStore;
import org.herald.store.EventWrite;
import org.herald.store.MessageStore;
import org.herald.store.TemplateStore.TemplateRecord;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Renders the double opt-in message when it is asked for and queues it as a system message, which
 * the campaigns' outbound source hands to the transport like any campaign message. The admin's
 * template (by default named {@code confirmation}) is used when it exists, else Herald's own short
 * text in the contact's language. Suppression applies as to every message; the opt-in status does
 * not (the contact is not consenting yet, that is the point).
 */
@Component(service = {ConfirmationMail.class, DefaultConfirmationMail.class},
        configurationPid = {DefaultCampaignService.PID, "org.herald.pages"})
public class DefaultConfirmationMail implements ConfirmationMail {

    static final String KIND = "confirmation";
    static final String EVENT = "confirmation_queued";

    private final ContactService contacts;
    private final ContactStore contactStore;
    private final MessageStore messages;
    private final DefaultSubscriberLinks links;
    private final DefaultTemplateService templates;
    private final DefaultSendPolicy policy;
    private final ConfirmationConfig config;

    @Activate
    public DefaultConfirmationMail(@Reference ContactService contacts, @Reference ContactStore contactStore,
            @Reference MessageStore messages, @Reference DefaultSubscriberLinks links,
            @Reference DefaultTemplateService templates, @Reference DefaultSendPolicy policy, ConfirmationConfig config) {
        this.contacts = contacts;
        this.contactStore = contactStore;
        this.messages = messages;
        this.links = links;
        this.templates = templates;
        this.policy = policy;
        this.config = config;
    }

    @Override
    public Outcome request(String contactIdOrEmail) {
        Contact c = contacts.get(contactIdOrEmail);
        if (c.status() == OptInStatus.CONFIRMED) {
            return Outcome.ALREADY_CONFIRMED;
        }
        return queue(contactIdOrEmail, c, null);
    }

    @Override
    public Outcome requestForSubscription(String contactIdOrEmail, String language) {
        return queue(contactIdOrEmail, contacts.get(contactIdOrEmail), language);
    }

    private Outcome queue(String contactIdOrEmail, Contact c, String language) {
        ContactRecord r = contactStore.findById(c.id())
                .orElseThrow(() -> new NotFoundException("contact '" + contactIdOrEmail + "' does not exist"));
        Instant now = Instant.now();
        if (policy.decide(r.key(), r.status(), r.isDeleted(), 0, true, false, now) == SendDecision.SUPPRESSED) {
            return Outcome.SUPPRESSED;
        }
        if (messages.countSystem(r.key(), KIND, now.minus(Duration.ofHours(24))) >= config.confirmationsPerDay()) {
            return Outcome.LIMITED;
        }
        OutboundMessage message = render(c, language);
        String body;
        try {
            body = HeraldJson.mapper().writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the confirmation message", e);
        }
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("kind", KIND);
        messages.queueSystem(r.key(), KIND, body, now, new EventWrite(UUID.randomUUID().toString(), false, r.key(),
                r.id(), EVENT, now, now, "system", "system", props, null, null));
        return Outcome.QUEUED;
    }

    private OutboundMessage render(Contact c, String language) {
        Map<String, String> l = links.forMessage(c.id(), 0);
        Optional<TemplateRecord> admin = templates.find(config.confirmationTemplate());
        String subject;
        String html;
        String text;
        if (admin.isPresent()) {
            Map<String, Object> values = new LinkedHashMap<>(c.fields());
            values.put("email", c.email());
            values.putAll(l);
            RenderedMessage r = templates.templates().render(templates.compiled(admin.get()), values);
            subject = r.subject();
            html = r.html();
            text = r.text();
        } else {
            Properties t = texts(language == null || language.isBlank() ? language(c) : normalized(language));
            String link = l.get("confirm_url");
            String hours = String.valueOf(config.confirmationHours());
            subject = t.getProperty("subject");
            text = t.getProperty("text").replace("{link}", link).replace("{hours}", hours);
            html = null;
        }
        return OutboundMessage.builder().messageId(0).contactId(c.id()).rfcMessageId("<pending@"
                + config.messageIdDomain() + ">").from(config.defaultFrom()).to(c.email()).subject(subject).html(html)
                .text(text).header("Auto-Submitted", "auto-generated").header("X-Herald-Message", KIND).build();
    }

    private String language(Contact c) {
        Object value = c.fields().get(config.languageField());
        return value == null ? "en" : normalized(value.toString());
    }

    private static String normalized(String value) {
        String lang = value.strip().toLowerCase(Locale.ROOT);
        int cut = lang.indexOf('-') >= 0 ? lang.indexOf('-') : lang.indexOf('_');
        return cut > 0 ? lang.substring(0, cut) : lang;
    }

    private static Properties texts(String language) {
        Properties p = load("en");
        Properties own = "en".equals(language) ? null : load(language);
        if (own != null) {
            p.putAll(own);
        }
        return p;
    }

    private static Properties load(String language) {
        try (InputStream in = DefaultConfirmationMail.class.getClassLoader()
                .getResourceAsStream("mail/confirmation_" + language + ".properties")) {
            if (in == null) {
                return language.equals("en") ? fail() : null;
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the confirmation texts of " + language, e);
        }
    }

    private static Properties fail() {
        throw new IllegalStateException("the English confirmation texts are missing");
    }
}
