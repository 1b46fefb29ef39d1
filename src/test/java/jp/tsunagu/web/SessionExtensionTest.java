package jp.tsunagu.web;

import static jp.tsunagu.testsupport.PageSession.csrf;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jp.tsunagu.testsupport.DemoPeople;
import jp.tsunagu.testsupport.PageSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * 続ける in the warning before a page session times out: {@code POST /session/extend} answers 204 to a signed-in page
 * session with its CSRF token, and nothing else gets a 204 or a session from it. The pages say the timeout the
 * session has, here a configured 24 seconds (the context {@link SessionTimeoutBrowserTest} shares).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {SessionExtensionTest.SHORT_TIMEOUT, SessionExtensionTest.FAST_REFRESH})
@ActiveProfiles({"demo", "test"})
class SessionExtensionTest {

    static final String SHORT_TIMEOUT = "server.servlet.session.timeout=24s";
    /** The task list's own refresh, every 2 seconds instead of 30, so that the browser test sees it run and stop. */
    static final String FAST_REFRESH = "tsunagu.tasks.refresh-interval=2s";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aSignedInPageSessionIsExtendedWithoutAnAuditEvent() throws Exception {
        PageSession sato = new PageSession(port).signedInAs("sato");
        String token = csrf(sato.page("/issues/new").body());
        long events = auditEvents();

        HttpResponse<String> extended = sato.post("/session/extend", "_csrf=" + token);

        assertThat(extended.statusCode()).isEqualTo(204);
        assertThat(extended.body()).isEmpty();
        assertThat(auditEvents()).as("keeping a session open changes nothing of the city's").isEqualTo(events);
        assertThat(sato.page("/issues/new").statusCode()).as("still signed in").isEqualTo(200);
    }

    @Test
    void theCsrfTokenIsRequired() throws Exception {
        PageSession sato = new PageSession(port).signedInAs("sato");

        assertThat(sato.post("/session/extend", "").statusCode()).isEqualTo(403);
        assertThat(sato.post("/session/extend", "_csrf=not-the-token").statusCode()).isEqualTo(403);
    }

    @Test
    void aCallerWithoutASessionGetsNeitherASessionNorA204() throws Exception {
        HttpResponse<String> anonymous = send(extend().POST(HttpRequest.BodyPublishers.noBody()));
        HttpResponse<String> basic = send(extend().header("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString("sato:demo".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.noBody()));

        for (HttpResponse<String> response : new HttpResponse[] {anonymous, basic}) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().allValues("Set-Cookie")).as("no session opened").isEmpty();
        }
    }

    /** Signed out in another window (or timed out): the page still holds the old cookie and token. */
    @Test
    void anEndedSessionIsNotOpenedAgainNorIsItsStaleTokenRecordedAsARefusal() throws Exception {
        PageSession sato = new PageSession(port).signedInAs("sato");
        String token = csrf(sato.page("/issues/new").body());
        assertThat(sato.post("/logout", "_csrf=" + token).statusCode()).isEqualTo(302);
        long events = auditEvents();

        HttpResponse<String> stale = sato.post("/session/extend", "_csrf=" + token);

        assertThat(stale.statusCode()).isEqualTo(401);
        assertThat(stale.headers().allValues("Set-Cookie")).as("no new session").isEmpty();
        assertThat(auditEvents()).isEqualTo(events);
    }

    /** Visited the login page (a session with a CSRF token) but never signed in. */
    @Test
    void anAnonymousSessionIsNotExtended() throws Exception {
        PageSession stranger = new PageSession(port);
        String token = csrf(stranger.page("/login").body());

        HttpResponse<String> refused = stranger.post("/session/extend", "_csrf=" + token);

        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void aDisabledPersonsSessionEndsInsteadAsOnAnyPage() throws Exception {
        DemoPeople.probe(jdbc, "encho-kato");
        PageSession kato = new PageSession(port).signedInAs("encho-kato");
        String token = csrf(kato.page("/issues/new").body());
        jdbc.sql("update person set enabled = false where username = 'encho-kato'").update();

        HttpResponse<String> refused = kato.post("/session/extend", "_csrf=" + token);

        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?ended"));
        assertThat(kato.page("/issues/new").statusCode()).as("signed out").isEqualTo(302);
    }

    @Test
    void aSignedInPageSaysTheConfiguredTimeoutAndWhenItWarns() throws Exception {
        PageSession sato = new PageSession(port).signedInAs("sato");

        String page = sato.page("/issues/new").body();

        assertThat(page).contains("data-idle-seconds=\"24\"", "data-warning-seconds=\"20\"",
                "操作がないまま24秒たつと、安全のためログアウトします。あと20秒です。",
                "操作がないまま24秒たったため、安全のためログアウトしました。");
        assertThat(sato.page("/issues/new?lang=en").body()).contains(
                "For security, you are signed out after 24 seconds without activity. 20 seconds left.");
        assertThat(sato.page("/no-such-page").body()).as("an error page too").contains("data-idle-seconds=\"24\"");
    }

    /** The notice that the page is signed out is there on every signed-in page, hidden until tsunagu.js says so. */
    @Test
    void aSignedInPageCarriesTheSignedOutNoticeHidden() throws Exception {
        PageSession sato = new PageSession(port).signedInAs("sato");

        assertThat(sato.page("/issues/new").body()).containsPattern(
                "<div id=\"signed-out-notice\"[^>]* role=\"status\" hidden>\\s*"
                        + "<p>ログアウトしています。入力中の内容はこのページに残っています。[^<]*</p>\\s*"
                        + "<p><a id=\"signed-out-sign-in\" href=\"/login\">もう一度ログインする</a></p>");
        assertThat(sato.page("/tasks?lang=en").body()).contains("You are signed out. What you typed is still on this page");
    }

    @Test
    void theSignInPageHasNoWarning() throws Exception {
        assertThat(new PageSession(port).page("/login").body()).doesNotContain("session-warning", "data-idle-seconds",
                "signed-out-notice");
    }

    private HttpRequest.Builder extend() {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/session/extend"))
                .header("Content-Type", "application/x-www-form-urlencoded");
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private long auditEvents() {
        return jdbc.sql("select count(*) from audit_event").query(Long.class).single();
    }
}
