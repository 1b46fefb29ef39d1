package jp.tsunagu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import jp.tsunagu.testsupport.PageSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * On an error page the language switch stays on the failed address, with its query, in the other language: both for
 * the pages' own error answers and for those of Spring Boot's error controller, which only a real server dispatches.
 * Shares its application context with {@link PageSecurityTest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class ErrorPageLanguageSwitchTest {

    private static final String NOBODYS_ISSUE = "/issues/00000000-0000-0000-0000-000000000000";

    @LocalServerPort
    int port;

    PageSession sato;

    @BeforeEach
    void signIn() throws Exception {
        sato = new PageSession(port).signedInAs("sato");
    }

    @Test
    void aMissingIssueSwitchesToTheSameIssueAddressInEnglish() throws Exception {
        HttpResponse<String> missing = sato.page(NOBODYS_ISSUE + "?from=tasks");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("<title>ページが見つかりません | つなぐ</title>",
                "href=\"" + NOBODYS_ISSUE + "?from=tasks&amp;lang=en\"", "href=\"" + NOBODYS_ISSUE + "?from=tasks&amp;lang=ja\"");

        HttpResponse<String> english = sato.page(NOBODYS_ISSUE + "?from=tasks&lang=en");
        assertThat(english.statusCode()).isEqualTo(404);
        assertThat(english.body()).contains("<title>Page not found | Tsunagu</title>",
                "href=\"" + NOBODYS_ISSUE + "?from=tasks&amp;lang=ja\"");
    }

    @Test
    void anUnknownPageAnsweredBySpringBootsErrorControllerKeepsItsAddressAndQuery() throws Exception {
        HttpResponse<String> missing = sato.page("/no-such-page?a=1&lang=en&b=2");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("<title>Page not found | Tsunagu</title>",
                "href=\"/no-such-page?a=1&amp;b=2&amp;lang=ja\"").doesNotContain("href=\"/error");
    }

    @Test
    void aRefusalOfTheSecurityChainKeepsItsAddress() throws Exception {
        HttpResponse<String> refused = sato.page("/audit/timeline?issueId=2026-000001");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("href=\"/audit/timeline?issueId=2026-000001&amp;lang=en\"");
    }

    @Test
    void theSwitchNeverLeadsOffTheSiteNorShowsTheAddressUnescaped() throws Exception {
        HttpResponse<String> offSite = sato.page("//elsewhere.example/x?y=1");
        assertThat(offSite.body()).as("status %d", offSite.statusCode())
                .contains("href=\"/?lang=en\"").doesNotContain("elsewhere.example");

        HttpResponse<String> quoted = sato.page("/no-such-page?q=a'b%22%3Cscript%3E");
        assertThat(quoted.statusCode()).isEqualTo(404);
        assertThat(quoted.body()).contains("href=\"/no-such-page?q=a&#39;b%22%3Cscript%3E&amp;lang=en\"")
                .doesNotContain("a'b").doesNotContain("<script>");
    }
}
