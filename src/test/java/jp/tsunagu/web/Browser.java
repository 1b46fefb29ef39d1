package jp.tsunagu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person's browser: Debian's headless Chromium through its own chromedriver (never a downloaded one), signed in
 * through the login page. Each instance is a separate session, like a second person at another desk.
 */
final class Browser implements AutoCloseable {

    /**
     * The README's screenshots, rewritten on every run; on a machine without a Japanese font they would show blank
     * boxes for every Japanese character, so there they go to {@code target/screenshots} instead.
     */
    static final Path SCREENSHOTS = japaneseFontInstalled() ? Path.of("docs", "screenshots")
            : Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final Path profile;
    private final String baseUrl;
    final WebDriverWait wait;

    Browser(String baseUrl) {
        this.baseUrl = baseUrl;
        try {
            this.profile = Files.createTempDirectory("tsunagu-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(ChromiumCondition.CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,800", "--lang=ja", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(ChromiumCondition.CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options);
        // The screenshots are of a 1280×800 viewport, whatever the headless window's own frame takes.
        setViewport(1280, 800);
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    Browser open(String path) {
        driver.get(baseUrl + path);
        return this;
    }

    Browser login(String username) {
        open("/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys("demo");
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        // Signed in once the page has left the login form: staff start at their tasks, administrators elsewhere.
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        return this;
    }

    WebElement find(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    void type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
    }

    /** Clicks a submit button and waits for the next page to replace this one. */
    void submit(String css) {
        WebElement button = find(css);
        button.click();
        wait.until(driver -> isGone(button));
    }

    /**
     * Whether the element has left the document. Selenium's {@code stalenessOf} knows only the stale-element error;
     * Chromium may instead answer, while the next page replaces the document, that the node "does not belong to the
     * document", which means the same.
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException stale) {
            return true;
        } catch (WebDriverException detached) {
            if (String.valueOf(detached.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw detached;
        }
    }

    String url() {
        return driver.getCurrentUrl();
    }

    String text(String css) {
        return find(css).getText();
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private static boolean japaneseFontInstalled() {
        try {
            Process fcList = new ProcessBuilder("fc-list", ":lang=ja", "family").redirectErrorStream(true).start();
            String fonts = new String(fcList.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (fcList.waitFor() == 0 && !fonts.isBlank()) {
                return true;
            }
        } catch (IOException e) {
            // no fontconfig: no font either
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.err.println("No Japanese font (fonts-noto-cjk): screenshots go to target/screenshots, not docs/screenshots");
        return false;
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The axe-core rules for WCAG 2.0, 2.1 and 2.2 at levels A and AA: what JIS X 8341-3 AA asks that a machine can
     * check.
     */
    private static final List<String> WCAG_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    /**
     * Runs axe-core (Deque's Selenium integration) in the page and fails, naming them, on any violation of a WCAG A or
     * AA rule, whatever its impact, and on any serious or critical one of axe's best practices.
     */
    void assertAccessible() {
        Results results = new AxeBuilder().analyze(driver);
        assertThat(results.isErrored()).as("axe-core ran on " + url() + ": " + results.getErrorMessage()).isFalse();
        String failures = results.getViolations().stream()
                .filter(rule -> rule.getTags().stream().anyMatch(WCAG_AA::contains)
                        || "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                        + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).limit(3)
                                .collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"));
        assertThat(failures).as("axe-core violations (WCAG A/AA, or serious best practice) on " + url()).isEmpty();
    }

    /**
     * WCAG 1.4.10 (reflow): at 320 CSS pixels wide, the width of a phone or of a 1280-pixel screen zoomed to 400%, the
     * page reads without scrolling sideways. Data tables may scroll inside their own box, and the process diagram is
     * two-dimensional content that may pan; the page itself may not. Charts redraw for the new width when the browser
     * tells them of it, so the check waits (a few seconds at most) for the page to settle.
     */
    void assertReflows() {
        try {
            setViewport(320, 800);
            try {
                wait.withTimeout(Duration.ofSeconds(5)).until(driver -> overflow().isEmpty());
            } catch (TimeoutException e) {
                assertThat(overflow()).as("elements wider than 320 px on " + url()).isEmpty();
            }
        } finally {
            wait.withTimeout(Duration.ofSeconds(15));
            setViewport(1280, 800);
        }
    }

    /** The elements that stick out past the viewport's right edge, if the page scrolls sideways. */
    private String overflow() {
        return String.valueOf(script("var width = document.documentElement.clientWidth;"
                + "if (document.documentElement.scrollWidth <= width) { return ''; }"
                + "return [...document.querySelectorAll('body *')].filter(function (e) {"
                + "  return e.getBoundingClientRect().right > width + 1 && !e.closest('.table-wrap, .diagram');"
                + "}).slice(0, 3).map(function (e) {"
                + "  return e.tagName + (e.id ? '#' + e.id : '') + ' ' + Math.round(e.getBoundingClientRect().right) + 'px';"
                + "}).join(', ') || 'the page scrolls sideways';"));
    }

    private void setViewport(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException ignored) {
                // a temporary profile left behind does no harm
            }
        }
    }
}
