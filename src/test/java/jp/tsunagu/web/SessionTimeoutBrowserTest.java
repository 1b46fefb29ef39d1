package jp.tsunagu.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The warning before an idle session ends (WCAG 2.2.1), in Chromium, with sessions that end after 24 seconds: the
 * warning opens 20 seconds ahead (the least the rule gives), 続ける keeps the session past its first end, a request
 * of the page's restarts the count, and without an answer the page says the reader was signed out and keeps what
 * was typed.
 */
@RequiresChromium
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {SessionExtensionTest.SHORT_TIMEOUT, SessionExtensionTest.FAST_REFRESH})
@ActiveProfiles({"demo", "test"})
class SessionTimeoutBrowserTest {

    static final Duration TIMEOUT = Duration.ofSeconds(24);
    static final String TYPED = "窓口で長い相談を受け、その内容をまとめている途中";

    @LocalServerPort
    int port;

    @Test
    void continuingKeepsTheSessionPastItsFirstEnd() {
        try (Browser sato = new Browser("http://localhost:" + port)) {
            sato.login("sato");
            sato.open("/issues/new");
            // The page's request reached the server before this: the session would end by loaded + TIMEOUT.
            Instant loaded = Instant.now();
            sato.type("#title", TYPED);

            WebElement dialog = sato.find("#session-warning");
            assertThat(dialog.getText()).contains("まもなくログアウトします",
                    "操作がないまま24秒たつと、安全のためログアウトします。あと20秒です。", "続ける", "ログアウト");
            assertThat(sato.script("return document.activeElement.id")).isEqualTo("session-extend");
            sato.assertAccessible();
            Instant continued = Instant.now();
            sato.find("#session-extend").click();
            sato.wait.until(driver -> !dialog.isDisplayed());

            await().atMost(TIMEOUT.plusSeconds(5)).until(() -> Instant.now().isAfter(loaded.plus(TIMEOUT).plusMillis(500)));
            assertThat(Instant.now()).as("still before the extended end").isBefore(continued.plus(TIMEOUT));
            sato.open("/issues");
            assertThat(sato.url()).as("still signed in after the first end").endsWith("/issues");
        }
    }

    @Test
    void withoutAnAnswerThePageSaysTheReaderWasSignedOutAndKeepsWhatWasTyped() {
        try (Browser sato = new Browser("http://localhost:" + port)) {
            sato.login("sato");
            sato.open("/issues/new");
            sato.type("#title", TYPED);

            WebElement dialog = sato.find("#session-warning");
            WebElement notice = sato.all("#signed-out-notice").get(0);
            assertThat(notice.isDisplayed()).as("not while the session is live").isFalse();
            sato.script("htmx.ajax('GET', '/notifications', {target: '#main', swap: 'none'})");
            sato.wait.until(driver -> !dialog.isDisplayed());

            sato.find("#session-warning");
            sato.find("#session-extend").sendKeys(Keys.ESCAPE);
            sato.wait.until(driver -> !dialog.isDisplayed());
            // Escape continues too: the browser lists the request once its answer has come.
            sato.wait.until(driver -> Long.valueOf(1).equals(sato.script("return performance.getEntriesByType('resource')"
                    + ".filter(function (e) { return e.name.endsWith('/session/extend'); }).length")));
            assertThat(notice.isDisplayed()).as("not after continuing").isFalse();

            sato.find("#session-warning");
            await().atMost(TIMEOUT.plusSeconds(10)).until(() -> sato.all("#session-ended-heading").stream()
                    .anyMatch(WebElement::isDisplayed));
            assertThat(dialog.getText()).contains("ログアウトしました",
                    "操作がないまま24秒たったため、安全のためログアウトしました。入力中の内容はこのページに残っています。",
                    "もう一度ログインする").doesNotContain("続ける");
            assertThat(sato.script("return document.activeElement.id")).isEqualTo("session-close");
            sato.assertAccessible();
            sato.find("#session-close").click();
            sato.wait.until(driver -> !dialog.isDisplayed());
            assertThat(sato.url()).endsWith("/issues/new");
            assertThat(sato.find("#title").getDomProperty("value")).isEqualTo(TYPED);
            // The page goes on saying so, at the top of its content, without taking the reader's focus.
            sato.wait.until(driver -> notice.isDisplayed());
            assertThat(notice.getText()).contains("ログアウトしています。入力中の内容はこのページに残っています。",
                    "もう一度ログインする");
            assertThat(sato.script("return document.querySelector('main').firstElementChild.id"))
                    .isEqualTo("signed-out-notice");
            assertThat(sato.find("#signed-out-sign-in").getDomAttribute("href")).as("back to this page after sign-in")
                    .isEqualTo("/issues/new");
            assertThat(sato.script("return document.activeElement.closest('#signed-out-notice') === null")).isEqualTo(true);
            sato.assertAccessible();
            assertThat(sato.find("#title").getDomProperty("value")).isEqualTo(TYPED);

            sato.find("#signed-out-sign-in").click();
            sato.wait.until(driver -> sato.url().contains("/login"));
            sato.find("#username").sendKeys("sato");
            sato.find("#password").sendKeys("demo");
            sato.find("form button[type=submit]").click();
            sato.wait.until(driver -> !sato.url().contains("/login"));
            // Spring Security marks the saved request's way back with ?continue.
            assertThat(java.net.URI.create(sato.url()).getPath()).as("signed in again, back on the page the reader was on")
                    .isEqualTo("/issues/new");
        }
    }

    /**
     * The task list refreshes itself, each time a request that keeps the session open; on a screen nobody uses it
     * stops once the session's idle limit has passed without a key or the pointer, says so, and the session then ends
     * with its warning, as on any page.
     */
    @Test
    void anUnattendedTaskListStopsRefreshingAndItsSessionEnds() {
        try (Browser sato = new Browser("http://localhost:" + port)) {
            sato.login("sato");
            assertThat(sato.url()).endsWith("/tasks");
            Instant loaded = Instant.now();
            sato.wait.until(driver -> ((Number) sato.script("return performance.getEntriesByType('resource')"
                    + ".filter(function (e) { return e.name.indexOf('/tasks/rows') >= 0; }).length")).intValue() >= 2);

            await().atMost(TIMEOUT.multipliedBy(3)).until(() -> sato.all("#session-ended-heading").stream()
                    .anyMatch(WebElement::isDisplayed));
            assertThat(Instant.now()).as("it ran on while unattended for the idle limit, and stopped")
                    .isAfter(loaded.plus(TIMEOUT.multipliedBy(2).minusSeconds(4)));
            assertThat(sato.script("return document.getElementById('refresh-paused').hidden")).isEqualTo(false);
            assertThat(sato.find("#session-warning").getText()).contains("ログアウトしました");
            sato.assertAccessible();

            sato.open("/tasks");
            assertThat(sato.url()).as("the server ended the session too").contains("/login");
        }
    }
}
