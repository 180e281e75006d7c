package org.herald.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.herald.itests.Json.parse;
import static org.herald.itests.Json.uniqueEmail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A subscriber in a real browser (headless Chromium from Debian's packages, driven over WebDriver by
 * chromium-driver): opens the preference page from the contact's link, leaves one communication type,
 * picks a weekly frequency, saves, and sees the page confirm it; the change is in the contact's
 * consent history with the subscriber's browser as proof. Screenshots go to
 * {@code itests/target/screenshots/}. Without Chromium the test fails and says what to install.
 */
@Order(9)
@ExtendWith(HeraldExtension.class)
class PreferencesBrowserIT {

    private static final String API = "/herald/api/v1";
    private static final Path CHROMIUM = Paths.get(System.getProperty("herald.chromium", "/usr/bin/chromium"));
    private static final Path DRIVER = Paths.get(System.getProperty("herald.chromedriver", "/usr/bin/chromedriver"));

    static ChromeDriver browser() throws Exception {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER))
                .as("headless Chromium is needed: apt-get install chromium chromium-driver (.ci/run does)").isTrue();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        Path profile = Files.createTempDirectory("herald-chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=420,1200", "--user-data-dir=" + profile, "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    static void screenshot(ChromeDriver browser, String name) throws Exception {
        Path dir = Paths.get(System.getProperty("herald.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), dir.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void aSubscriberChangesAChoiceOnThePreferencePageAndItIsInTheConsentHistory(HeraldContainer herald) throws Exception {
        String run = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        String news = "news" + run;
        String offers = "offers" + run;
        for (String[] l : new String[][] {{news, "Weekly news", "What is new, every Friday"},
                {offers, "Offers", "Discounts for subscribers"}}) {
            assertThat(herald.admin("POST", API + "/lists", "{\"name\":\"" + l[0] + "\"}").statusCode()).isEqualTo(201);
            assertThat(herald.admin("PUT", API + "/lists/" + l[0] + "/texts/en", "{\"publicName\":\"" + l[1]
                    + "\",\"description\":\"" + l[2] + "\"}").statusCode()).isEqualTo(200);
        }
        String email = uniqueEmail("browser");
        assertThat(herald.admin("POST", API + "/contacts", "{\"email\":\"" + email + "\",\"status\":\"CONFIRMED\",\"lists\":[\""
                + news + "\",\"" + offers + "\"]}").statusCode()).isEqualTo(201);
        String url = parse(herald.admin("GET", API + "/contacts/" + email + "/links", null).body()).path("preferencesUrl")
                .asText();

        ChromeDriver browser = browser();
        try {
            browser.get(url);
            assertThat(browser.getTitle()).contains("Your e-mail preferences");
            screenshot(browser, "preferences-before");
            WebElement offersBox = browser.findElement(By.cssSelector("input[name=list][value='" + offers + "']"));
            assertThat(offersBox.isSelected()).isTrue();
            browser.findElement(By.cssSelector("label[for='" + offersBox.getAttribute("id") + "']")).click();
            browser.findElement(By.cssSelector("input[name=frequency][value=WEEKLY]")).click();
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            HeraldContainer.await("the saved page", Duration.ofSeconds(20),
                    () -> browser.getPageSource().contains("Your preferences are saved."));
            assertThat(browser.getCurrentUrl()).endsWith("?saved=1");
            assertThat(browser.findElement(By.cssSelector("input[name=list][value='" + offers + "']")).isSelected()).isFalse();
            assertThat(browser.findElement(By.cssSelector("input[name=frequency][value=WEEKLY]")).isSelected()).isTrue();
            screenshot(browser, "preferences-saved");
        } finally {
            browser.quit();
        }

        JsonNode contact = parse(herald.admin("GET", API + "/contacts/" + email, null).body());
        assertThat(contact.path("lists").toString()).contains(news).doesNotContain(offers);
        List<JsonNode> history = new ArrayList<>();
        parse(herald.admin("GET", API + "/contacts/" + email + "/consent", null).body()).forEach(history::add);
        assertThat(history).anySatisfy(e -> {
            assertThat(e.path("action").asText()).isEqualTo("LIST_UNSUBSCRIBED");
            assertThat(e.path("list").asText()).isEqualTo(offers);
            assertThat(e.path("source").asText()).isEqualTo("MANAGE");
            assertThat(e.path("actor").asText()).isEqualTo("subscriber");
            assertThat(e.path("userAgent").asText()).contains("Chrome");
        });
        assertThat(history).anySatisfy(e -> {
            assertThat(e.path("action").asText()).isEqualTo("CHOICES_CHANGED");
            assertThat(e.path("detail").asText()).isEqualTo("frequency=WEEKLY");
        });
        String console = herald.console("herald:consent-history " + email);
        assertThat(console).contains("-" + offers).contains("frequency=WEEKLY");
    }
}
