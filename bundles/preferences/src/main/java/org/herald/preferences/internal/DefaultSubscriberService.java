package org.herald.preferences.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.herald.campaigns.ConfirmationMail;
import org.herald.campaigns.MailChoices;
import org.herald.campaigns.SendPolicy;
import org.herald.common.NotFoundException;
import org.herald.common.ValidationException;
import org.herald.contacts.ChangeContext;
import org.herald.contacts.Choice;
import org.herald.contacts.ConsentSource;
import org.herald.contacts.Contact;
import org.herald.contacts.ContactInput;
import org.herald.contacts.ContactService;
import org.herald.contacts.FieldDefinition;
import org.herald.contacts.FieldService;
import org.herald.contacts.ListService;
import org.herald.contacts.ListText;
import org.herald.contacts.MailingList;
import org.herald.contacts.OptInStatus;
import org.herald.events.EventInput;
import org.herald.events.EventService;
import org.herald.forms.internal.DefaultFormService;
import org.herald.pages.internal.DefaultPages;
import org.herald.pages.internal.PagesConfig;
import org.herald.preferences.ConfirmResult;
import org.herald.preferences.PreferenceChange;
import org.herald.preferences.PreferencePage;
import org.herald.preferences.PublicField;
import org.herald.preferences.RequestProof;
import org.herald.preferences.SubscriberService;
import org.herald.preferences.Topic;
import org.herald.preferences.UnsubscribeChoice;
import org.herald.preferences.UnsubscribePage;
import org.herald.store.MessageStore;
import org.herald.tokens.Token;
import org.herald.tokens.TokenPurpose;
import org.herald.tokens.TokenService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The subscriber's acts, each through the contact services, so the ledger, events and opt-in rules
 * are those of every other channel. Public lists are the lists with a public name in at least one
 * language; visible fields are the custom fields the admin did not hide. Changes on the preference
 * page are recorded with source MANAGE, actor {@code subscriber} and the proof of the request, and
 * count as the contact's own act; the unsubscribe page and one-click record MESSAGE (ONE_MESSAGE for
 * the weekly downgrade) with the message of the link; confirmation records FORM.
 */
@Component(service = SubscriberService.class, configurationPid = DefaultPages.PID)
public class DefaultSubscriberService implements SubscriberService {

    /** Actor of the subscriber's own changes in the ledger. */
    public static final String ACTOR = ChangeContext.SUBSCRIBER;
    static final String FEEDBACK_EVENT = "unsubscribe_feedback";
    private static final int MAX_REASON = 1000;

    private final TokenService tokens;
    private final ContactService contacts;
    private final ListService lists;
    private final FieldService fields;
    private final SendPolicy policy;
    private final MessageStore messages;
    private final EventService events;
    private final ConfirmationMail confirmations;
    private final DefaultFormService forms;
    private final String languageField;

    @Activate
    public DefaultSubscriberService(@Reference TokenService tokens, @Reference ContactService contacts,
            @Reference ListService lists, @Reference FieldService fields, @Reference SendPolicy policy,
            @Reference MessageStore messages, @Reference EventService events, @Reference ConfirmationMail confirmations,
            @Reference DefaultFormService forms, PagesConfig config) {
        this.confirmations = confirmations;
        this.forms = forms;
        this.tokens = tokens;
        this.contacts = contacts;
        this.lists = lists;
        this.fields = fields;
        this.policy = policy;
        this.messages = messages;
        this.events = events;
        this.languageField = config.languageField();
    }

    private record Subject(Token token, Contact contact) {
    }

    /** The live contact of a genuine, unexpired token of one of {@code purposes}. */
    private Optional<Subject> subject(String token, Set<TokenPurpose> purposes) {
        Instant now = Instant.now();
        return tokens.verify(token).filter(t -> purposes.contains(t.purpose()) && !t.isExpired(now))
                .flatMap(t -> contacts.find(t.contactId()).map(c -> new Subject(t, c)));
    }

    @Override
    public Optional<String> language(String token) {
        return tokens.verify(token).flatMap(t -> contacts.find(t.contactId())).map(this::languageOf);
    }

    private String languageOf(Contact c) {
        Object value = c.fields().get(languageField);
        return value == null ? null : value.toString();
    }

