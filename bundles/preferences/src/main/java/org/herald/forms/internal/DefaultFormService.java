package org.herald.forms.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import org.herald.campaigns.ConfirmationMail;
import org.herald.common.ConflictException;
import org.herald.common.NotFoundException;
import org.herald.common.ValidationException;
import org.herald.contacts.ChangeContext;
import org.herald.contacts.ConsentSource;
import org.herald.contacts.Contact;
import org.herald.contacts.ContactInput;
import org.herald.contacts.ContactService;
import org.herald.contacts.FieldDefinition;
import org.herald.contacts.FieldService;
import org.herald.contacts.ListService;
import org.herald.contacts.OptInStatus;
import org.herald.events.EventTypes;
import org.herald.forms.ConsentText;
import org.herald.forms.Form;
import org.herald.forms.FormField;
import org.herald.forms.FormInput;
import org.herald.forms.FormPost;
import org.herald.forms.FormResult;
import org.herald.forms.FormService;
import org.herald.json.HeraldJson;
import org.herald.preferences.RequestProof;
import org.herald.store.EventWrite;
import org.herald.store.FormStore;
import org.herald.store.FormStore.ConsentTextRecord;
import org.herald.store.FormStore.FormRecord;
import org.herald.store.FormStore.SubmissionRecord;
import org.herald.tokens.TokenPurpose;
import org.herald.tokens.TokenService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

/**
 * Forms and their intake. A post is checked whole before anything is written (every field's value
 * against its type, required fields, line breaks, the consent box), so a refused post changes
 * nothing and names every field in error. Under double opt-in a new address becomes a PENDING
 * contact with the values posted; a known contact is left as it is until the mailbox owner confirms,
 * so nobody can change someone else's data or lists by typing their address. The subscription waits
 * with its proof in {@code form_submission}; {@link #confirmWaiting} applies it.
 */
@Component(service = {FormService.class, DefaultFormService.class},
        configurationPid = {"org.herald.campaigns", DefaultFormService.PID})
// Two PIDs merged into one typed configuration (no @Designate: metatype names one PID): the base URL
// where links are made (org.herald.campaigns) and the forms' own settings.
public class DefaultFormService implements FormService {

    public static final String PID = "org.herald.forms";
    private static final String CONSENT_FIELD = FormPost.CONSENT_FIELD;
    static final String ACTOR_PREFIX = "form:";
    private static final Logger LOG = LoggerFactory.getLogger(DefaultFormService.class);
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?");
    private static final int MAX_CONSENT = 10_000;
    private static final int MAX_TITLE = 200;

    private final FormStore store;
    private final ContactService contacts;
    private final FieldService fields;
    private final ListService lists;
    private final ConfirmationMail confirmations;
    private final TokenService tokens;
    private final FormsConfig config;
    private final AtomicLong lastPurge = new AtomicLong();
    private final Set<String> redirectHosts;

    @Activate
    public DefaultFormService(@Reference FormStore store, @Reference ContactService contacts,
            @Reference FieldService fields, @Reference ListService lists,
            @Reference ConfirmationMail confirmations, @Reference TokenService tokens, FormsConfig config) {
        this.store = store;
        this.contacts = contacts;
        this.fields = fields;
        this.lists = lists;
        this.confirmations = confirmations;
        this.tokens = tokens;
        this.config = config;
        Set<String> hosts = new LinkedHashSet<>();
        for (String h : config.redirectHosts().split(",")) {
            if (!h.isBlank()) {
                hosts.add(h.strip().toLowerCase(Locale.ROOT));
            }
        }
        this.redirectHosts = Set.copyOf(hosts);
    }

    // ---- definitions

