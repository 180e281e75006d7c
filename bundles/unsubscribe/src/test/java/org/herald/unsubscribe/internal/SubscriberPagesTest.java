package org.herald.unsubscribe.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.herald.campaigns.CampaignInput;
import org.herald.campaigns.Frequency;
import org.herald.campaigns.MessageStatus;
import org.herald.campaigns.TemplateInput;
import org.herald.contacts.ConsentAction;
import org.herald.contacts.ConsentEntry;
import org.herald.contacts.ConsentSource;
import org.herald.contacts.Contact;
import org.herald.contacts.ContactInput;
import org.herald.contacts.FieldType;
import org.herald.contacts.OptInStatus;
import org.herald.contacts.internal.TestBed;
import org.herald.events.TimelineQuery;
import org.herald.mail.DeliveryOutcome;
import org.herald.mail.DeliveryResult;
import org.herald.mail.OutboundMessage;
import org.herald.tokens.Token;
import org.herald.tokens.TokenPurpose;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubscriberPagesTest {

    private static final AtomicInteger N = new AtomicInteger();
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private PageServer server;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    void start() throws Exception {
        server = new PageServer(Map.of("organization", "Shop & Co", "privacyPolicyUrl", "https://shop.test/privacy"));
        server.cb.bed.fields.create("language", FieldType.TEXT, "Language", List.of());
        server.cb.bed.fields.create("firstname", FieldType.TEXT, "First name", List.of());
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    private static String unique(String prefix) {
        return prefix + N.incrementAndGet();
    }

    /** A public list with an English and an Estonian text. */
    private String publicList(String en, String et) {
        String name = unique("list");
        server.cb.bed.lists.create(name);
        server.cb.bed.lists.setText(name, "en", en, en + " description");
        if (et != null) {
            server.cb.bed.lists.setText(name, "et", et, et + " kirjeldus");
        }
        return name;
    }

    private Contact contact(OptInStatus status, String language, String... lists) {
        ContactInput.Builder b = ContactInput.builder(unique("sub") + "@pages.test").status(status).list(lists);
        if (language != null) {
            b.field("language", language);
        }
        return server.cb.bed.contacts.upsert(b.build(), TestBed.ADMIN).contact();
    }

    private Contact reload(Contact c) {
        return server.cb.bed.contacts.get(c.id());
    }

    private List<ConsentEntry> ledger(Contact c) {
        return server.cb.bed.contacts.consentHistory(c.id());
    }

    private String preferences(Contact c) {
        return server.cb.tokens.issue(Token.of(TokenPurpose.PREFERENCES, c.id()));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(server.base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(server.base + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("User-Agent", "PagesTest/1.0")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String csrf(HttpResponse<String> page) {
        Matcher m = CSRF.matcher(page.body());
        assertThat(m.find()).as("the page has a CSRF field").isTrue();
        return m.group(1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Queues and "delivers" one campaign to {@code list}; returns the message of {@code c}. */
    private OutboundMessage mail(String list, Contact c) {
        String template = unique("tpl");
        server.cb.templates.save(template, TemplateInput.builder().subject("News")
                .html("<p>Hi</p><a href=\"{{ unsubscribe_url }}\">leave</a>").build());
        String campaign = unique("camp");
        server.cb.campaigns.create(campaign, CampaignInput.builder(template).list(list).build());
        server.cb.campaigns.send(campaign, "admin");
        OutboundMessage mine = null;
        List<OutboundMessage> batch;
        while (!(batch = server.cb.campaigns.take(100)).isEmpty()) {
            for (OutboundMessage m : batch) {
                server.cb.campaigns.report(DeliveryResult.of(m.messageId(), DeliveryOutcome.ACCEPTED, 250, "2.0.0 Ok",
                        Instant.now()));
                if (m.contactId().equals(c.id())) {
                    mine = m;
                }
            }
        }
        return mine;
    }

    private static String unsubscribeToken(OutboundMessage m) {
        String header = m.headers().get("List-Unsubscribe");
        return header.substring(header.indexOf("/unsubscribe/") + "/unsubscribe/".length(), header.indexOf('>'));
    }

    // ---- preference center

    @Test
    void thePreferencePageShowsPublicListsInTheContactsLanguageEscaped() throws Exception {
        String news = publicList("News", "Uudised <script>alert(1)</script>");
        Contact c = contact(OptInStatus.CONFIRMED, "et-EE", news);

        HttpResponse<String> page = get("/preferences/" + preferences(c));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("<html lang=\"et\">").contains("Teie e-kirjade eelistused")
                .contains("Uudised &lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)")
                .contains("Shop &amp; Co").contains("https://shop.test/privacy").contains(c.email())
                .contains("value=\"" + news + "\" checked");
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
    }

    @Test
    void aLanguageWithoutTextsFallsBackToEnglish() throws Exception {
        Contact c = contact(OptInStatus.CONFIRMED, "fi", publicList("Tips", null));
        assertThat(get("/preferences/" + preferences(c)).body()).contains("<html lang=\"en\">")
                .contains("Your e-mail preferences").contains(">Tips<");
    }

    @Test
    void savingWithoutTheCsrfTokenIsRefusedAndChangesNothing() throws Exception {
        String news = publicList("News", null);
        Contact c = contact(OptInStatus.CONFIRMED, null, news);
        int entries = ledger(c).size();

        HttpResponse<String> r = post("/preferences/" + preferences(c), "frequency=WEEKLY");
        HttpResponse<String> forged = post("/preferences/" + preferences(c), "frequency=WEEKLY&csrf=" + enc("1.abc"));

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(reload(c).lists()).contains(news);
        assertThat(ledger(c)).hasSize(entries);
        assertThat(server.cb.policy.choices(c.id()).frequency()).isNull();
    }

    @Test
    void aCsrfTokenOfOneContactsPageDoesNotSaveAnothers() throws Exception {
        Contact a = contact(OptInStatus.CONFIRMED, null);
        Contact b = contact(OptInStatus.CONFIRMED, null);
        String csrfOfA = csrf(get("/preferences/" + preferences(a)));
        assertThat(post("/preferences/" + preferences(b), "frequency=DAILY&csrf=" + enc(csrfOfA)).statusCode()).isEqualTo(403);
        assertThat(server.cb.policy.choices(b.id()).frequency()).isNull();
    }

    @Test
    void savingRecordsOneManageEntryPerChangeWithTheProofOfTheRequest() throws Exception {
        String news = publicList("News", null);
        String offers = publicList("Offers", null);
        Contact c = contact(OptInStatus.CONFIRMED, null, news);
        String token = preferences(c);
        int before = ledger(c).size();

        HttpResponse<String> saved = post("/preferences/" + token, "csrf=" + enc(csrf(get("/preferences/" + token)))
                + "&list=" + offers + "&frequency=WEEKLY&shown=firstname&field.firstname=" + enc("Ann-Li"));

        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(saved.headers().firstValue("Location")).contains("/herald/preferences/" + token + "?saved=1");
        Contact after = reload(c);
        assertThat(after.lists()).contains(offers).doesNotContain(news);
        assertThat(after.fields()).containsEntry("firstname", "Ann-Li");
        assertThat(server.cb.policy.choices(c.id()).frequency()).isEqualTo(Frequency.WEEKLY);
        List<ConsentEntry> added = ledger(c).subList(before, ledger(c).size());
        assertThat(added).extracting(ConsentEntry::action).containsExactlyInAnyOrder(ConsentAction.LIST_SUBSCRIBED,
                ConsentAction.LIST_UNSUBSCRIBED, ConsentAction.CHOICES_CHANGED);
        assertThat(added).allSatisfy(e -> {
            assertThat(e.source()).isEqualTo(ConsentSource.MANAGE);
            assertThat(e.actor()).isEqualTo("subscriber");
            assertThat(e.ip()).isEqualTo("127.0.0.1");
            assertThat(e.userAgent()).isEqualTo("PagesTest/1.0");
        });
        assertThat(added).filteredOn(e -> e.action() == ConsentAction.CHOICES_CHANGED).extracting(ConsentEntry::detail)
                .containsExactly("frequency=WEEKLY");
        assertThat(get(saved.headers().firstValue("Location").orElseThrow().replace("/herald", "")).body())
                .contains("Your preferences are saved.");
    }

    @Test
    void aListLeftOnThePreferencePageIsNotPutBackByAnAdminButTheContactMayRejoinIt() throws Exception {
        String news = publicList("News", null);
        Contact c = contact(OptInStatus.CONFIRMED, null, news);
        String token = preferences(c);
        post("/preferences/" + token, "csrf=" + enc(csrf(get("/preferences/" + token))));
        assertThat(reload(c).lists()).doesNotContain(news);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> server.cb.bed.contacts.subscribe(c.id(), news, TestBed.ADMIN))
                .isInstanceOf(org.herald.common.ConflictException.class).hasMessageContaining("left the list");

        post("/preferences/" + token, "csrf=" + enc(csrf(get("/preferences/" + token))) + "&list=" + news);
        assertThat(reload(c).lists()).contains(news);
    }

    @Test
    void theMasterSwitchUnsubscribesFromAllAndTheContactMayTurnItBack() throws Exception {
        Contact c = contact(OptInStatus.CONFIRMED, null);
        String token = preferences(c);
        post("/preferences/" + token, "csrf=" + enc(csrf(get("/preferences/" + token))) + "&unsubscribe_all=on");
        assertThat(reload(c).status()).isEqualTo(OptInStatus.UNSUBSCRIBED);

        post("/preferences/" + token, "csrf=" + enc(csrf(get("/preferences/" + token))));
        assertThat(reload(c).status()).isEqualTo(OptInStatus.CONFIRMED);
        assertThat(ledger(c)).filteredOn(e -> e.action() == ConsentAction.STATUS_CHANGED).last()
                .satisfies(e -> assertThat(e.source()).isEqualTo(ConsentSource.MANAGE));
    }

    @Test
    void anInvalidFieldValueSavesNothingAndNamesTheField() throws Exception {
        server.cb.bed.fields.create(unique("age").replaceAll("[0-9]", "") + "x".repeat(N.get() % 5 + 1), FieldType.NUMBER,
                "Age", List.of());
        String news = publicList("News", null);
        Contact c = contact(OptInStatus.CONFIRMED, null, news);
        String token = preferences(c);
        String age = server.cb.bed.fields.list().stream().filter(f -> f.type() == FieldType.NUMBER).findFirst()
                .orElseThrow().name();
        int before = ledger(c).size();

        HttpResponse<String> r = post("/preferences/" + token, "csrf=" + enc(csrf(get("/preferences/" + token)))
                + "&shown=" + age + "&field." + age + "=forty");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("Nothing was saved").contains(age);
        assertThat(reload(c).lists()).contains(news);
        assertThat(ledger(c)).hasSize(before);
    }

    // ---- tokens

    @Test
    void unknownTamperedAndWrongPurposeTokensGetTheSameAnswer() throws Exception {
        Contact c = contact(OptInStatus.CONFIRMED, null);
        String good = preferences(c);
        String tampered = good.substring(0, good.length() - 3) + (good.endsWith("AAA") ? "BBB" : "AAA");
        String wrongPurpose = server.cb.tokens.issue(Token.of(TokenPurpose.OPEN, c.id()));
        String gone = server.cb.tokens.issue(Token.of(TokenPurpose.PREFERENCES, "01NOSUCHCONTACT000000000000"));

        List<HttpResponse<String>> answers = List.of(get("/preferences/" + tampered), get("/preferences/nonsense"),
                get("/preferences/" + wrongPurpose), get("/preferences/" + gone), get("/unsubscribe/" + tampered),
                get("/unsubscribe/" + wrongPurpose), get("/confirm/" + tampered), get("/preferences/%3Cscript%3E"));

        for (HttpResponse<String> a : answers) {
            assertThat(a.statusCode()).isEqualTo(404);
            assertThat(a.body()).isEqualTo(answers.get(0).body()).contains("This link is not valid");
        }
    }

    // ---- unsubscribe

    @Test
    void aGetOfTheUnsubscribeAndConfirmPagesChangesNothing() throws Exception {
        String news = publicList("News", null);
        Contact c = contact(OptInStatus.PENDING, null, news);
        OutboundMessage m = mail(news, contact(OptInStatus.CONFIRMED, null, news));
        int before = ledger(c).size();

        assertThat(get("/unsubscribe/" + server.cb.tokens.issue(Token.of(TokenPurpose.UNSUBSCRIBE, c.id()))).statusCode())
                .isEqualTo(200);
        assertThat(get("/confirm/" + server.cb.links.forContact(c.id()).confirmUrl().replaceAll(".*/confirm/", ""))
                .statusCode()).isEqualTo(200);

        assertThat(m).isNotNull();
        assertThat(reload(c).lists()).contains(news);
        assertThat(reload(c).status()).isEqualTo(OptInStatus.PENDING);
        assertThat(ledger(c)).hasSize(before);
    }

    @Test
    void oneClickLeavesTheListsOfTheMessageOnceAndIsHarmlessTwice() throws Exception {
        String news = publicList("News", null);
        String offers = publicList("Offers", null);
        Contact c = contact(OptInStatus.CONFIRMED, null, news, offers);
        OutboundMessage m = mail(news, c);
        String token = unsubscribeToken(m);
        assertThat(m.headers()).containsEntry("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");

        HttpResponse<String> first = post("/unsubscribe/" + token, "List-Unsubscribe=One-Click");
        int entries = ledger(c).size();
        HttpResponse<String> second = post("/unsubscribe/" + token, "List-Unsubscribe=One-Click");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(first.headers().firstValue("Location")).isEmpty();
        assertThat(second.statusCode()).isEqualTo(200);
        Contact after = reload(c);
        assertThat(after.lists()).containsExactly(offers);
        assertThat(after.status()).isEqualTo(OptInStatus.CONFIRMED);
        assertThat(ledger(c)).hasSize(entries);
        assertThat(ledger(c)).filteredOn(e -> e.action() == ConsentAction.LIST_UNSUBSCRIBED).singleElement()
                .satisfies(e -> {
                    assertThat(e.list()).isEqualTo(news);
                    assertThat(e.source()).isEqualTo(ConsentSource.MESSAGE);
                    assertThat(e.messageId()).isEqualTo(m.messageId());
                });
    }

    @Test
    void oneClickAsMultipartIsAcceptedAndATamperedTokenIsRefused() throws Exception {
        String news = publicList("News", null);
        Contact c = contact(OptInStatus.CONFIRMED, null, news);
        String token = unsubscribeToken(mail(news, c));
        String body = "--b\r\nContent-Disposition: form-data; name=\"List-Unsubscribe\"\r\n\r\nOne-Click\r\n--b--\r\n";

        HttpResponse<String> bad = http.send(HttpRequest.newBuilder(URI.create(server.base + "/unsubscribe/" + token + "x"))
                .header("Content-Type", "multipart/form-data; boundary=b").POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(404);
        assertThat(reload(c).lists()).contains(news);

        HttpResponse<String> ok = http.send(HttpRequest.newBuilder(URI.create(server.base + "/unsubscribe/" + token))
                .header("Content-Type", "multipart/form-data; boundary=b").POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(reload(c).lists()).doesNotContain(news);
    }

    @Test
    void theUnsubscribePageLeavesTheTypeByDefaultAndKeepsTheReason() throws Exception {
        String news = publicList("News", "Uudised");
        Contact c = contact(OptInStatus.CONFIRMED, "et", news);
        OutboundMessage m = mail(news, c);
        String token = unsubscribeToken(m);

        HttpResponse<String> page = get("/unsubscribe/" + token);
        assertThat(page.body()).contains("Ärge saatke mulle enam").contains("<strong>Uudised</strong>")
                .contains("value=\"LIST\" checked");
        HttpResponse<String> done = post("/unsubscribe/" + token, "csrf=" + enc(csrf(page)) + "&choice=LIST&reason="
                + enc("Too many <b>mails</b>"));

        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("Olete tellimusest loobunud").contains("Uudised");
        assertThat(reload(c).lists()).doesNotContain(news);
        assertThat(server.cb.bed.events.timeline(c.id(), TimelineQuery.latest().withTypes(java.util.Set.of("unsubscribe_feedback"))).items()).singleElement().satisfies(e -> assertThat(e.properties()).containsEntry("reason",
                        "Too many <b>mails</b>"));
    }

    @Test
    void allMarketingUnsubscribesAndOneAWeekIsRecordedAsOneMessageAndCapsTheNextCampaign() throws Exception {
        String news = publicList("News", null);
        Contact all = contact(OptInStatus.CONFIRMED, null, news);
        String allToken = server.cb.tokens.issue(Token.of(TokenPurpose.UNSUBSCRIBE, all.id()));
        post("/unsubscribe/" + allToken, "csrf=" + enc(csrf(get("/unsubscribe/" + allToken))) + "&choice=ALL");
        assertThat(reload(all).status()).isEqualTo(OptInStatus.UNSUBSCRIBED);
        assertThat(ledger(all)).last().satisfies(e -> assertThat(e.source()).isEqualTo(ConsentSource.MESSAGE));

        Contact weekly = contact(OptInStatus.CONFIRMED, null, news);
        OutboundMessage first = mail(news, weekly);
        String token = unsubscribeToken(first);
        post("/unsubscribe/" + token, "csrf=" + enc(csrf(get("/unsubscribe/" + token))) + "&choice=ONE_A_WEEK");
        assertThat(reload(weekly).lists()).contains(news);
        assertThat(server.cb.policy.choices(weekly.id()).oneMessageWeekly()).isTrue();
        assertThat(ledger(weekly)).last().satisfies(e -> {
            assertThat(e.action()).isEqualTo(ConsentAction.CHOICES_CHANGED);
            assertThat(e.source()).isEqualTo(ConsentSource.ONE_MESSAGE);
            assertThat(e.messageId()).isEqualTo(first.messageId());
        });

        // the first campaign of this week went out before the choice: the next one this week is capped
        String template = unique("tpl");
        server.cb.templates.save(template, TemplateInput.builder().subject("More").html("<p>more</p>").build());
        String next = unique("camp");
        server.cb.campaigns.create(next, CampaignInput.builder(template).list(news).build());
        server.cb.campaigns.send(next, "admin");
        List<OutboundMessage> taken = server.cb.campaigns.take(1000);
        taken.forEach(x -> server.cb.campaigns.report(DeliveryResult.of(x.messageId(), DeliveryOutcome.ACCEPTED, 250,
                "2.0.0 Ok", Instant.now())));
        assertThat(taken).extracting(OutboundMessage::to).doesNotContain(weekly.email());
        assertThat(server.cb.campaigns.report(next).statuses()).containsKey(MessageStatus.OO);
    }

    // ---- confirmation

    @Test
    void confirmingNeedsTheButtonRecordsTheProofAndASecondClickIsHarmless() throws Exception {
        Contact c = contact(OptInStatus.PENDING, "pl");
        String token = server.cb.links.forContact(c.id()).confirmUrl().replaceAll(".*/confirm/", "");

        HttpResponse<String> page = get("/confirm/" + token);
        assertThat(page.body()).contains("Tak, zapisz mnie");
        assertThat(reload(c).status()).isEqualTo(OptInStatus.PENDING);
        assertThat(post("/confirm/" + token, "").statusCode()).isEqualTo(403);

        HttpResponse<String> done = post("/confirm/" + token, "csrf=" + enc(csrf(page)));
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("Twoja subskrypcja jest potwierdzona");
        assertThat(reload(c).status()).isEqualTo(OptInStatus.CONFIRMED);
        assertThat(ledger(c)).last().satisfies(e -> {
            assertThat(e.toStatus()).isEqualTo(OptInStatus.CONFIRMED);
            assertThat(e.source()).isEqualTo(ConsentSource.FORM);
            assertThat(e.ip()).isEqualTo("127.0.0.1");
            assertThat(e.userAgent()).isEqualTo("PagesTest/1.0");
        });
        int entries = ledger(c).size();
        HttpResponse<String> again = post("/confirm/" + token, "csrf=" + enc(csrf(page)));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("już potwierdzona");
        assertThat(ledger(c)).hasSize(entries);
    }

    @Test
    void anExpiredConfirmationLinkOffersANewOneSentThroughTheOutboundPathWithinTheDailyCap() throws Exception {
        Contact c = contact(OptInStatus.PENDING, "et");
        String expired = server.cb.tokens.issue(Token.of(TokenPurpose.CONFIRM, c.id()).expiringAt(Instant.now().minusSeconds(60)));
        HttpResponse<String> page = get("/confirm/" + expired);
        assertThat(page.statusCode()).isEqualTo(410);
        assertThat(page.body()).contains("See kinnituslink on aegunud").contains("Saada mulle uus link")
                .doesNotContain("Jah, telli");
        assertThat(post("/confirm/" + expired, "csrf=x").statusCode()).isEqualTo(410);
        assertThat(reload(c).status()).isEqualTo(OptInStatus.PENDING);

        HttpResponse<String> resent = post("/confirm/" + expired, "resend=1&csrf=" + enc(csrf(page)));
        assertThat(resent.statusCode()).isEqualTo(200);
        assertThat(resent.body()).contains("Saatsime teile uue kinnituslingi");
        List<OutboundMessage> out = server.cb.campaigns.take(100);
        OutboundMessage mail = out.stream().filter(m -> m.to().equals(c.email())).findFirst().orElseThrow();
        assertThat(mail.subject()).isEqualTo("Palun kinnitage oma tellimus");
        assertThat(mail.headers()).doesNotContainKey("List-Unsubscribe").containsEntry("Auto-Submitted", "auto-generated");
        assertThat(mail.rfcMessageId()).isEqualTo("<s" + mail.messageId() + "@herald.invalid>");
        String link = mail.text().replaceAll("(?s).*(http://\\S+/confirm/\\S+).*", "$1");
        String fresh = link.substring(link.lastIndexOf('/') + 1);
        assertThat(server.cb.tokens.verify(fresh, TokenPurpose.CONFIRM)).isPresent();
        HttpResponse<String> confirmPage = get("/confirm/" + fresh);
        assertThat(confirmPage.statusCode()).isEqualTo(200);
        assertThat(post("/confirm/" + fresh, "csrf=" + enc(csrf(confirmPage))).statusCode()).isEqualTo(200);
        assertThat(reload(c).status()).isEqualTo(OptInStatus.CONFIRMED);

        // delivered: the message is SENT and on the timeline
        server.cb.campaigns.report(DeliveryResult.of(mail.messageId(), DeliveryOutcome.ACCEPTED, 250, "2.0.0 Ok", Instant.now()));
        assertThat(server.cb.campaigns.wanted(mail.messageId())).isFalse();
        assertThat(server.cb.bed.events.timeline(c.id(), TimelineQuery.latest().withTypes(java.util.Set.of("message_sent")))
                .items()).singleElement().satisfies(e -> assertThat(e.properties()).containsEntry("kind", "confirmation"));
    }

    @Test
    void confirmationMessagesAreCappedPerContactPerDayAndSurviveAsRowsUntilReported() throws Exception {
        Contact c = contact(OptInStatus.PENDING, null);
        for (int i = 0; i < 3; i++) {
            assertThat(server.cb.confirmations.request(c.id())).isEqualTo(org.herald.campaigns.ConfirmationMail.Outcome.QUEUED);
        }
        assertThat(server.cb.confirmations.request(c.email())).isEqualTo(org.herald.campaigns.ConfirmationMail.Outcome.LIMITED);
        List<OutboundMessage> mine = server.cb.campaigns.take(100).stream().filter(m -> m.to().equals(c.email())).toList();
        assertThat(mine).hasSize(3);
        // a temporary failure keeps it for a retry (this bed retries at once); delivered ones are done
        server.cb.campaigns.report(DeliveryResult.of(mine.get(0).messageId(), DeliveryOutcome.TEMPORARY, 451, "4.3.0 try later",
                Instant.now()));
        assertThat(server.cb.campaigns.wanted(mine.get(0).messageId())).isTrue();
        for (OutboundMessage m : mine.subList(1, 3)) {
            server.cb.campaigns.report(DeliveryResult.of(m.messageId(), DeliveryOutcome.ACCEPTED, 250, "ok", Instant.now()));
        }
        assertThat(server.cb.campaigns.take(100)).filteredOn(m -> m.to().equals(c.email()))
                .extracting(OutboundMessage::messageId).containsExactly(mine.get(0).messageId());
        Contact confirmed = contact(OptInStatus.CONFIRMED, null);
        assertThat(server.cb.confirmations.request(confirmed.id()))
                .isEqualTo(org.herald.campaigns.ConfirmationMail.Outcome.ALREADY_CONFIRMED);
    }

    // ---- bad input

    @Test
    void oversizedAndNonFormBodiesAreRefusedWithoutAChange() throws Exception {
        String news = publicList("News", null);
        Contact c = contact(OptInStatus.CONFIRMED, null, news);
        String token = preferences(c);
        String csrf = csrf(get("/preferences/" + token));
        assertThat(post("/preferences/" + token, "csrf=" + enc(csrf) + "&pad=" + "x".repeat(20_000)).statusCode())
                .isEqualTo(413);
        assertThat(http.send(HttpRequest.newBuilder(URI.create(server.base + "/preferences/" + token))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(415);
        assertThat(post("/preferences/" + token, "csrf=" + enc(csrf) + "&frequency=HOURLY").statusCode()).isEqualTo(400);
        assertThat(post("/preferences/" + token, "csrf=" + enc(csrf) + "&list=%FF%FE").statusCode()).isEqualTo(400);
        String unsubscribe = server.cb.tokens.issue(Token.of(TokenPurpose.UNSUBSCRIBE, c.id()));
        assertThat(get("/unsubscribe/" + unsubscribe + "?list=%00%ff").statusCode()).isEqualTo(400);
        assertThat(get("/preferences/" + token + "?saved=%ff%fe").statusCode()).isEqualTo(400);
        assertThat(reload(c).lists()).contains(news);
    }
}