    private static String lang(String language) {
        if (language == null || language.isBlank()) {
            return "en";
        }
        String l = language.strip().toLowerCase(Locale.ROOT);
        int cut = l.indexOf('-') >= 0 ? l.indexOf('-') : l.indexOf('_');
        return cut > 0 ? l.substring(0, cut) : l;
    }

    // ---- preference page

    @Override
    public Optional<PreferencePage> preferences(String token) {
        return subject(token, EnumSet.of(TokenPurpose.PREFERENCES)).map(s -> page(s.contact()));
    }

    private PreferencePage page(Contact c) {
        String language = languageOf(c);
        MailChoices choices = policy.choices(c.id());
        return new PreferencePage(c.id(), c.email(), language, c.status(), topics(c, language), choices.frequency(),
                choices.oneMessageWeekly(), visibleFields(c, language));
    }

    private List<MailingList> publicLists() {
        List<MailingList> all = new ArrayList<>(lists.list());
        all.removeIf(l -> l.texts().isEmpty());
        all.sort(Comparator.comparing(MailingList::name));
        return all;
    }

    private static ListText text(MailingList l, String language) {
        Map<String, ListText> texts = l.texts();
        ListText t = texts.get(lang(language));
        if (t == null) {
            t = texts.get("en");
        }
        if (t == null && !texts.isEmpty()) {
            t = texts.get(new java.util.TreeSet<>(texts.keySet()).first());
        }
        return t;
    }

    private static Topic topic(MailingList l, String language, boolean subscribed) {
        ListText t = text(l, language);
        String name = t == null || t.publicName() == null || t.publicName().isBlank() ? l.name() : t.publicName();
        return new Topic(l.name(), name, t == null || t.description() == null ? "" : t.description(), subscribed);
    }

    private List<Topic> topics(Contact c, String language) {
        List<Topic> out = new ArrayList<>();
        for (MailingList l : publicLists()) {
            out.add(topic(l, language, c.lists().contains(l.name())));
        }
        return out;
    }

    private List<FieldDefinition> editableFields() {
        List<FieldDefinition> out = new ArrayList<>(fields.list());
        out.removeIf(f -> !f.visible() || f.system() || f.name().equals(languageField));
        out.sort(Comparator.comparingInt(FieldDefinition::position).thenComparing(FieldDefinition::name));
        return out;
    }

    private List<PublicField> visibleFields(Contact c, String language) {
        List<PublicField> out = new ArrayList<>();
        for (FieldDefinition f : editableFields()) {
            Object value = c.fields().get(f.name());
            List<PublicField.Option> options = new ArrayList<>();
            for (Choice choice : f.choices()) {
                String label = choice.labels().getOrDefault(lang(language), choice.labels().getOrDefault("en", choice.value()));
                options.add(new PublicField.Option(choice.value(), label));
            }
            List<String> selected = new ArrayList<>();
            if (value instanceof Collection<?> items) {
                items.forEach(i -> selected.add(String.valueOf(i)));
            } else if (value != null) {
                selected.add(String.valueOf(value));
            }
            String text = value == null ? "" : value instanceof Collection<?> items ? String.join("|", selected)
                    : value instanceof LocalDate d ? d.toString() : String.valueOf(value);
            out.add(new PublicField(f.name(), f.label() == null || f.label().isBlank() ? f.name() : f.label(), f.type(),
                    text, options, selected));
        }
        return out;
    }

    private static ChangeContext.Builder own(ConsentSource source, RequestProof proof) {
        RequestProof p = proof == null ? RequestProof.NONE : proof;
        return ChangeContext.builder(source).actor(ACTOR).ip(p.ip()).userAgent(p.userAgent());
    }

