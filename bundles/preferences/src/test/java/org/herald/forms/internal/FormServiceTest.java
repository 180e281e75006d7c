package org.herald.forms.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.herald.campaigns.internal.CampaignBed;
import org.herald.common.ConflictException;
import org.herald.common.InUseException;
import org.herald.common.ValidationException;
import org.herald.contacts.ConsentAction;
import org.herald.contacts.ConsentEntry;
import org.herald.contacts.ConsentSource;
import org.herald.contacts.Contact;
import org.herald.contacts.ContactInput;
import org.herald.contacts.FieldType;
import org.herald.contacts.OptInStatus;
import org.herald.contacts.internal.Configs;
import org.herald.contacts.internal.TestBed;
import org.herald.events.TimelineQuery;
import org.herald.forms.Form;
import org.herald.forms.FormField;
import org.herald.forms.FormInput;
import org.herald.forms.FormPost;
import org.herald.forms.FormResult;
import org.herald.mail.OutboundMessage;
import org.herald.pages.internal.PagesConfig;
import org.herald.preferences.ConfirmResult;
import org.herald.preferences.RequestProof;
import org.herald.preferences.internal.DefaultSubscriberService;
import org.herald.tokens.Token;
import org.herald.tokens.TokenPurpose;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Form definitions and the intake with double opt-in, on the real contact and campaign services over Derby. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FormServiceTest {

    private static final AtomicInteger N = new AtomicInteger();
    private static final RequestProof POST = new RequestProof("198.51.100.4", "FormsTest/1.0");
    private static final RequestProof CLICK = new RequestProof("203.0.113.9", "Mail/2.0");
    private CampaignBed cb;
    private DefaultFormService forms;
    private DefaultSubscriberService subscribers;

    @BeforeAll
    void start() {
        cb = new CampaignBed();
        forms = new DefaultFormService(cb.bed.stores.forms(), cb.bed.contacts, cb.bed.fields, cb.bed.lists,
                cb.confirmations, cb.tokens, Configs.of(FormsConfig.class, Map.of("redirectHosts", "www.example.com")));
        cb.bed.lists.addUsageProvider(new FormListUsage(cb.bed.stores.forms()));
        subscribers = new DefaultSubscriberService(cb.tokens, cb.bed.contacts, cb.bed.lists, cb.bed.fields, cb.policy,
                cb.bed.stores.messages(), cb.bed.events, cb.confirmations, forms, Configs.defaults(PagesConfig.class));
        cb.bed.fields.create("firstname", FieldType.TEXT, "First name", List.of());
        cb.bed.fields.create("age", FieldType.NUMBER, "Age", List.of());
        cb.bed.fields.create("secret", FieldType.TEXT, "Internal", List.of());
        cb.bed.fields.update("secret", null, null, false);
        cb.bed.fields.create("language", FieldType.TEXT, "Language", List.of());
    }

    @AfterAll
    void stop() {
        cb.close();
    }

    private static String unique(String prefix) {
        return prefix + N.incrementAndGet();
    }

    private String list() {
        String name = unique("news");
        cb.bed.lists.create(name);
        return name;
    }

    private Form form(boolean doubleOptIn, String... lists) {
        return forms.create(unique("signup"), FormInput.builder().title("Sign up").field(new FormField("firstname", false))
                .field(new FormField("age", false)).lists(List.of(lists)).consentText("Send me the newsletter.")
                .doubleOptIn(doubleOptIn).build());
    }

    private static FormPost post(Form form, Map<String, String> values, boolean consent) {
        Map<String, List<String>> v = new HashMap<>();
        values.forEach((k, x) -> v.put(k, List.of(x)));
        return new FormPost(form.name(), v, consent, POST);
    }

    private List<OutboundMessage> mailTo(String email) {
        return cb.campaigns.take(1000).stream().filter(m -> m.to().equals(email)).toList();
    }

    private static String confirmToken(OutboundMessage mail) {
        String link = mail.text().replaceAll("(?s).*(http://\\S+/confirm/\\S+).*", "$1");
        return link.substring(link.lastIndexOf('/') + 1);
    }

    private List<ConsentEntry> ledger(Contact c) {
        return cb.bed.contacts.consentHistory(c.id());
    }

    // ---- definitions

    @Test
    void aFormIsCheckedWhenSavedAndNamesWhatIsWrong() {
        String news = list();
        assertThatThrownBy(() -> forms.create("Sign Up", FormInput.builder().build()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("a-z, 0-9");
        assertThatThrownBy(() -> forms.create(unique("f"), FormInput.builder().field(new FormField("shoesize", true)).build()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("fields[0]"))
                .hasMessageContaining("shoesize");
        assertThatThrownBy(() -> forms.create(unique("f"), FormInput.builder().field(new FormField("secret", false)).build()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("hidden field");
        assertThatThrownBy(() -> forms.create(unique("f"), FormInput.builder().list("nosuchlist").build()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("lists[0]"))
                .hasMessageContaining("nosuchlist");
        assertThatThrownBy(() -> forms.create(unique("f"), FormInput.builder().successUrl("https://evil.test/x").build()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("evil.test").hasMessageContaining("redirectHosts");
        assertThatThrownBy(() -> forms.create(unique("f"), FormInput.builder().errorUrl("http://www.example.com/x").build()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("https");
        assertThatThrownBy(() -> forms.create(unique("f"), FormInput.builder().successUrl("https://x@www.example.com/").build()))
                .isInstanceOf(ValidationException.class);

        Form f = forms.create(unique("f"), FormInput.builder().list(news).successUrl("https://www.example.com/thanks").build());
        assertThat(f.doubleOptIn()).isTrue();
        assertThat(f.fields()).extracting(FormField::name).containsExactly("email");
        assertThat(f.fields().get(0).required()).isTrue();
        assertThatThrownBy(() -> forms.create(f.name(), FormInput.builder().build())).isInstanceOf(ConflictException.class);
        // a list a form uses is not deleted without force
        assertThatThrownBy(() -> cb.bed.lists.delete(news, false)).isInstanceOf(InUseException.class)
                .hasMessageContaining("form '" + f.name() + "'");
    }

    @Test
    void aChangedConsentTextIsANewVersionAndEveryVersionIsKept() {
        Form f = form(true, list());
        assertThat(f.consent().version()).isEqualTo(1);
        assertThat(f.consent().sha256()).hasSize(64);
        Form same = forms.update(f.name(), FormInput.builder().consentText("Send me the newsletter.").build());
        assertThat(same.consent().version()).isEqualTo(1);
        Form changed = forms.update(f.name(), FormInput.builder().consentText("Send me news and offers.").build());
        assertThat(changed.consent().version()).isEqualTo(2);
        assertThat(forms.consentTexts(f.name())).extracting(t -> t.text())
                .containsExactly("Send me the newsletter.", "Send me news and offers.");
        assertThat(changed.title()).isEqualTo("Sign up");
    }

    // ---- intake

    @Test
    void anInvalidPostNamesEveryFieldInErrorAndWritesNothing() {
        Form f = form(true, list());
        long contacts = cb.bed.rows("contact");
        FormResult r = forms.submit(post(f, Map.of("email", "not-an-address", "age", "forty", "firstname", "Ann\r\nBcc: x@y.test",
                "shoe", "42"), false));
        assertThat(r.outcome()).isEqualTo(FormResult.Outcome.INVALID);
        assertThat(r.errors()).containsOnlyKeys("age", "firstname", "shoe", "consent");
        assertThat(r.errors().get("firstname")).contains("line breaks");
        assertThat(r.errors().get("age")).contains("not a number");
        assertThat(r.errors().get("shoe")).contains("not a field");

        FormResult badAddress = forms.submit(post(f, Map.of("email", "not-an-address"), true));
        assertThat(badAddress.errors()).containsOnlyKeys("email");
        assertThat(forms.submit(post(f, Map.of("firstname", "Ann"), true)).errors()).containsEntry("email", "is required");
        assertThat(cb.bed.rows("contact")).isEqualTo(contacts);
        assertThat(cb.bed.rows("form_submission WHERE form_name = '" + f.name() + "'")).isZero();
    }

    @Test
    void aNewAddressIsPendingUntilTheLinkIsFollowedThenConfirmedOnTheListsWithTheProofOfThePost() {
        String news = list();
        Form f = form(true, news);
        String email = unique("ann") + "@forms.test";
        FormResult r = forms.submit(post(f, Map.of("email", email, "firstname", "Ann", "age", "41"), true));
        assertThat(r).isEqualTo(FormResult.accepted());
        Contact pending = cb.bed.contacts.get(email);
        assertThat(pending.status()).isEqualTo(OptInStatus.PENDING);
        assertThat(pending.lists()).doesNotContain(news);
        assertThat(pending.fields()).containsEntry("firstname", "Ann").containsEntry("age", 41L);
        assertThat(cb.bed.events.timeline(pending.id(), TimelineQuery.latest().withTypes(Set.of("form_filled"))).items())
                .singleElement().satisfies(e -> assertThat(e.properties()).containsEntry("form", f.name()));

        OutboundMessage mail = mailTo(email).get(0);
        assertThat(mail.headers()).doesNotContainKey("List-Unsubscribe");
        String token = confirmToken(mail);
        assertThat(subscribers.confirmation(token).outcome()).isEqualTo(ConfirmResult.Outcome.WAITING);
        assertThat(subscribers.confirm(token, CLICK).outcome()).isEqualTo(ConfirmResult.Outcome.CONFIRMED);

        Contact confirmed = cb.bed.contacts.get(email);
        assertThat(confirmed.status()).isEqualTo(OptInStatus.CONFIRMED);
        assertThat(confirmed.lists()).contains(news);
        ConsentEntry joined = ledger(confirmed).stream().filter(e -> e.action() == ConsentAction.LIST_SUBSCRIBED).findFirst()
                .orElseThrow();
        assertThat(joined.source()).isEqualTo(ConsentSource.FORM);
        assertThat(joined.list()).isEqualTo(news);
        assertThat(joined.formId()).isEqualTo(f.name());
        assertThat(joined.consentTextVersion()).isEqualTo("1");
        assertThat(joined.ip()).isEqualTo(POST.ip());
        assertThat(joined.userAgent()).isEqualTo(POST.userAgent());
        ConsentEntry status = ledger(confirmed).stream().filter(e -> e.toStatus() == OptInStatus.CONFIRMED).findFirst()
                .orElseThrow();
        assertThat(status.ip()).isEqualTo(CLICK.ip());

        int entries = ledger(confirmed).size();
        assertThat(subscribers.confirm(token, CLICK).outcome()).isEqualTo(ConfirmResult.Outcome.ALREADY_CONFIRMED);
        assertThat(ledger(confirmed)).hasSize(entries);
    }

    @Test
    void aKnownContactsDataAndListsChangeOnlyWhenTheMailboxOwnerConfirms() {
        String news = list();
        Form f = form(true, news);
        Contact known = cb.bed.contacts.upsert(ContactInput.builder(unique("bob") + "@forms.test").status(OptInStatus.CONFIRMED)
                .field("firstname", "Bob").build(), TestBed.ADMIN).contact();
        FormResult r = forms.submit(post(f, Map.of("email", known.email(), "firstname", "Mallory"), true));
        assertThat(r).isEqualTo(FormResult.accepted());
        assertThat(cb.bed.contacts.get(known.id()).fields()).containsEntry("firstname", "Bob");
        assertThat(cb.bed.contacts.get(known.id()).lists()).doesNotContain(news);

        // the confirmation goes also to a confirmed contact: joining more lists needs the owner's yes
        String token = confirmToken(mailTo(known.email()).get(0));
        assertThat(subscribers.confirmation(token).outcome()).isEqualTo(ConfirmResult.Outcome.WAITING);
        subscribers.confirm(token, CLICK);
        Contact after = cb.bed.contacts.get(known.id());
        assertThat(after.lists()).contains(news);
        assertThat(after.fields()).containsEntry("firstname", "Mallory");
    }

    @Test
    void anUnsubscribedContactMaySubscribeAgainThroughAFormAndItsConfirmation() {
        String news = list();
        Form f = form(true, news);
        Contact left = cb.bed.contacts.upsert(ContactInput.builder(unique("cy") + "@forms.test")
                .status(OptInStatus.CONFIRMED).list(news).build(), TestBed.ADMIN).contact();
        cb.bed.contacts.setStatus(left.id(), OptInStatus.UNSUBSCRIBED,
                org.herald.contacts.ChangeContext.builder(ConsentSource.MESSAGE).actor("subscriber").build());
        cb.bed.contacts.unsubscribe(left.id(), news, org.herald.contacts.ChangeContext.builder(ConsentSource.MESSAGE)
                .actor("subscriber").build());
        assertThat(forms.submit(post(f, Map.of("email", left.email()), true))).isEqualTo(FormResult.accepted());
        assertThat(cb.bed.contacts.get(left.id()).status()).isEqualTo(OptInStatus.UNSUBSCRIBED);
        subscribers.confirm(confirmToken(mailTo(left.email()).get(0)), CLICK);
        Contact back = cb.bed.contacts.get(left.id());
        assertThat(back.status()).isEqualTo(OptInStatus.CONFIRMED);
        assertThat(back.lists()).contains(news);
    }

    @Test
    void theAnswerIsTheSameForKnownUnknownAndCappedAddressesAndTheCapHoldsTheMail() {
        Form f = form(true, list());
        String email = unique("dee") + "@forms.test";
        List<FormResult> answers = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            answers.add(forms.submit(post(f, Map.of("email", email), true)));
        }
        assertThat(answers).containsOnly(FormResult.accepted());
        // the daily cap of confirmation messages (3 by default) per address
        assertThat(mailTo(email)).hasSize(3);
        assertThat(cb.bed.rows("contact WHERE email = '" + email + "'")).isEqualTo(1);
    }

    @Test
    void withoutDoubleOptInThePostIsTheActAndKeptAsProof() {
        String news = list();
        Form f = form(false, news);
        String email = unique("eve") + "@forms.test";
        assertThat(forms.submit(post(f, Map.of("email", email), true))).isEqualTo(FormResult.accepted());
        Contact c = cb.bed.contacts.get(email);
        assertThat(c.status()).isEqualTo(OptInStatus.CONFIRMED);
        assertThat(c.lists()).contains(news);
        assertThat(mailTo(email)).isEmpty();
        assertThat(ledger(c)).anySatisfy(e -> {
            assertThat(e.source()).isEqualTo(ConsentSource.FORM);
            assertThat(e.formId()).isEqualTo(f.name());
            assertThat(e.ip()).isEqualTo(POST.ip());
        });
        assertThat(cb.bed.rows("form_submission WHERE form_name = '" + f.name() + "' AND confirmed_at IS NOT NULL"))
                .isEqualTo(1);
    }

    @Test
    void aPrefillTokenGivesTheContactsValuesOfTheFormsFieldsAndNothingElse() {
        Form f = form(true, list());
        Contact c = cb.bed.contacts.upsert(ContactInput.builder(unique("fay") + "@forms.test").field("firstname", "Fay")
                .field("secret", "internal note").build(), TestBed.ADMIN).contact();
        String token = cb.tokens.issue(Token.of(TokenPurpose.PREFILL, c.id()));
        assertThat(forms.prefill(f.name(), token)).hasValue(Map.of("email", c.email(), "firstname", "Fay"));
        assertThat(forms.prefill(f.name(), cb.tokens.issue(Token.of(TokenPurpose.PREFERENCES, c.id())))).isEmpty();
        assertThat(forms.prefill(f.name(), token + "x")).isEmpty();
    }
}