    @Override
    public Form create(String name, FormInput input) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new ValidationException("name", name, "a form name is 1 to 64 characters of a-z, 0-9 and '-', "
                    + "starting with a letter or digit (it is part of the form's URL)");
        }
        if (store.find(name).isPresent()) {
            throw new ConflictException("form '" + name + "' already exists");
        }
        FormDefinition d = checked(new FormDefinition(input.title(), input.fields() == null ? List.of() : input.fields(),
                input.lists() == null ? List.of() : input.lists(),
                input.doubleOptIn() == null || input.doubleOptIn(), blankToNull(input.successUrl()),
                blankToNull(input.errorUrl()), blankToNull(input.language())));
        Instant now = Instant.now();
        ConsentTextRecord consent = null;
        String text = consentText(input.consentText());
        if (text != null) {
            int next = store.consentTexts(name).stream().mapToInt(ConsentTextRecord::version).max().orElse(0) + 1;
            consent = new ConsentTextRecord(name, next, text, sha256(text), now);
        }
        return toForm(store.create(new FormRecord(name, write(d), 0, now, now), consent));
    }

    @Override
    public Form update(String name, FormInput input) {
        FormRecord r = store.find(name).orElseThrow(() -> missing(name));
        FormDefinition old = read(r);
        FormDefinition d = checked(new FormDefinition(input.title() == null ? old.title() : blankToNull(input.title()),
                input.fields() == null ? old.fields() : input.fields(), input.lists() == null ? old.lists() : input.lists(),
                input.doubleOptIn() == null ? old.doubleOptIn() : input.doubleOptIn(),
                input.successUrl() == null ? old.successUrl() : blankToNull(input.successUrl()),
                input.errorUrl() == null ? old.errorUrl() : blankToNull(input.errorUrl()),
                input.language() == null ? old.language() : blankToNull(input.language())));
        Instant now = Instant.now();
        ConsentTextRecord consent = null;
        if (input.consentText() != null) {
            String text = consentText(input.consentText());
            Optional<ConsentTextRecord> current = store.consentText(name, r.consentVersion());
            if (text != null && (current.isEmpty() || !current.get().text().equals(text))) {
                int next = store.consentTexts(name).stream().mapToInt(ConsentTextRecord::version).max().orElse(0) + 1;
                consent = new ConsentTextRecord(name, next, text, sha256(text), now);
            } else if (text == null && r.consentVersion() != 0) {
                // no consent text any more: version 0 means "none shown"
                return toForm(store.update(new FormRecord(name, write(d), 0, r.created(), now), null));
            }
        }
        return toForm(store.update(new FormRecord(name, write(d), r.consentVersion(), r.created(), now), consent));
    }

    @Override
    public Optional<Form> find(String name) {
        return store.find(name).map(this::toForm);
    }

    @Override
    public Form get(String name) {
        return find(name).orElseThrow(() -> missing(name));
    }

    @Override
    public List<Form> list() {
        return store.forms().stream().map(this::toForm).toList();
    }

    @Override
    public void delete(String name) {
        if (!store.delete(name)) {
            throw missing(name);
        }
    }

    @Override
    public List<ConsentText> consentTexts(String name) {
        get(name);
        return store.consentTexts(name).stream().map(DefaultFormService::toText).toList();
    }

    private static NotFoundException missing(String name) {
        return new NotFoundException("form '" + name + "' does not exist");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String consentText(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        if (t.length() > MAX_CONSENT) {
            throw new ValidationException("consentText", t.substring(0, 40) + "…", "is " + t.length()
                    + " characters long; at most " + MAX_CONSENT + " fit");
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\t') {
                throw new ValidationException("consentText", null, String.format("contains the control character "
                        + "U+%04X at position %d", (int) c, i + 1));
            }
        }
        return t;
    }

    /** The definition with its fields, lists, URLs and language checked; the address field first and required. */
    private FormDefinition checked(FormDefinition d) {
        if (d.title() != null && d.title().length() > MAX_TITLE) {
            throw new ValidationException("title", d.title().substring(0, 40) + "…", "is longer than " + MAX_TITLE
                    + " characters");
        }
        Map<String, FormField> byName = new LinkedHashMap<>();
        byName.put("email", new FormField("email", true));
        for (int i = 0; i < d.fields().size(); i++) {
            FormField f = d.fields().get(i);
            String where = "fields[" + i + "]";
            if (f == null || f.name() == null || f.name().isBlank()) {
                throw new ValidationException(where, null, "a form field needs a name");
            }
            if (f.name().equals("email")) {
                byName.put("email", new FormField("email", true, f.labels()));
                continue;
            }
            if (f.name().equals(CONSENT_FIELD)) {
                throw new ValidationException(where, f.name(), "'consent' is the consent box of every form with a "
                        + "consent text, not a field");
            }
            FieldDefinition def = fields.find(f.name()).orElseThrow(() -> new ValidationException(where, f.name(),
                    "unknown field '" + f.name() + "'; create it first (field-add)"));
            if (def.system()) {
                throw new ValidationException(where, f.name(), "'" + f.name() + "' is a system value Herald computes");
            }
            if (!def.visible()) {
                throw new ValidationException(where, f.name(), "'" + f.name() + "' is a hidden field; hidden fields "
                        + "never appear on forms (make it visible with field-update first)");
            }
            if (byName.containsKey(f.name())) {
                throw new ValidationException(where, f.name(), "'" + f.name() + "' is on the form twice");
            }
            byName.put(f.name(), f);
        }
        Set<String> listNames = new LinkedHashSet<>();
        for (int i = 0; i < d.lists().size(); i++) {
            String l = d.lists().get(i);
            String where = "lists[" + i + "]";
            if (l == null || lists.find(l).isEmpty()) {
                throw new ValidationException(where, l, "list '" + l + "' does not exist");
            }
            listNames.add(l);
        }
        checkUrl("successUrl", d.successUrl());
        checkUrl("errorUrl", d.errorUrl());
        if (d.language() != null && !LANGUAGE.matcher(d.language()).matches()) {
            throw new ValidationException("language", d.language(), "is not a language tag (e.g. en, et, pl-PL)");
        }
        return new FormDefinition(d.title(), new ArrayList<>(byName.values()), new ArrayList<>(listNames),
                d.doubleOptIn(), d.successUrl(), d.errorUrl(), d.language());
    }

    @Override
    public String url(String name) {
        String base = config.baseUrl().endsWith("/") ? config.baseUrl().substring(0, config.baseUrl().length() - 1)
                : config.baseUrl();
        return base + "/forms/" + name;
    }

    @Override
    public boolean mayRedirectTo(String url) {
        try {
            checkUrl("url", url);
            return url != null;
        } catch (ValidationException e) {
            return false;
        }
    }

    private void checkUrl(String what, String url) {
        if (url == null) {
            return;
        }
        URI u;
        try {
            u = new URI(url);
        } catch (URISyntaxException e) {
            throw new ValidationException(what, url, "is not a URL");
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && config.allowHttpRedirects())) {
            throw new ValidationException(what, url, "must be an absolute https URL"
                    + (config.allowHttpRedirects() ? " or http URL" : ""));
        }
        String host = u.getHost() == null ? "" : u.getHost().toLowerCase(Locale.ROOT);
        if (u.getRawUserInfo() != null || !allowedHost(host)) {
            throw new ValidationException(what, url, "points at " + (host.isEmpty() ? "no host" : "host '" + host + "'")
                    + ", which is not one of the hosts forms may redirect to (redirectHosts of PID " + PID + ": "
                    + (redirectHosts.isEmpty() ? "none set" : String.join(", ", redirectHosts)) + ")");
        }
    }

    /** Whether a redirect to {@code host} is allowed by the configuration. */
    public boolean allowedHost(String host) {
        return host != null && redirectHosts.contains(host.toLowerCase(Locale.ROOT));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String write(Object value) {
        try {
            return HeraldJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a form definition", e);
        }
    }

    static FormDefinition read(FormRecord r) {
        try {
            return HeraldJson.mapper().readValue(r.definition(), FormDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored definition of form '" + r.name() + "' cannot be read", e);
        }
    }

    private Form toForm(FormRecord r) {
        FormDefinition d = read(r);
        ConsentText consent = r.consentVersion() == 0 ? null
                : store.consentText(r.name(), r.consentVersion()).map(DefaultFormService::toText).orElse(null);
        return new Form(r.name(), d.title(), d.fields(), d.lists(), consent, d.doubleOptIn(), d.successUrl(),
                d.errorUrl(), d.language(), r.created(), r.updated());
    }

    private static ConsentText toText(ConsentTextRecord t) {
        return new ConsentText(t.form(), t.version(), t.text(), t.sha256(), t.created());
    }

    // ---- intake

    @Override
    public FormResult submit(FormPost post) {
        Form form = get(post.form());
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, FormField> asked = new LinkedHashMap<>();
        form.fields().forEach(f -> asked.put(f.name(), f));
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : post.values().entrySet()) {
            String name = e.getKey();
            for (String v : e.getValue()) {
                if (v != null && (v.indexOf('\r') >= 0 || v.indexOf('\n') >= 0)) {
                    errors.put(name, "must be on one line: line breaks are not allowed");
                }
            }
            if (errors.containsKey(name)) {
                continue;
            }
            if (!asked.containsKey(name)) {
                errors.put(name, "is not a field of this form");
                continue;
            }
            List<String> given = e.getValue().stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
            if (given.isEmpty()) {
                continue;
            }
            if (name.equals("email")) {
                if (given.size() > 1) {
                    errors.put(name, "give one address");
                } else {
                    values.put(name, given.get(0));
                }
                continue;
            }
            Object raw = given.size() == 1 ? given.get(0) : given;
            try {
                Object value = fields.validate(name, raw);
                if (value != null) {
                    values.put(name, value);
                }
            } catch (ValidationException x) {
                errors.put(name, fieldMessage(x));
            }
        }
        for (FormField f : form.fields()) {
            if (f.required() && !values.containsKey(f.name()) && !errors.containsKey(f.name())) {
                errors.put(f.name(), "is required");
            }
        }
        if (form.consent() != null && !post.consentGiven()) {
            errors.put(CONSENT_FIELD, "please agree to the consent text to subscribe");
        }
        if (!errors.isEmpty()) {
            return FormResult.invalid(errors);
        }
        try {
            return intake(form, values, post.proof());
        } catch (ValidationException x) {
            // the address: its syntax is checked by the contact service, which is the one place for it
            String field = x.field() == null || !asked.containsKey(x.field()) ? "email" : x.field();
            return FormResult.invalid(Map.of(field, fieldMessage(x)));
        }
    }

    /** A validation message without the value it names (the subscriber typed it; pages escape it anyway). */
    private static String fieldMessage(ValidationException x) {
        return x.getMessage();
    }

    private FormResult intake(Form form, Map<String, Object> values, RequestProof proof) {
        purgeNowAndThen();
        String email = (String) values.remove("email");
        Instant now = Instant.now();
        ChangeContext context = ChangeContext.builder(ConsentSource.FORM).actor(ACTOR_PREFIX + form.name())
                .ip(proof.ip()).userAgent(proof.userAgent()).formId(form.name())
                .consentTextVersion(form.consent() == null ? null : String.valueOf(form.consent().version())).build();
        Optional<Contact> known = contacts.find(email);
        if (known.isPresent() && known.get().deletedAt() != null) {
            // deleted today and restorable by an admin: nothing to do, and the answer tells nobody
            LOG.debug("Form '{}': a post for a deleted contact was taken and ignored", form.name());
            return FormResult.accepted();
        }
        Contact contact;
        if (!form.doubleOptIn()) {
            ContactInput.Builder in = ContactInput.builder(email).status(OptInStatus.CONFIRMED);
            values.forEach(in::field);
            form.lists().forEach(in::list);
            languageFor(form, known.orElse(null), values, in);
            contact = contacts.upsert(in.build(), context).contact();
            store.addSubmission(submission(form, contact, Map.of(), proof, now), true, formFilled(form, false, now));
            return FormResult.accepted();
        }
        if (known.isEmpty()) {
            ContactInput.Builder in = ContactInput.builder(email).status(OptInStatus.PENDING);
            values.forEach(in::field);
            languageFor(form, null, values, in);
            contact = contacts.upsert(in.build(), context).contact();
            values.clear();
        } else {
            contact = known.get();
        }
        store.addSubmission(submission(form, contact, values, proof, now), false, formFilled(form, true, now));
        ConfirmationMail.Outcome sent = confirmations.requestForSubscription(contact.id(), form.language());
        if (sent != ConfirmationMail.Outcome.QUEUED) {
            // the same answer as for a message queued: a post must not tell whether an address is known
            LOG.info("Form '{}': no confirmation message for contact {}: {}", form.name(), contact.id(), sent);
        }
        return FormResult.accepted();
    }

    private void languageFor(Form form, Contact known, Map<String, Object> values, ContactInput.Builder in) {
        String field = config.languageField();
        if (form.language() != null && !values.containsKey(field) && (known == null || !known.fields().containsKey(field))
                && fields.find(field).isPresent()) {
            in.field(field, form.language());
        }
    }

    private static SubmissionRecord submission(Form form, Contact contact, Map<String, Object> values, RequestProof proof,
            Instant now) {
        return new SubmissionRecord(0, form.name(), contact.id(), form.lists(), write(values),
                form.consent() == null ? 0 : form.consent().version(), form.consent() == null ? null : form.consent().sha256(),
                proof.ip(), proof.userAgent(), now);
    }

    private static EventWrite formFilled(Form form, boolean waiting, Instant now) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("form", form.name());
        props.put("doubleOptIn", waiting);
        return new EventWrite(UUID.randomUUID().toString(), false, 0, null, EventTypes.FORM_FILLED, now, now, "form",
                ACTOR_PREFIX + form.name(), props, null, null);
    }

    private void purgeNowAndThen() {
        long now = System.currentTimeMillis();
        long last = lastPurge.get();
        if (now - last > Duration.ofHours(1).toMillis() && lastPurge.compareAndSet(last, now)) {
            int dropped = store.purgeSubmissions(Instant.now().minus(Duration.ofHours(config.waitingHours())));
            if (dropped > 0) {
                LOG.info("Dropped {} form subscriptions never confirmed within {} hours", dropped, config.waitingHours());
            }
        }
    }

    // ---- confirmation

    /** Whether the contact has subscriptions waiting for its confirmation. */
    public boolean hasWaiting(String contactId) {
        return !waiting(contactId).isEmpty();
    }

    private List<SubmissionRecord> waiting(String contactId) {
        return store.pendingSubmissions(contactId, Instant.now().minus(Duration.ofHours(config.waitingHours())));
    }

    /**
     * Applies the contact's waiting subscriptions, its own act confirmed through the link: the values
     * posted and the lists joined, each with source FORM and the proof of its post (form, consent
     * text version, IP and user agent of the post). Returns how many were applied; a second call
     * applies nothing.
     */
    public int confirmWaiting(String contactId) {
        int applied = 0;
        for (SubmissionRecord s : waiting(contactId)) {
            if (store.confirmSubmissions(List.of(s.id()), Instant.now()).isEmpty()) {
                continue;
            }
            ChangeContext context = ChangeContext.builder(ConsentSource.FORM).actor(ACTOR_PREFIX + s.form())
                    .ip(s.ip()).userAgent(s.userAgent()).formId(s.form())
                    .consentTextVersion(s.consentVersion() == 0 ? null : String.valueOf(s.consentVersion())).build();
            ContactInput.Builder in = ContactInput.builder(null);
            Map<String, Object> posted = readValues(s.fieldValues());
            posted.forEach(in::field);
            s.lists().forEach(in::list);
            try {
                contacts.update(contactId, in.build(), context);
            } catch (ValidationException | NotFoundException e) {
                // a field or list removed since the post: the rest of the subscription still counts
                LOG.warn("Form '{}': part of a confirmed subscription of contact {} could not be applied: {}", s.form(),
                        contactId, e.getMessage());
                ContactInput.Builder listsOnly = ContactInput.builder(null);
                s.lists().stream().filter(l -> lists.find(l).isPresent()).forEach(listsOnly::list);
                contacts.update(contactId, listsOnly.build(), context);
            }
            applied++;
        }
        return applied;
    }

    private static Map<String, Object> readValues(String json) {
        try {
            Map<String, Object> m = HeraldJson.mapper().readValue(json == null ? "{}" : json, new TypeReference<>() {
            });
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(k, v instanceof Collection<?> c ? List.copyOf(c) : v));
            return out;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored form values cannot be read", e);
        }
    }

    // ---- prefill

    @Override
    public Optional<Map<String, String>> prefill(String name, String token) {
        Form form = get(name);
        Instant now = Instant.now();
        return tokens.verify(token).filter(t -> t.purpose() == TokenPurpose.PREFILL && !t.isExpired(now))
                .flatMap(t -> contacts.find(t.contactId())).filter(c -> c.deletedAt() == null).map(c -> {
                    Map<String, String> out = new LinkedHashMap<>();
                    for (FormField f : form.fields()) {
                        Object v = f.name().equals("email") ? c.email() : c.fields().get(f.name());
                        if (v instanceof Collection<?> items) {
                            out.put(f.name(), String.join("|", items.stream().map(String::valueOf).toList()));
                        } else if (v != null) {
                            out.put(f.name(), String.valueOf(v));
                        }
                    }
                    return out;
                });
    }
}
