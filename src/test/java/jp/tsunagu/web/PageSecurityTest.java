package jp.tsunagu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.tsunagu.testsupport.PageSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The page chain over real HTTP, without a browser, so that it runs everywhere: the login page, CSRF on forms, a new
 * session id at login, and the headers that keep pages out of frames and caches and scripts to the app's own.
 * Shares its application context with the browser tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class PageSecurityTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    @Test
    void aPageAsksForTheLoginFirst() throws Exception {
        HttpResponse<String> tasks = get("/tasks");
        assertThat(tasks.statusCode()).isEqualTo(302);
        assertThat(tasks.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void theLoginNeedsTheCsrfTokenAndRenewsTheSession() throws Exception {
        HttpResponse<String> page = get("/login");
        assertThat(page.statusCode()).isEqualTo(200);
        String before = sessionId();
        assertThat(post("/login", "username=sato&password=demo").statusCode()).as("no CSRF token").isEqualTo(403);

        HttpResponse<String> login = post("/login", "username=sato&password=demo&_csrf=" + csrf(page.body()));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/tasks"));
        assertThat(sessionId()).as("session fixation protection").isNotEqualTo(before);

        HttpResponse<String> issue = get("/issues/new");
        assertThat(issue.statusCode()).isEqualTo(200);
        assertThat(issue.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        assertThat(issue.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("script-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
                .doesNotContain("unsafe-eval").doesNotContain("script-src 'self' 'unsafe-inline'"));
        assertThat(issue.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(issue.body()).doesNotContain("<script>").doesNotContain("onclick=");

        HttpResponse<String> logout = post("/logout", "_csrf=" + csrf(issue.body()));
        assertThat(logout.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?logout"));
        assertThat(get("/tasks").statusCode()).isEqualTo(302);
    }

    @Test
    void anAdministratorStartsAtAdministrationUnlessTheyAskedForAPageFirst() throws Exception {
        HttpResponse<String> login = post("/login", "username=admin&password=demo&_csrf=" + csrf(get("/login").body()));
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/admin"));
        HttpResponse<String> start = page("/admin/organisation");
        assertThat(start.body()).as("no task list and no dashboard: both are always empty for an administrator")
                .doesNotContain("href=\"/tasks\"").doesNotContain("href=\"/dashboard\"")
                .contains("<a class=\"site-logo\" href=\"/\">");
        assertThat(page("/").headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/admin"));
        post("/logout", "_csrf=" + csrf(start.body()));

        page("/admin/calendar");
        HttpResponse<String> asked = post("/login", "username=admin&password=demo&_csrf=" + csrf(get("/login").body()));
        assertThat(asked.headers().firstValue("Location")).as("the page asked for before signing in")
                .hasValueSatisfying(l -> assertThat(l).contains("/admin/calendar"));
    }

    /** A page left open until its token went stale: the reader is told to reload, the auditor sees it was no attack. */
    @Test
    void aStaleFormTokenAsksToReloadAndIsAuditedAsCsrfNotAsForbidden() throws Exception {
        login("sato");
        long lastSeq = jdbc.sql("select coalesce(max(seq), 0) from audit_event").query(Long.class).single();

        HttpResponse<String> stale = post("/issues", "title=x&_csrf=a-token-from-an-old-session");

        assertThat(stale.statusCode()).isEqualTo(403);
        assertThat(stale.body()).contains("ページの有効期限が切れたため、操作を受け付けられませんでした。")
                .contains("<title>ページの有効期限が切れました | つなぐ</title>")
                .doesNotContain("この操作を行う権限がありません。");
        assertThat(jdbc.sql("select details from audit_event where action = 'ACCESS_DENIED' and actor = 'sato'"
                        + " and seq > ?").param(lastSeq).query(String.class).list())
                .containsExactly("{\"method\":\"POST\",\"path\":\"/issues\",\"reason\":\"csrf\"}");
        post("/logout", "_csrf=" + csrf(get("/tasks").body()));
    }

    @Test
    void auditPagesAreForAuditorsAndAdminPagesForAdministrators() throws Exception {
        login("sato");
        HttpResponse<String> refused = page("/audit");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).as("the refusal says what happened, not 'try again later'")
                .contains("この操作を行う権限がありません。").doesNotContain("時間をおいて")
                .as("the title names the problem, the first thing a screen reader reads")
                .contains("<title>権限がありません | つなぐ</title>");
        HttpResponse<String> missing = page("/no-such-page");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("お探しのページは見つかりませんでした。")
                .contains("<title>ページが見つかりません | つなぐ</title>");
        assertThat(get("/audit/export.csv").statusCode()).isEqualTo(403);
        assertThat(get("/admin/organisation").statusCode()).isEqualTo(403);
        post("/logout", "_csrf=" + csrf(get("/tasks").body()));

        login("admin");
        assertThat(get("/audit/timeline").statusCode()).isEqualTo(403);
        HttpResponse<String> calendar = get("/admin/calendar");
        assertThat(calendar.statusCode()).isEqualTo(200);
        // A multipart form carries its CSRF token in the body; a broken file comes back as a message, nothing changes.
        String boundary = "----tsunagu" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf(calendar.body())
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\nnot a holiday file\r\n--" + boundary + "--\r\n";
        HttpResponse<String> upload = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/admin/calendar/holidays"))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(upload.statusCode()).isEqualTo(302);
        assertThat(get("/admin/calendar").body()).contains("id=\"holidays-error\"");
    }

    /** The configured 30 minutes, warned about 2 minutes ahead (SessionExtensionTest sets another timeout). */
    @Test
    void aSignedInPageWarnsTwoMinutesBeforeItsSessionTimesOut() throws Exception {
        PageSession sato = new PageSession(port).signedInAs("sato");

        assertThat(sato.page("/issues/new").body()).contains("data-idle-seconds=\"1800\"", "data-warning-seconds=\"120\"",
                "操作がないまま30分たつと、安全のためログアウトします。あと2分です。");
        assertThat(sato.page("/issues/new?lang=en").body()).contains(
                "For security, you are signed out after 30 minutes without activity. 2 minutes left.");
    }

    @Test
    void theWebJarsAreServedWithoutVersionsInTheirPaths() throws Exception {
        assertThat(get("/webjars/htmx.org/dist/htmx.min.js").statusCode()).isEqualTo(200);
        assertThat(get("/webjars/bpmn-js/dist/bpmn-viewer.production.min.js").statusCode()).isEqualTo(200);
        assertThat(get("/webjars/chart.js/dist/chart.umd.min.js").statusCode()).isEqualTo(200);
    }

    private void login(String username) throws IOException, InterruptedException {
        HttpResponse<String> login = post("/login",
                "username=" + username + "&password=demo&_csrf=" + csrf(get("/login").body()));
        assertThat(login.statusCode()).isEqualTo(302);
    }

    private String sessionId() {
        return ((CookieManager) http.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("JSESSIONID")).map(c -> c.getValue()).findFirst().orElse(null);
    }

    private static String csrf(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("a CSRF field in the page").isTrue();
        return m.group(1);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** As a browser asks: for a page. */
    private HttpResponse<String> page(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
    }

    /** As a browser posts a form, asking for a page in answer. */
    private HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
