package com.segments.bootstrap;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

/**
 * Debian's Chromium, driven through its own chromedriver: nothing is downloaded at run time. Where they are not
 * installed the browser tests are skipped with a line saying so; under CI ({@code CI=true}) they fail instead, so
 * CI never passes without them (.ci/run installs both).
 */
final class Browser {

    static final Path CHROMIUM = Path.of(System.getProperty("segments.test.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("segments.test.chromedriver", "/usr/bin/chromedriver"));
    /** Where each test leaves what a user saw (bootstrap/target/screenshots when run by Maven). */
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private Browser() {
    }

    static void require() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER)) {
            return;
        }
        String message = "Chromium is not installed (" + CHROMIUM + " and " + DRIVER
                + "; apt-get install chromium chromium-driver)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(message + " (CI=true: the browser tests are required)");
        }
        System.err.println("SKIPPED: " + message);
        Assumptions.abort(message);
    }

    /** A headless Chromium with a fresh profile, keeping every console message for {@link #errors}. */
    static ChromeDriver start(Path profile) {
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1366,1000", "--hide-scrollbars");
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /**
     * The console errors since the last call (reading empties the browser's buffer): script errors, refused
     * resources, Content-Security-Policy violations and failed requests, except those whose text contains one of
     * {@code expected} (a test that provokes a 400 on purpose expects the browser to report it).
     */
    static List<String> errors(ChromeDriver driver, String... expected) {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(message -> java.util.Arrays.stream(expected).noneMatch(message::contains))
                .toList();
    }

    static Path screenshot(ChromeDriver driver, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
