package io.sealwatch.web;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.sealwatch.result.RunResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The status page in a real headless Chromium (Debian's {@code chromium} through its {@code chromedriver}; Selenium
 * Manager cannot download a driver here): the open episode's checklist shows the use, and markup planted in log
 * fields stays text, runs nothing and loads nothing.
 */
class StatusPageBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String PLANT = WebFixtures.SCRIPT + " " + WebFixtures.IMG;

    private static final Pattern COUNTDOWN = Pattern.compile("in \\d+h \\d{2}m \\d{2}s \\(2026-08-1[45] \\d{2}:\\d{2}:00Z\\)");

    private static ChromeDriver browser;
    private static StatusServer server;
    private static String base;

    @BeforeAll
    static void start() {
        assertTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER), "The status page's browser test "
                + "needs Debian's Chromium and its driver at " + CHROMIUM + " and " + CHROMEDRIVER
                + ": apt-get install -y chromium chromium-driver (.ci/run installs them).");
        RunResult planted = WebFixtures.result(PLANT, PLANT);
        server = StatusServer.start("127.0.0.1", 0, null, () -> WebFixtures.snapshot(planted, PLANT),
                new PrometheusRegistry());
        base = "http://127.0.0.1:" + server.port();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage");
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .build(), options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theOpenEpisodesChecklistShowsTheUse() {
        browser.get(base + "/");
        WebElement card = browser.findElement(By.id(WebFixtures.EPISODE));
        String text = card.getText();
        for (String expected : List.of(WebFixtures.ACCOUNT + " · ongoing", "Started\n2026-08-14 09:20:00Z",
                "Approval approved by secops-manager@example.com at 2026-08-14 09:15:00Z",
                "Quorum only 1 of 2 custodians released their shares by 2026-08-14 09:35:00Z (alice@example.com)",
                "MFA webauthn (hardware-backed)", "Incident INC-4711", "Notified security-leadership 4m 00s after the start",
                "Notified engineering-leadership notification not recorded by 2026-08-14 09:35:00Z",
                "Time limit access must stop within 4h 00m 00s of the start · due in ",
                "Rotate access-key rotation not recorded yet · due in ")) {
            assertTrue(text.contains(expected), "the checklist shows \"" + expected + "\":\n" + text);
        }
        // the script counts down from the page's clock as real time passes: the words, not their exact seconds
        List<WebElement> countdowns = card.findElements(By.cssSelector("time[data-due]"));
        assertEquals(List.of("2026-08-14T13:20:00Z", "2026-08-15T09:50:00Z", "2026-08-15T09:50:00Z", "2026-08-15T09:50:00Z"),
                countdowns.stream().map(t -> t.getAttribute("datetime")).toList());
        for (WebElement t : countdowns) {
            assertTrue(COUNTDOWN.matcher(t.getText()).matches(), t.getText());
        }
        assertEquals(List.of("done", "failed", "done", "done", "done", "failed", "pending", "pending", "pending", "pending"),
                card.findElements(By.cssSelector("li.item")).stream().map(li -> li.getAttribute("class")
                        .replace("item ", "")).toList());
        assertEquals("rgba(23, 105, 43, 1)", card.findElement(By.cssSelector("li.done .mark")).getCssValue("color"),
                "the style sheet from /static is allowed by the CSP and applied");
        assertFalse(browser.findElement(By.cssSelector(".static-only")).isDisplayed(),
                "the countdown script from /static ran under the CSP (it hides the note that countdowns are static)");
        assertEquals(1, browser.findElements(By.cssSelector("article.episode")).size(),
                "only the episode that has not settled is shown");
    }

    @Test
    void markupPlantedInLogFieldsStaysText() throws Exception {
        browser.get(base + "/");
        String actors = browser.findElement(By.id(WebFixtures.EPISODE)).findElement(By.xpath(
                ".//dt[.='Actors']/following-sibling::dd[1]")).getText();
        assertEquals(PLANT, actors, "the actor is shown as the log wrote it");
        String from = browser.findElement(By.id(WebFixtures.EPISODE)).findElement(By.xpath(
                ".//dt[.='From']/following-sibling::dd[1]")).getText();
        assertEquals(PLANT, from, "so is the client address");
        String page = browser.findElement(By.tagName("body")).getText();
        for (String shown : List.of("1 of 2 custodians for " + PLANT, "break-glass use by " + PLANT,
                "HTTP 502 from " + PLANT, "error: cannot read " + PLANT)) {
            assertTrue(page.contains(shown), "shown as text: " + shown);
        }
        assertEquals("Sealwatch status", browser.getTitle(), "no planted script ran");
        assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert());
        assertEquals(List.of(), browser.findElements(By.tagName("img")), "no planted image became an element");
        List<WebElement> scripts = browser.findElements(By.tagName("script"));
        assertEquals(1, scripts.size());
        assertEquals(base + "/static/status.js", scripts.get(0).getAttribute("src"));
        List<String> complaints = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
                .map(LogEntry::getMessage).filter(m -> !m.contains("favicon.ico")).toList();
        assertEquals(List.of(), complaints, "no script error and no Content-Security-Policy violation");

        HttpResponse<Void> page2 = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/")).build(),
                HttpResponse.BodyHandlers.discarding());
        assertEquals(StatusServer.CSP, page2.headers().firstValue("Content-Security-Policy").orElse(""));
    }

    @Test
    void anAlertsUrlOpensItsEpisode() {
        browser.get(base + "/#" + WebFixtures.EPISODE);
        Object target = ((JavascriptExecutor) browser).executeScript(
                "var t = document.querySelector(':target'); return t === null ? null : t.id;");
        assertEquals(WebFixtures.EPISODE, target);
    }
}
