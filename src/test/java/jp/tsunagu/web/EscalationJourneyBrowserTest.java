package jp.tsunagu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import jp.tsunagu.issue.IssueFilter;
import jp.tsunagu.issue.IssueQueries;
import jp.tsunagu.org.Organisation;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The issue's journey through the pages, in real headless Chromium: staff raise and acknowledge it and request
 * escalation, the chief approves in another session, the department sees it and 福祉部 does not, and the
 * department resolves it. Every page is checked with axe-core and photographed for the docs.
 */
@RequiresChromium
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class EscalationJourneyBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    IssueQueries queries;

    @Autowired
    Organisation organisation;

    String base() {
        return "http://localhost:" + port;
    }

    @Test
    void anIssueTravelsFromTheSectionToTheDepartmentAndIsResolved() throws Exception {
        String title = "窓口の混雑 " + UUID.randomUUID().toString().substring(0, 8);
        String issueUrl;

        try (Browser sato = new Browser(base())) {
            sato.open("/login");
            sato.find("#username");
            sato.assertAccessible();
            sato.screenshot("01-login");

            sato.login("sato");
            sato.find("#task-table");
            sato.assertAccessible();

            // Raise: empty fields are refused with Japanese messages next to them.
            sato.open("/issues/new");
            sato.submit("#raise-submit");
            assertThat(sato.text("#title-error")).isEqualTo("入力してください。");
            assertThat(sato.text("#category-error")).isEqualTo("選択してください。");
            // The title says so, and focus is on the summary, so that a screen reader announces the problem.
            assertThat(sato.script("return document.title")).isEqualTo("エラー：課題の登録 | つなぐ");
            assertThat(sato.script("return document.activeElement.id")).isEqualTo("form-errors");
            sato.assertAccessible();
            sato.screenshot("03-raise-validation");

            // The personal-details field appears with its reminder only when the box is ticked.
            assertThat(sato.all("#personal-details-group").get(0).isDisplayed()).isFalse();
            sato.find("label[for=personalInfo1]").click();
            assertThat(sato.find("#personal-reminder").getText()).contains("暗号化");
            sato.find("label[for=personalInfo1]").click();

            sato.type("#title", title);
            sato.type("#description", "午前中の窓口で1時間以上の待ちが発生している。");
            new org.openqa.selenium.support.ui.Select(sato.find("#category")).selectByValue("CITIZEN_SERVICE");
            new org.openqa.selenium.support.ui.Select(sato.find("#severity")).selectByValue("MEDIUM");
            // The language switch sends the form along: what was typed survives it, both ways.
            sato.submit("button.lang-switch-option[value=en]");
            assertThat(sato.script("return document.title")).isEqualTo("Raise an issue | Tsunagu");
            assertThat(sato.url()).endsWith("/issues/new");
            assertThat(sato.find("#title").getAttribute("value")).isEqualTo(title);
            sato.submit("button.lang-switch-option[value=ja]");
            assertThat(sato.script("return document.title")).isEqualTo("課題の登録 | つなぐ");
            assertThat(sato.find("#title").getAttribute("value")).isEqualTo(title);
            assertThat(sato.find("#description").getAttribute("value")).startsWith("午前中の窓口で");
            assertThat(sato.find("#severity").getAttribute("value")).isEqualTo("MEDIUM");
            assertThat(countIssues(title)).isZero();
            sato.screenshot("04-raise");
            // Two submissions of the same form (a double click that beats the disabled button) raise one issue.
            sato.script("var f = document.querySelector('form[data-submit-once][action$=\"/issues\"]');"
                    + "HTMLFormElement.prototype.submit.call(f); HTMLFormElement.prototype.submit.call(f);");
            sato.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("issue-status")));
            issueUrl = sato.url().replace(base(), "");
            assertThat(issueUrl).matches("/issues/[0-9a-f-]{36}");
            assertThat(countIssues(title)).isEqualTo(1);
            assertThat(sato.find("#issue-status").getAttribute("data-status")).isEqualTo("OPEN");
            assertThat(sato.text(".level-path-step--current")).contains("所管課");

            // Acknowledge.
            sato.submit("#action-acknowledge");
            assertThat(sato.find("#issue-status").getAttribute("data-status")).isEqualTo("IN_PROGRESS");
            assertThat(sato.text(".notice--success")).isEqualTo("受付しました。");
            assertThat(sato.script("return document.activeElement.className")).isEqualTo("notice notice--success");
            sato.wait.until(d -> d.findElement(By.id("diagram")).getAttribute("data-highlighted") != null);
            assertThat(sato.find("#diagram").getAttribute("data-highlighted")).contains("Task_Respond");
            sato.assertAccessible();
            sato.screenshot("05-issue-detail");

            // Request escalation with a reason.
            sato.type("#escalation-reason-input", "保険年金課の手続きにも影響があるため部内で共有したい。");
            sato.submit("#action-request-escalation");
            assertThat(sato.find("#issue-status").getAttribute("data-status")).isEqualTo("ESCALATION_REQUESTED");
            assertThat(sato.all("#action-approve")).as("nobody approves their own request").isEmpty();
        }

        try (Browser suzuki = new Browser(base())) {
            suzuki.login("suzuki");
            String id = issueUrl.substring("/issues/".length());
            // Other tests' issues fill the first pages of the list, due sooner: the filter finds the one approval.
            suzuki.open("/tasks?kind=APPROVE_ESCALATION");
            assertThat(suzuki.all(".task-row[data-kind=APPROVE_ESCALATION][data-issue-id='" + id + "']")).hasSize(1);
            suzuki.assertAccessible();
            suzuki.screenshot("02-tasks");
            suzuki.open("/approvals");
            String card = ".approval[data-issue-id='" + id + "']";
            assertThat(suzuki.text(card + " .approval-reason")).contains("部内で共有したい");
            suzuki.assertAccessible();
            suzuki.screenshot("06-approvals");
            suzuki.submit(card + " form[action$='/approve'] button");
            assertThat(suzuki.text(".notice--success")).isEqualTo("承認しました。");
            assertThat(suzuki.all(card)).isEmpty();
        }

        try (Browser takahashi = new Browser(base())) {
            takahashi.login("takahashi");
            takahashi.open(issueUrl);
            assertThat(takahashi.text(".level-path-step--current")).contains("部内共有");
            assertThat(takahashi.text("h1")).isEqualTo(title);
        }

        try (Browser yamamoto = new Browser(base())) {
            yamamoto.login("yamamoto");
            yamamoto.open(issueUrl);
            assertThat(yamamoto.text("#problem")).contains("見つからないか、閲覧する権限がありません");
            assertThat(yamamoto.all("h1").get(0).getText()).doesNotContain(title);
            yamamoto.assertAccessible();
            yamamoto.screenshot("07-not-found");
        }

        try (Browser kimura = new Browser(base())) {
            kimura.login("kimura");
            kimura.open(issueUrl);
            kimura.submit("#action-acknowledge");
            kimura.type("#resolution", "窓口を1つ増設し、待ち時間を解消した。");
            kimura.submit("#action-resolve");
            assertThat(kimura.find("#issue-status").getAttribute("data-status")).isEqualTo("RESOLVED");
            assertThat(kimura.all("#timeline li[data-action=ISSUE_RESOLVED]")).hasSize(1);
            assertThat(kimura.all("#actions form")).isEmpty();
            kimura.assertAccessible();
            kimura.screenshot("08-issue-resolved");
        }

        // The resolved issue has left every task list; the raiser finds it again in 課題一覧.
        try (Browser sato = new Browser(base())) {
            sato.login("sato");
            sato.find(".site-nav a[href='/issues']").click();
            sato.type("#f-q", title);
            new Select(sato.find("#f-status")).selectByValue("RESOLVED");
            sato.submit(".filters button[type=submit]");
            assertThat(sato.all(".issue-row")).hasSize(1);
            assertThat(sato.text(".issue-row")).contains(title, "解決済み", "部内共有");
            sato.find(".issue-row a").click();
            sato.wait.until(ExpectedConditions.textToBe(By.tagName("h1"), title));
            sato.open("/issues");
            sato.assertAccessible();
            sato.screenshot("15-issues");
            sato.open("/notifications");
            sato.assertAccessible();
            sato.submit("#read-all button");
            assertThat(sato.text(".notice--success")).isEqualTo("すべてのお知らせを既読にしました。");
            assertThat(sato.text(".notifications-link")).contains("未読 0件");
            assertThat(sato.find("#mode-INSTANT").isSelected()).isTrue();

            // The raise page leads to the CSV import; a file with a good and a bad row gets a report by row.
            sato.open("/issues/new");
            sato.find("#import-link").click();
            sato.find("#import-form");
            sato.assertAccessible();
            java.nio.file.Path csv = java.nio.file.Files.createTempFile("ocr", ".csv");
            java.nio.file.Files.writeString(csv, "title,category,severity,sectionCode\r\n"
                    + "AI-OCR 読取 " + title + ",OTHER,LOW,shimin-ka\r\n,OTHER,LOW,shimin-ka\r\n");
            sato.find("#import-file").sendKeys(csv.toAbsolutePath().toString());
            sato.submit("#import-submit");
            assertThat(sato.text("#report-summary")).isEqualTo("2行のうち 1件を登録しました。誤りのある行は 1行です。");
            assertThat(sato.text("#report-table tr[data-status=INVALID]")).contains("件名が空です。");
            sato.assertAccessible();
            java.nio.file.Files.delete(csv);
        }

        try (Browser tanaka = new Browser(base())) {
            tanaka.login("tanaka");
            tanaka.open("/dashboard");
            tanaka.find("#table-ack");
            assertThat(tanaka.text("#table-ack tbody")).contains("市民課");
            assertThat(tanaka.find("#breach-rate").getText()).contains("%");
            tanaka.wait.until(d -> "true".equals(d.findElement(By.id("chart-aging")).getAttribute("data-drawn")));
            tanaka.assertAccessible();
            tanaka.screenshot("10-dashboard");
        }
    }

    @Test
    void personalDetailsAreRevealedForAPurposeAndAuditorsAndAdministratorsHaveTheirPages() {
        String title = "個人情報を含む相談 " + UUID.randomUUID().toString().substring(0, 8);
        String issueId;

        try (Browser sato = new Browser(base())) {
            sato.login("sato");
            sato.open("/issues/new");
            sato.type("#title", title);
            sato.type("#description", "窓口で受けた相談の記録。");
            new org.openqa.selenium.support.ui.Select(sato.find("#category")).selectByValue("CITIZEN_SERVICE");
            new org.openqa.selenium.support.ui.Select(sato.find("#severity")).selectByValue("LOW");
            sato.find("label[for=personalInfo1]").click();
            sato.type("#personalDetails", "山田 太郎 042-000-0000");
            sato.submit("#raise-submit");
            issueId = sato.url().replace(base() + "/issues/", "");
            assertThat(issueId).matches("[0-9a-f-]{36}");

            // The details stay masked until a purpose is given; the browser refuses the form without one.
            assertThat(sato.text("main")).doesNotContain("山田 太郎");
            assertThat(sato.find("#reveal-purpose").getAttribute("required")).isNotNull();
            assertThat(sato.text("label[for=reveal-purpose]")).isEqualTo("表示する目的（必須）");
            sato.type("#reveal-purpose", "本人へ折り返し連絡するため");
            sato.submit("#action-reveal");
            assertThat(sato.text("#revealed-details")).isEqualTo("山田 太郎 042-000-0000");
            assertThat(sato.url()).doesNotContain("山田").endsWith("/personal-details");
            sato.assertAccessible();
            sato.screenshot("14-reveal");
        }

        try (Browser watanabe = new Browser(base())) {
            watanabe.login("watanabe");
            watanabe.find(".site-nav a[href='/audit']").click();
            watanabe.type("#a-issue", issueId);
            watanabe.submit("#audit-search-submit");
            assertThat(watanabe.all("#audit-table tr[data-action=PERSONAL_DETAILS_REVEALED]")).hasSize(1);
            assertThat(watanabe.find("#audit-export").getAttribute("href")).contains("/audit/export.csv?issueId=" + issueId);
            watanabe.assertAccessible();

            watanabe.find("#audit-table a[href*='/audit/timeline']").click();
            watanabe.find("#audit-timeline");
            assertThat(watanabe.all("#audit-timeline tr[data-source=AUDIT_TRAIL]")).isNotEmpty();
            assertThat(watanabe.all("#audit-timeline tr[data-source=ENGINE_ACTIVITY]")).isNotEmpty();
            assertThat(watanabe.text("#audit-timeline")).contains("個人情報の表示").doesNotContain("山田 太郎");
            watanabe.assertAccessible();
            watanabe.screenshot("11-audit-timeline");
            // From the issue itself, an auditor reaches the same timeline.
            watanabe.open("/issues/" + issueId);
            watanabe.find("#audit-timeline-link").click();
            assertThat(watanabe.find("#t-issue").getDomProperty("value")).isEqualTo(issueId);
            assertThat(watanabe.all("#audit-timeline tr[data-source=ENGINE_ACTIVITY]")).isNotEmpty();

            watanabe.open("/audit/verify");
            watanabe.submit("#verify-run");
            assertThat(watanabe.find("#verify-result").getAttribute("data-valid")).isEqualTo("true");
            assertThat(watanabe.text("#verify-outcome")).isEqualTo("改ざんは見つかりませんでした。");
            watanabe.assertAccessible();
            watanabe.screenshot("12-audit-verify");
            assertThat(watanabe.all(".site-nav a[href='/admin']")).isEmpty();
        }

        try (Browser admin = new Browser(base())) {
            admin.login("admin");
            admin.find(".site-nav a[href='/admin']").click();
            assertThat(admin.text("section[data-department=shimin-seikatsu]")).contains("市民課", "佐藤", "部長");
            admin.assertAccessible();
            admin.screenshot("13-admin");
            // The rename form shows the chosen unit's current names, ready to edit.
            new Select(admin.find("#rename-unit-choice")).selectByValue("section:keizai");
            assertThat(admin.find("#rename-nameJa").getDomProperty("value")).isEqualTo("経済課");
            assertThat(admin.find("#rename-nameEn").getDomProperty("value")).isEqualTo("Economy Section");
            admin.type("#rename-person-mailAddress", "someone@city.example.lg.jp");
            new Select(admin.find("#rename-person-username")).selectByValue("suzuki");
            assertThat(admin.find("#rename-person-displayName").getDomProperty("value")).isEqualTo("鈴木 一郎");
            assertThat(admin.find("#rename-person-mailAddress").getDomProperty("value")).as("suzuki has none").isEmpty();
            admin.open("/admin/calendar");
            assertThat(admin.text("#holidays-covered")).contains("12-31");
            admin.find("#holiday-file");
            admin.assertAccessible();
            admin.open("/admin/sla");
            assertThat(admin.all("#sla-table tbody tr")).hasSize(4);
            // The change form shows the chosen severity's targets in force, ready to edit.
            assertThat(admin.find("#sla-acknowledge").getDomProperty("value")).isEqualTo("PT30M");
            new Select(admin.find("#sla-severity")).selectByValue("LOW");
            assertThat(admin.find("#sla-calendar").getDomProperty("value")).isEqualTo("business");
            assertThat(admin.find("#sla-acknowledge").getDomProperty("value")).isEqualTo("P2D");
            assertThat(admin.find("#sla-resolve").getDomProperty("value")).isEqualTo("P10D");
            admin.assertAccessible();
            admin.open("/admin/webhooks");
            new Select(admin.find("#webhook-unit")).selectByValue("section:shimin-ka");
            admin.type("#webhook-url", "https://chat.example.lg.jp/hooks/T0KEN");
            admin.find("#webhook-event-TASK_ASSIGNED").click();
            admin.submit("#webhook-register");
            assertThat(admin.text("#new-secret code")).hasSizeGreaterThanOrEqualTo(32);
            assertThat(admin.text("#webhook-table tbody")).contains("市民課", "https://chat.example.lg.jp/…", "受付依頼")
                    .doesNotContain("T0KEN");
            // Its events change in place: the form opens under the list, ticked as they are.
            String row = "#webhook-table tr[data-webhook='" + admin.all("#webhook-table .webhook-row").stream()
                    .filter(tr -> tr.getText().contains("chat.example.lg.jp")).findFirst().orElseThrow()
                    .getAttribute("data-webhook") + "']";
            admin.find(row + " .row-edit summary").click();
            org.openqa.selenium.WebElement breached = admin.find(row + " input[value=SLA_BREACHED]");
            assertThat(admin.find(row + " input[value=TASK_ASSIGNED]").isSelected()).isTrue();
            assertThat(breached.isSelected()).isFalse();
            admin.assertAccessible();
            breached.click();
            admin.submit(row + " .webhook-events-save");
            assertThat(admin.text(".notice--success")).startsWith("送る出来事を保存しました。");
            assertThat(admin.text(row)).contains("受付依頼", "期限超過");
            admin.assertAccessible();
            admin.open("/admin/api-tokens");
            new Select(admin.find("#token-account")).selectByValue("rpa-bot");
            admin.find("#token-section-shimin-ka").click();
            admin.type("#token-label", "AI-OCR 申請書");
            admin.submit("#token-issue");
            assertThat(admin.text("#new-token code")).startsWith("tsu_");
            assertThat(admin.text("#token-table tbody")).contains("AI-OCR 申請書", "rpa-bot", "市民課");
            admin.assertAccessible();
            admin.open("/audit");
            assertThat(admin.all("#audit-table")).as("auditors only").isEmpty();
        }
    }

    @Test
    void aWrongPasswordIsRefusedInJapanese() {
        try (Browser browser = new Browser(base())) {
            browser.open("/login");
            browser.type("#username", "sato");
            browser.type("#password", "wrong");
            browser.submit("form button[type=submit]");
            assertThat(browser.text("#login-error")).isEqualTo("ユーザー名またはパスワードが正しくありません。");
            assertThat(browser.url()).contains("/login?error");
            browser.assertAccessible();
        }
    }

    @Test
    void theLanguageSwitchesToEnglishAndStays() {
        try (Browser browser = new Browser(base())) {
            browser.login("suzuki");
            assertThat(browser.text("h1")).isEqualTo("タスク一覧");
            browser.find(".lang-switch a[lang=en]").click();
            browser.wait.until(d -> "Tasks".equals(d.findElement(By.tagName("h1")).getText()));
            browser.open("/issues/new");
            assertThat(browser.text("h1")).isEqualTo("Raise an issue");
            assertThat(browser.find("html").getAttribute("lang")).isEqualTo("en");
            browser.open("/tasks");
            browser.find("#task-table");
            browser.assertAccessible();
            browser.screenshot("09-tasks-english");
        }
    }

    private long countIssues(String title) {
        return queries.list(new IssueFilter(null, null, null, null, title, null, 0, 50),
                organisation.findPerson("sato").orElseThrow()).total();
    }
}