    @Override
    public Optional<PreferencePage> save(String token, PreferenceChange change, RequestProof proof) {
        Optional<Subject> found = subject(token, EnumSet.of(TokenPurpose.PREFERENCES));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Contact c = found.get().contact();
        ChangeContext who = own(ConsentSource.MANAGE, proof).contactsOwnAct(true).build();

        Set<String> publicNames = new LinkedHashSet<>();
        publicLists().forEach(l -> publicNames.add(l.name()));
        for (String wanted : change.subscribedLists()) {
            if (!publicNames.contains(wanted)) {
                throw new ValidationException("list", wanted, "'" + wanted + "' is not a subscription you can choose here");
            }
        }
        ContactInput.Builder in = ContactInput.builder(null);
        for (String name : publicNames) {
            boolean member = c.lists().contains(name);
            boolean wanted = change.subscribedLists().contains(name);
            if (wanted && !member) {
                in.list(name);
            } else if (!wanted && member) {
                in.unsubscribe(name);
            }
        }
        Map<String, FieldDefinition> editable = new java.util.HashMap<>();
        editableFields().forEach(f -> editable.put(f.name(), f));
        for (Map.Entry<String, String> e : change.fields().entrySet()) {
            FieldDefinition f = editable.get(e.getKey());
            if (f == null) {
                throw new ValidationException("fields", e.getKey(), "'" + e.getKey() + "' is not a field you can change here");
            }
            String value = e.getValue() == null ? "" : e.getValue().strip();
            Object current = c.fields().get(f.name());
            if (value.isEmpty()) {
                if (current != null) {
                    in.field(f.name(), null);
                }
            } else {
                in.field(f.name(), value);
            }
        }
        if (change.unsubscribeAll() && !isLocked(c.status())) {
            in.status(OptInStatus.UNSUBSCRIBED);
        } else if (!change.unsubscribeAll() && c.status() == OptInStatus.UNSUBSCRIBED) {
            in.status(OptInStatus.CONFIRMED);
        }
        contacts.update(c.id(), in.build(), who);
        MailChoices before = policy.choices(c.id());
        MailChoices after = new MailChoices(change.frequency(), before.oneMessageWeekly() && change.oneMessageWeekly());
        policy.setChoices(c.id(), after, who);
        return Optional.of(page(contacts.get(c.id())));
    }

    private static boolean isLocked(OptInStatus s) {
        return s == OptInStatus.UNSUBSCRIBED || s == OptInStatus.INACTIVE;
    }

    // ---- unsubscribe

    /** The lists the link leaves: the one it names if the contact is on it, else those its message was sent for. */
    private List<String> leaving(Subject s, String list) {
        Contact c = s.contact();
        if (list != null && !list.isBlank()) {
            return c.lists().contains(list) ? List.of(list) : List.of();
        }
        List<String> out = new ArrayList<>();
        for (String l : messageLists(s)) {
            if (c.lists().contains(l)) {
                out.add(l);
            }
        }
        return out;
    }

    /** The lists the message of the token was sent for; empty without a message (or one of another contact). */
    private List<String> messageLists(Subject s) {
        long id = s.token().messageId();
        if (id == 0) {
            return List.of();
        }
        try {
            MessageStore.MessageRecord m = messages.find(id);
            return m.contactId().equals(s.contact().id()) ? m.lists() : List.of();
        } catch (NotFoundException e) {
            return List.of();
        }
    }

    private UnsubscribePage unsubscribePage(Subject s, String list) {
        Contact c = s.contact();
        String language = languageOf(c);
        List<Topic> leaving = new ArrayList<>();
        for (String l : leaving(s, list)) {
            leaving.add(lists.find(l).map(ml -> topic(ml, language, true)).orElse(new Topic(l, l, "", true)));
        }
        return new UnsubscribePage(c.id(), c.email(), language, leaving, isLocked(c.status()),
                leaving.isEmpty() ? UnsubscribeChoice.ALL : UnsubscribeChoice.LIST);
    }

    @Override
    public Optional<UnsubscribePage> unsubscribePage(String token, String list) {
        return subject(token, EnumSet.of(TokenPurpose.UNSUBSCRIBE, TokenPurpose.PREFERENCES))
                .map(s -> unsubscribePage(s, list));
    }

