package jp.tsunagu.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class LanguageSwitchPathTest {

    @Test
    void aPageKeepsItsQueryWithoutTheOldLanguage() {
        MockHttpServletRequest request = get("/issues");
        request.setQueryString("lang=en&status=OPEN&lang&page=2");

        assertThat(LanguageSwitchPath.of(request)).isEqualTo("/issues?status=OPEN&page=2");
    }

    @Test
    void aPostsAddressIsKeptWithoutItsQuery() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/audit/verify");
        request.setQueryString("x=1");

        assertThat(LanguageSwitchPath.of(request)).isEqualTo("/audit/verify");
        assertThat(LanguageSwitchPath.ofError(request)).as("an error after a post has no page to show again").isNull();
    }

    @Test
    void anErrorDispatchedToBootsErrorControllerNamesTheFailedAddress() {
        MockHttpServletRequest request = get("/error");
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/no-such-page");
        request.setQueryString("a=1&lang=ja");

        assertThat(LanguageSwitchPath.ofError(request)).isEqualTo("/no-such-page?a=1");
    }

    @Test
    void theContextPathIsLeftToTheLinkExpression() {
        MockHttpServletRequest request = get("/tsunagu/tasks");
        request.setContextPath("/tsunagu");

        assertThat(LanguageSwitchPath.of(request)).isEqualTo("/tasks");
    }

    @Test
    void anAddressThatWouldLeadOffTheSiteIsNoPath() {
        for (String uri : new String[] {"//elsewhere.example/x", "/\\elsewhere.example", "/a\tb", "http://x/y"}) {
            MockHttpServletRequest request = get("/error");
            request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, uri);
            assertThat(LanguageSwitchPath.ofError(request)).as(uri).isNull();
            assertThat(LanguageSwitchPath.of(get(uri))).as(uri).isNull();
        }
    }

    private static MockHttpServletRequest get(String uri) {
        return new MockHttpServletRequest("GET", uri);
    }
}
