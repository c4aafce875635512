package com.segments.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.segments.adapters.jdbc.TestDatabases;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console in a real browser, against {@code segments serve} with a CC GENERAL model trained by the CLI: what a
 * person sees on each page must be what the REST API answers, the changes made on a page must reach the API, and no
 * page may log a console error (script errors, refused resources and Content-Security-Policy violations included).
 * One server, one browser and one trained model serve every test; the tests run in order because the later ones
 * change the registry. Each leaves a screenshot under target/screenshots.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    static Path work;

    private TestDatabases.Database database;
    private Cli cli;
    private Segments.Run server;
    private URI base;
    private ChromeDriver browser;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() {
        Browser.require();
        database = TestDatabases.h2(work.resolve("db"));
        cli = Cli.on(database, work);
        Cli.Result trained = cli.run("train", "--data", Cli.CC_GENERAL.toString(), "--k", "4", "--restarts", "3");
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        server = cli.serve();
        base = URI.create(server.context().getBean(EmbeddedServer.class).getURL().toString());
        browser = Browser.start(work.resolve("chromium-profile"));
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    @Order(1)
    void theOverviewShowsTheSegmentNamesSharesAndMapOfTheActiveVersion() throws Exception {
        JsonNode segments = JSON.readTree(get("/api/v1/segments").body()).get("segments");
        open("/console");
        new WebDriverWait(browser, PATIENCE).until(d -> d.findElement(By.id("map-chart")).getDomAttribute("data-points") != null);

        List<String> names = texts(".segment-name");
        List<String> shares = texts(".segment-share");
        assertThat(names).hasSize(4);
        for (int s = 0; s < 4; s++) {
            assertThat(names.get(s)).isEqualTo(segments.get(s).get("name").asText());
            assertThat(shares.get(s)).isEqualTo(String.format(Locale.ROOT, "%.1f%%", 100 * segments.get(s).get("share").asDouble()));
        }
        // every CC GENERAL customer (8,950, under the 10,000 cap) is on the map
        assertThat(browser.findElement(By.id("map-chart")).getDomAttribute("data-points")).isEqualTo("8950");
        assertThat(browser.findElement(By.id("map-note")).getText()).startsWith("All 8,950 customers of CC_GENERAL.csv");
        List<?> resources = (List<?>) browser.executeScript(
                "return performance.getEntriesByType('resource').map(e => e.name)");
        assertThat(resources).isNotEmpty().allSatisfy(url -> assertThat(url.toString()).startsWith(base.toString()));
        fullPage("overview");
        assertThat(Browser.errors(browser)).isEmpty();

        browser.manage().window().setSize(new Dimension(390, 844)); // a phone
        open("/console");
        Object overflow = browser.executeScript("return document.documentElement.scrollWidth - window.innerWidth");
        assertThat(((Number) overflow).intValue()).as("horizontal overflow at phone width").isLessThanOrEqualTo(0);
        Browser.screenshot(browser, "overview-phone");
        browser.manage().window().setSize(new Dimension(1366, 1000));
        assertThat(Browser.errors(browser)).isEmpty();
    }

    @Test
    @Order(2)
    void thePredictFormAnswersAsTheRestApiAndShowsAFieldErrorBesideTheField() throws Exception {
        List<String> lines = Files.readAllLines(Cli.CC_GENERAL);
        String[] header = lines.getFirst().strip().split(",");
        open("/console/predict");
        for (int row = 1; row <= 2001; row += 500) {
            String[] cells = lines.get(row).strip().split(",", -1);
            ObjectNode customer = JSON.createObjectNode();
            for (int j = 0; j < header.length; j++) {
                type(header[j], cells[j]);
                if (j == 0) {
                    customer.put(header[j], cells[j]);
                } else if (cells[j].isEmpty()) {
                    customer.putNull(header[j]);
                } else {
                    customer.put(header[j], Double.parseDouble(cells[j]));
                }
            }
            JsonNode expected = JSON.readTree(post("/api/v1/predict", customer.toString()).body());
            browser.findElement(By.id("predict-submit")).click();
            WebElement answer = new WebDriverWait(browser, PATIENCE).until(d -> {
                WebElement shown = d.findElement(By.id("answer"));
                return shown.isDisplayed() ? shown : null;
            });
            assertThat(answer.getDomAttribute("data-segment")).as("row %d", row).isEqualTo(expected.get("segment").asText());
            assertThat(browser.findElement(By.id("answer-name")).getText()).isEqualTo(expected.get("segmentName").asText());
            assertThat(browser.findElement(By.id("answer-version")).getText()).isEqualTo("1");
        }
        Browser.screenshot(browser, "predict-answer");

        type("BALANCE", "lots");
        browser.findElement(By.id("predict-submit")).click();
        WebElement error = new WebDriverWait(browser, PATIENCE).until(d -> {
            WebElement slot = d.findElement(By.cssSelector("[data-field-error='BALANCE']"));
            return slot.getText().isEmpty() ? null : slot;
        });
        assertThat(error.getText()).contains("\"lots\" is not a number");
        assertThat(field("BALANCE").getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("answer")).isDisplayed()).isFalse();
        Browser.screenshot(browser, "predict-field-error");
        assertThat(Browser.errors(browser, "status of 400")).isEmpty();

        // the five customers answered through the page and the five through the API, counted for drift
        open("/console/models/1");
        assertThat(browser.findElement(By.id("drift-rows")).getText()).isEqualTo("10");
        assertThat(browser.findElement(By.id("drift-verdict")).getText()).isIn("stable", "watch", "drifted");
        assertThat(browser.findElements(By.cssSelector("#drift-fields tbody tr"))).hasSize(17);
        Browser.screenshot(browser, "model-drift");
        assertThat(Browser.errors(browser)).isEmpty();
    }

    @Test
    @Order(3)
    void aCsvUploadIsScoredAndOfferedForDownload() throws Exception {
        Path upload = work.resolve("fifty.csv");
        Files.write(upload, Files.readAllLines(Cli.CC_GENERAL).subList(0, 51));
        open("/console/predict");
        browser.findElement(By.id("upload-file")).sendKeys(upload.toAbsolutePath().toString());
        browser.findElement(By.id("upload-submit")).click();
        WebElement link = new WebDriverWait(browser, PATIENCE).until(d -> {
            WebElement download = d.findElement(By.id("upload-download"));
            return download.isDisplayed() ? download : null;
        });
        assertThat(link.getDomAttribute("download")).isEqualTo("fifty-scores.csv");
        assertThat(browser.findElement(By.id("upload-summary")).getText())
                .isEqualTo("50 customers scored by model version 1.");
        assertThat(Browser.errors(browser)).isEmpty();
    }

    @Test
    @Order(4)
    void aRenameThroughThePageIsWhatTheApiListsAndTheKeyStaysInTheTab() throws Exception {
        open("/console/segments/2?model=1");
        WebElement name = browser.findElement(By.id("edit-name"));
        name.clear();
        name.sendKeys("Dormant Cardholders");
        WebElement offers = browser.findElement(By.id("edit-offers"));
        offers.clear();
        offers.sendKeys("Reactivation call\nFee waiver");
        browser.findElement(By.id("edit-save")).click();
        enterKeyWhenAsked();
        new WebDriverWait(browser, PATIENCE).until(d -> !d.findElements(By.id("flash")).isEmpty());
        assertThat(browser.findElement(By.id("segment-title")).getText()).isEqualTo("Dormant Cardholders");

        JsonNode listed = JSON.readTree(get("/api/v1/segments").body()).get("segments").get(2);
        assertThat(listed.get("name").asText()).isEqualTo("Dormant Cardholders");
        assertThat(listed.get("offers").get(1).asText()).isEqualTo("Fee waiver");
        assertThat(browser.executeScript("return sessionStorage.getItem('segments.apiKey')")).isEqualTo(Cli.API_KEY);
        assertThat(browser.executeScript("return document.cookie")).isEqualTo("");
        assertThat(browser.executeScript("return localStorage.length")).isEqualTo(0L);
        Browser.screenshot(browser, "segment-renamed");
        assertThat(Browser.errors(browser)).isEmpty();

        String taken = JSON.readTree(get("/api/v1/segments").body()).get("segments").get(0).get("name").asText();
        name = browser.findElement(By.id("edit-name"));
        name.clear();
        name.sendKeys(taken);
        browser.findElement(By.id("edit-save")).click();
        WebElement error = new WebDriverWait(browser, PATIENCE).until(d -> {
            WebElement slot = d.findElement(By.id("edit-name-error"));
            return slot.getText().isEmpty() ? null : slot;
        });
        assertThat(error.getText()).contains("already called '" + taken + "'");
        assertThat(Browser.errors(browser, "status of 400")).isEmpty();
    }

    @Test
    @Order(5)
    void activateAndRollbackThroughThePageChangeTheActiveVersionOfHealth() throws Exception {
        Cli.Result second = cli.run("train", "--data", Cli.CC_GENERAL.toString(), "--k", "5", "--restarts", "2");
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(activeVersion()).isEqualTo(2);

        open("/console/models");
        browser.findElement(By.cssSelector("button.activate[data-version='1']")).click();
        enterKeyWhenAsked();
        awaitFlash("Version 1 is now active (it replaced version 2).");
        assertThat(activeVersion()).isEqualTo(1);
        assertThat(browser.findElement(By.cssSelector("tr[data-version='1'] .badge")).getText()).isEqualTo("ACTIVE");

        browser.findElement(By.id("rollback")).click();
        enterKeyWhenAsked();
        awaitFlash("Rolled back: version 2 is active again.");
        assertThat(activeVersion()).isEqualTo(2);
        Browser.screenshot(browser, "models");
        assertThat(Browser.errors(browser)).isEmpty();
    }

    @Test
    @Order(6)
    void aRetrainStartedInThePageReachesSucceededWithItsProgressShown() throws Exception {
        open("/console/models");
        browser.findElement(By.id("retrain-data")).sendKeys("data/cc_general/CC_GENERAL.csv");
        WebElement k = browser.findElement(By.id("retrain-k"));
        k.clear();
        k.sendKeys("3");
        browser.findElement(By.id("retrain-start")).click();
        enterKeyWhenAsked();

        List<String> stages = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        String state = "";
        while (!List.of("SUCCEEDED", "FAILED", "CANCELLED").contains(state) && System.nanoTime() < deadline) {
            WebElement job = browser.findElement(By.id("job"));
            state = job.isDisplayed() ? String.valueOf(job.getDomAttribute("data-state")) : "";
            String stage = browser.findElement(By.id("job-stage")).getText();
            if (!stage.isEmpty() && (stages.isEmpty() || !stages.getLast().equals(stage))) {
                stages.add(stage);
            }
            Thread.sleep(100);
        }
        assertThat(state).as("stages seen: %s", stages).isEqualTo("SUCCEEDED");
        assertThat(stages).as("progress shown while it ran").anySatisfy(s -> assertThat(s).matches("\\d+% · .+"));
        assertThat(browser.findElement(By.id("job-progress")).getDomProperty("value")).isEqualTo("1");
        assertThat(stages.getLast()).isEqualTo("Done: version 3 was trained.");
        JsonNode jobs = JSON.readTree(get("/api/v1/jobs").body());
        assertThat(jobs.get(0).get("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(jobs.get(0).get("version").asInt()).isEqualTo(3);
        Browser.screenshot(browser, "retrain-succeeded");
        assertThat(Browser.errors(browser)).isEmpty();
    }

    @Test
    @Order(7)
    void aComparisonStartedInThePageEndsInAReport() throws Exception {
        open("/console/compare");
        browser.findElement(By.id("compare-data")).sendKeys("data/cc_general/CC_GENERAL.csv");
        WebElement k = browser.findElement(By.id("compare-k"));
        k.clear();
        k.sendKeys("2..4");
        WebElement bootstrap = browser.findElement(By.id("compare-bootstrap"));
        bootstrap.clear();
        bootstrap.sendKeys("3");
        browser.findElement(By.id("compare-start")).click();
        enterKeyWhenAsked();
        WebElement report = new WebDriverWait(browser, Duration.ofSeconds(180)).until(d -> {
            WebElement link = d.findElement(By.id("comparison-report"));
            return link.isDisplayed() ? link : null;
        });
        report.click();
        new WebDriverWait(browser, PATIENCE).until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
        assertThat(browser.findElements(By.cssSelector("#ranking tbody tr"))).hasSize(3);
        assertThat(browser.findElement(By.id("chosen")).getText()).startsWith("kmeans k=");
        assertThat(texts("#reasons li").getFirst()).startsWith(browser.findElement(By.id("chosen")).getText() + ":")
                .contains("holds together when the customers are resampled");
        fullPage("compare-report");
        assertThat(Browser.errors(browser)).isEmpty();
    }

    /** Every page: a title, labelled form controls, and nothing in the console; a clear page for what is missing. */
    @Test
    @Order(8)
    void everyPageIsLabelledAndQuietAndErrorsHaveAPage() {
        for (String page : List.of("/console", "/console/segments/0", "/console/predict", "/console/models",
                "/console/models/2", "/console/compare")) {
            open(page);
            assertThat(browser.findElement(By.tagName("h1")).getText()).as(page).isNotBlank();
            Object unlabelled = browser.executeScript("return [...document.querySelectorAll('input, select, textarea')]"
                    + ".filter(e => e.type !== 'hidden' && e.labels.length === 0).map(e => e.id)");
            assertThat((List<?>) unlabelled).as("form controls without a label on %s", page).isEmpty();
            assertThat(Browser.errors(browser)).as(page).isEmpty();
        }
        open("/console/no-such-page");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Page not found");
        Browser.screenshot(browser, "not-found");
        assertThat(Browser.errors(browser, "status of 404")).isEmpty();
        open("/console/models/99");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("No such model version");
        assertThat(browser.findElement(By.cssSelector("main")).getText()).contains("99").doesNotContain("Exception");
        assertThat(Browser.errors(browser, "status of 404")).isEmpty();
    }

    private void open(String path) {
        browser.get(base.resolve(path).toString());
        new WebDriverWait(browser, PATIENCE).until(d -> {
            Object ready = browser.executeScript("return document.readyState === 'complete' && (!document.querySelector("
                    + "'script[src*=\"/assets/console/\"]:not([src$=\"console.js\"])') || document.body.dataset.ready === 'true')");
            return Boolean.TRUE.equals(ready);
        });
    }

    /** The page asks for the key when the tab has none; a later change in the same tab does not ask again. */
    private void enterKeyWhenAsked() throws InterruptedException {
        Thread.sleep(300);
        WebElement dialog = browser.findElement(By.id("key-dialog"));
        if (dialog.getDomAttribute("open") != null) {
            browser.findElement(By.id("key-input")).sendKeys(Cli.API_KEY);
            browser.findElement(By.id("key-save")).click();
        }
    }

    private void awaitFlash(String text) {
        WebElement flash = new WebDriverWait(browser, PATIENCE).until(d -> {
            List<WebElement> found = d.findElements(By.id("flash"));
            return found.isEmpty() ? null : found.getFirst();
        });
        assertThat(flash.getText()).isEqualTo(text);
    }

    private WebElement field(String name) {
        return browser.findElement(By.cssSelector("[data-field='" + name + "']"));
    }

    private void type(String name, String value) {
        WebElement input = field(name);
        input.clear();
        if (!value.isEmpty()) {
            input.sendKeys(value);
        }
    }

    private List<String> texts(String css) {
        return browser.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    /** A screenshot of the whole page, as tall as it is. */
    private void fullPage(String name) {
        Dimension before = browser.manage().window().getSize();
        long height = (Long) browser.executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(before.getWidth(), (int) Math.min(height + 120, 4000)));
        Browser.screenshot(browser, name);
        browser.manage().window().setSize(before);
    }

    private int activeVersion() throws IOException, InterruptedException {
        return JSON.readTree(get("/health").body()).get("activeModelVersion").asInt();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