    @Override
    public Optional<UnsubscribePage> unsubscribe(String token, UnsubscribeChoice choice, String list, String reason,
            RequestProof proof) {
        Optional<Subject> found = subject(token, EnumSet.of(TokenPurpose.UNSUBSCRIBE, TokenPurpose.PREFERENCES));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Subject s = found.get();
        long message = messageLists(s).isEmpty() ? 0 : s.token().messageId();
        UnsubscribeChoice what = choice == null ? UnsubscribeChoice.LIST : choice;
        List<String> leaving = leaving(s, list);
        if (what == UnsubscribeChoice.LIST && leaving.isEmpty()) {
            what = UnsubscribeChoice.ALL;
        }
        switch (what) {
            case LIST -> contacts.update(s.contact().id(), ContactInput.builder(null)
                    .unsubscribe(leaving.toArray(String[]::new)).build(),
                    own(ConsentSource.MESSAGE, proof).messageId(message).build());
            case ALL -> {
                if (!isLocked(s.contact().status())) {
                    contacts.setStatus(s.contact().id(), OptInStatus.UNSUBSCRIBED,
                            own(ConsentSource.MESSAGE, proof).messageId(message).build());
                }
            }
            case ONE_A_WEEK -> {
                MailChoices before = policy.choices(s.contact().id());
                policy.setChoices(s.contact().id(), new MailChoices(before.frequency(), true),
                        own(ConsentSource.ONE_MESSAGE, proof).messageId(message).build());
            }
        }
        if (reason != null && !reason.isBlank()) {
            String r = reason.strip();
            events.ingest(List.of(EventInput.builder(FEEDBACK_EVENT).contactId(s.contact().id())
                    .property("reason", r.length() > MAX_REASON ? r.substring(0, MAX_REASON) : r)
                    .property("choice", what.name()).source("unsubscribe page").build()),
                    own(ConsentSource.MESSAGE, proof).messageId(message).build());
        }
        Contact after = contacts.get(s.contact().id());
        return Optional.of(unsubscribePage(new Subject(s.token(), after), list));
    }

    @Override
    public boolean oneClick(String token, RequestProof proof) {
        Optional<Subject> found = subject(token, EnumSet.of(TokenPurpose.UNSUBSCRIBE));
        if (found.isEmpty()) {
            return false;
        }
        Subject s = found.get();
        List<String> sentFor = messageLists(s);
        long message = sentFor.isEmpty() ? 0 : s.token().messageId();
        ChangeContext who = own(ConsentSource.MESSAGE, proof).messageId(message).build();
        if (sentFor.isEmpty()) {
            if (!isLocked(s.contact().status())) {
                contacts.setStatus(s.contact().id(), OptInStatus.UNSUBSCRIBED, who);
            }
            return true;
        }
        List<String> leaving = leaving(s, null);
        if (!leaving.isEmpty()) {
            contacts.update(s.contact().id(), ContactInput.builder(null).unsubscribe(leaving.toArray(String[]::new)).build(),
                    who);
        }
        return true;
    }

    // ---- confirmation

    private Optional<Token> confirmToken(String token) {
        return tokens.verify(token).filter(t -> t.purpose() == TokenPurpose.CONFIRM);
    }

    @Override
    public ConfirmResult confirmation(String token) {
        return confirmOrCheck(token, null, false);
    }

    @Override
    public ConfirmResult confirm(String token, RequestProof proof) {
        return confirmOrCheck(token, proof, true);
    }

    private ConfirmResult confirmOrCheck(String token, RequestProof proof, boolean change) {
        Optional<Token> t = confirmToken(token);
        Optional<Contact> c = t.flatMap(x -> contacts.find(x.contactId()));
        if (c.isEmpty()) {
            return new ConfirmResult(ConfirmResult.Outcome.INVALID, null);
        }
        String language = languageOf(c.get());
        if (t.get().isExpired(Instant.now())) {
            return new ConfirmResult(ConfirmResult.Outcome.EXPIRED, language);
        }
        boolean subscriptionsWaiting = forms.hasWaiting(c.get().id());
        if (c.get().status() == OptInStatus.CONFIRMED && !subscriptionsWaiting) {
            return new ConfirmResult(ConfirmResult.Outcome.ALREADY_CONFIRMED, language);
        }
        if (!change) {
            return new ConfirmResult(ConfirmResult.Outcome.WAITING, language);
        }
        if (c.get().status() != OptInStatus.CONFIRMED) {
            contacts.setStatus(c.get().id(), OptInStatus.CONFIRMED, own(ConsentSource.FORM, proof).build());
        }
        // the subscriptions of the forms the contact filled: their values and lists, with the proof of each post
        forms.confirmWaiting(c.get().id());
        return new ConfirmResult(ConfirmResult.Outcome.CONFIRMED, language);
    }

    @Override
    public Optional<ConfirmationMail.Outcome> resendConfirmation(String token) {
        return confirmToken(token).flatMap(t -> contacts.find(t.contactId()))
                .map(c -> forms.hasWaiting(c.id()) ? confirmations.requestForSubscription(c.id(), null)
                        : confirmations.request(c.id()));
    }
}
