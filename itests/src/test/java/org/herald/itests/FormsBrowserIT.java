package org.herald.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.herald.itests.Json.parse;
import static org.herald.itests.Json.uniqueEmail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A visitor subscribes on the hosted form page in a real browser (headless Chromium) with Herald's
 * proof-of-work CAPTCHA on: the page's script fetches a challenge, solves it and posts; the visitor
 * sees the "check your inbox" answer and is a PENDING contact whose consent proof names the browser.
 * A post without the solved challenge (a script that skips it) is refused.
 */
@Order(11)
@ExtendWith(HeraldExtension.class)
class FormsBrowserIT {

    private static final String API = "/herald/api/v1";

    private static String captchaType(HeraldContainer herald, String form) {
        try {
            return parse(herald.get("/herald/forms/" + form + "/captcha", null, null).body()).path("type").asText();
        } catch (Exception e) {
            return "";
        }
    }

    @Test
    void aVisitorSubscribesOnTheHostedPageWithTheProofOfWork(HeraldContainer herald) throws Exception {
        String run = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        String list = "browserforms" + run;
        String form = "browser-" + run;
        assertThat(herald.admin("POST", API + "/lists", "{\"name\":\"" + list + "\"}").statusCode()).isEqualTo(201);
        if (herald.admin("GET", API + "/fields/firstname", null).statusCode() == 404) {
            herald.console("herald:field-add firstname text");
        }
        assertThat(herald.admin("POST", API + "/forms", "{\"name\":\"" + form + "\",\"title\":\"Join us\",\"fields\":"
                + "[{\"name\":\"firstname\",\"required\":true}],\"lists\":[\"" + list + "\"],\"consentText\":"
                + "\"Send me the news.\"}").statusCode()).isEqualTo(201);

        Path cfg = herald.home.resolve("etc/org.herald.routes.forms.cfg");
        HeraldContainer.setProperty(cfg, "powBits", "12");
        HeraldContainer.setProperty(cfg, "captcha", "pow");
        try {
            HeraldContainer.await("the proof of work to be on", Duration.ofSeconds(60),
                    () -> "pow".equals(captchaType(herald, form)));
            String skipped = uniqueEmail("nopow");
            assertThat(herald.send("POST", "/herald/forms/" + form, "{\"email\":\"" + skipped
                    + "\",\"firstname\":\"Bot\",\"consent\":true}", "application/json", null, null).statusCode()).isEqualTo(400);

            String email = uniqueEmail("formbrowser");
            ChromeDriver browser = PreferencesBrowserIT.browser();
            try {
                browser.get("http://127.0.0.1:" + herald.httpPort + "/herald/forms/" + form);
                assertThat(browser.getTitle()).contains("Join us");
                browser.findElement(By.id("f-email")).sendKeys(email);
                browser.findElement(By.id("f-firstname")).sendKeys("Ann");
                browser.findElement(By.id("f-consent")).click();
                PreferencesBrowserIT.screenshot(browser, "form-filled");
                browser.findElement(By.id("f-submit")).click();
                HeraldContainer.await("the answer page", Duration.ofSeconds(60),
                        () -> browser.getPageSource().contains("Almost done"));
                PreferencesBrowserIT.screenshot(browser, "form-accepted");
            } finally {
                browser.quit();
            }
            JsonNode contact = parse(herald.admin("GET", API + "/contacts/" + email, null).body());
            assertThat(contact.path("status").asText()).isEqualTo("PENDING");
            assertThat(contact.path("fields").path("firstname").asText()).isEqualTo("Ann");
            List<JsonNode> history = new ArrayList<>();
            parse(herald.admin("GET", API + "/contacts/" + email + "/consent", null).body()).forEach(history::add);
            assertThat(history).anySatisfy(e -> {
                assertThat(e.path("source").asText()).isEqualTo("FORM");
                assertThat(e.path("formId").asText()).isEqualTo(form);
                assertThat(e.path("userAgent").asText()).contains("Chrome");
            });
            assertThat(herald.admin("GET", API + "/contacts/" + skipped, null).statusCode()).isEqualTo(404);
        } finally {
            HeraldContainer.setProperty(cfg, "captcha", "none");
            HeraldContainer.await("the proof of work to be off again", Duration.ofSeconds(60),
                    () -> "none".equals(captchaType(herald, form)));
        }
    }
}
