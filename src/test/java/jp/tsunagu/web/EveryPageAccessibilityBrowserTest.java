package jp.tsunagu.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jp.tsunagu.issue.Category;
import jp.tsunagu.issue.IssueIntake;
import jp.tsunagu.issue.RaiseIssueRequest;
import jp.tsunagu.issue.Severity;
import jp.tsunagu.org.ApiTokens;
import jp.tsunagu.org.Organisation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every page, for the person who uses it, in Japanese and in English, checked with axe-core against the WCAG 2.x A
 * and AA rules (JIS X 8341-3 AA as far as a machine can tell). The journey test checks the pages in the states a
 * journey leaves them in; this one makes sure none is left out, the error pages included. Each page must also reflow
 * to 320 CSS pixels without scrolling sideways (WCAG 1.4.10).
 */
@RequiresChromium
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class EveryPageAccessibilityBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    IssueIntake intake;

    @Autowired
    Organisation organisation;

    @Autowired
    ApiTokens tokens;

    /** An issue of 市民課 with personal details, so that its page shows the reveal form. */
    String issueId;

    @BeforeEach
    void raiseAnIssue() {
        issueId = intake.raise(new RaiseIssueRequest("アクセシビリティ確認 " + UUID.randomUUID().toString().substring(0, 8),
                "窓口での相談。", Category.CITIZEN_SERVICE, Severity.MEDIUM, "shimin-ka", List.of("hoken-nenkin"), true,
                "山田 太郎"), organisation.findPerson("sato").orElseThrow(), Optional.empty()).id();
    }

    private String base() {
        return "http://localhost:" + port;
    }

    @Test
    void staffPagesAndTheErrorPages() {
        try (Browser sato = new Browser(base())) {
            sato.login("sato");
            checkInBothLanguages(sato, "/tasks", "/issues", "/issues/new", "/issues/import", "/notifications",
                    "/issues/" + issueId,
                    // Past the last page, so that the page links (fragments/pager) are there to check.
                    "/issues?page=999",
                    // Not visible, refused and unknown: the three error pages a person meets.
                    "/issues/" + UUID.randomUUID(), "/admin/organisation", "/no-such-page");
            sato.open("/issues?page=999");
            assertThat(sato.all("nav.pager #last-page-link")).hasSize(1);
        }
    }

    @Test
    void supervisorAndDepartmentPages() {
        try (Browser suzuki = new Browser(base())) {
            suzuki.login("suzuki");
            checkInBothLanguages(suzuki, "/approvals", "/dashboard");
        }
        try (Browser tanaka = new Browser(base())) {
            tanaka.login("tanaka");
            checkInBothLanguages(tanaka, "/tasks", "/tasks?page=999", "/dashboard", "/issues/" + issueId);
            tanaka.open("/tasks?page=999");
            assertThat(tanaka.all("nav.pager #last-page-link")).hasSize(1);
        }
    }

    @Test
    void auditorPages() {
        try (Browser watanabe = new Browser(base())) {
            watanabe.login("watanabe");
            checkInBothLanguages(watanabe, "/audit", "/audit?issueId=" + issueId, "/audit?page=99999",
                    "/audit/timeline", "/audit/timeline?issueId=" + issueId, "/audit/verify", "/issues/" + issueId);
            watanabe.open("/audit?page=99999");
            assertThat(watanabe.all("nav.pager #last-page-link")).hasSize(1);
        }
    }

    /** With a token that expires within 30 days, so that the token page shows its warning too. */
    @Test
    void administratorPages() {
        tokens.issue("rpa-bot", Set.of("shimin-ka"), "まもなく期限切れ", LocalDate.now(ZoneId.of("Asia/Tokyo")).plusDays(10),
                "admin");
        try (Browser admin = new Browser(base())) {
            admin.login("admin");
            checkInBothLanguages(admin, "/admin/organisation", "/admin/calendar", "/admin/sla", "/admin/webhooks",
                    "/admin/api-tokens");
            assertThat(admin.text("#tokens-expiring")).contains("expire within 30 days", "まもなく期限切れ");
        }
    }

    /** Revoking a token cannot be undone, so the page asks first (WCAG 3.3.4); "cancel" leaves the token as it was. */
    @Test
    void revokingATokenAsksFirst() {
        tokens.issue("rpa-bot", Set.of("shimin-ka"), "取消確認", LocalDate.now(ZoneId.of("Asia/Tokyo")).plusDays(100), "admin");
        String revoke = "button[aria-label='トークン「取消確認」を失効させる']";
        try (Browser admin = new Browser(base())) {
            admin.login("admin");
            admin.open("/admin/api-tokens");
            admin.script("window.confirm = function (question) { window.asked = question; return false; };");
            admin.find(revoke).click();
            assertThat(admin.script("return window.asked")).asString().contains("取消確認", "元には戻せません");
            admin.open("/admin/api-tokens");
            assertThat(admin.all(revoke)).hasSize(1);

            admin.script("window.confirm = function () { return true; };");
            admin.submit(revoke);
            assertThat(admin.all(revoke)).isEmpty();
        }
    }

    /**
     * A token's new last valid day: a day the browser would not send (one without a date picker may) comes back open
     * at that token's field, marked and described, the page accessible; a good day is changed and said so.
     */
    @Test
    void aTokensNewLastDayIsRefusedAtItsFieldOrChanged() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        String id = tokens.issue("rpa-bot", Set.of("shimin-ka"), "期限変更確認", today.plusDays(100), "admin").id();
        String field = "#token-expiry-" + id;
        String save = "button[aria-label='トークン「期限変更確認」の有効期限を変更する']";
        try (Browser admin = new Browser(base())) {
            admin.login("admin");
            admin.open("/admin/api-tokens");
            admin.find("summary[aria-label='トークン「期限変更確認」の有効期限の変更']").click();
            assertThat(admin.find(field).getAttribute("value")).isEqualTo(today.plusDays(100).toString());
            String tooLate = today.plusYears(4).toString();
            admin.script("arguments[0].removeAttribute('max'); arguments[0].value = arguments[1];", admin.find(field),
                    tooLate);
            admin.submit(save);

            assertThat(admin.script("return document.title")).asString().startsWith("エラー：");
            assertThat(admin.find(field).getAttribute("value")).isEqualTo(tooLate);
            assertThat(admin.find(field).getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(admin.find(field).getAttribute("aria-describedby"))
                    .isEqualTo("token-expiry-" + id + "-error token-expiry-" + id + "-hint");
            assertThat(admin.text(field + "-error")).contains(today.plusYears(3).toString());
            admin.assertAccessible();
            admin.assertReflows();

            admin.script("arguments[0].value = arguments[1];", admin.find(field), today.plusYears(2).toString());
            admin.submit(save);
            assertThat(admin.text(".notice--success")).isEqualTo("有効期限を変更しました。");
            assertThat(admin.all(field + "-error")).isEmpty();
            assertThat(admin.all(field).get(0).getAttribute("value")).isEqualTo(today.plusYears(2).toString());
        }
    }

    @Test
    void theLoginPage() {
        try (Browser anyone = new Browser(base())) {
            checkInBothLanguages(anyone, "/login");
        }
    }

    /**
     * The sentence beside the process diagram, its text alternative, names the current step in the page's language:
     * the diagram's names are bilingual, and Japanese left in an English sentence is read with the wrong voice.
     */
    @Test
    void theDiagramsCurrentStepIsNamedInThePagesLanguage() {
        try (Browser sato = new Browser(base())) {
            sato.login("sato");
            assertThat(currentStep(sato, "en")).isEqualTo("Current position: Acknowledge");
            assertThat(currentStep(sato, "ja")).isEqualTo("現在の位置: 受付");
        }
    }

    private String currentStep(Browser browser, String language) {
        browser.open("/issues/" + issueId + "?lang=" + language);
        browser.wait.until(d -> d.findElement(By.id("diagram")).getAttribute("data-highlighted") != null);
        return browser.text("#diagram-current");
    }

    /** The check itself can fail: an image without a text alternative, added to a page that passes, is named. */
    @Test
    void theCheckNamesAViolation() {
        try (Browser anyone = new Browser(base())) {
            anyone.open("/login");
            anyone.assertAccessible();
            anyone.script("var img = document.createElement('img'); img.src = '/favicon.ico';"
                    + "document.querySelector('main').appendChild(img);");
            assertThatThrownBy(anyone::assertAccessible).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("image-alt");
        }
    }

    /** Each page in Japanese first, then each in English; the page's own language is declared each time. */
    private static void checkInBothLanguages(Browser browser, String... paths) {
        for (String language : List.of("ja", "en")) {
            for (String path : paths) {
                browser.open(path + (path.contains("?") ? "&" : "?") + "lang=" + language);
                assertThat(browser.find("html").getAttribute("lang")).as(path).isEqualTo(language);
                browser.find("main");
                browser.assertAccessible();
                browser.assertReflows();
            }
        }
    }
}
