package jp.tsunagu.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One person's pages over real HTTP without a browser: the session and language cookies, and the login form. */
public final class PageSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private final int port;

    public PageSession(int port) {
        this.port = port;
    }

    public PageSession signedInAs(String username) throws IOException, InterruptedException {
        HttpResponse<String> login = post("/login",
                "username=" + username + "&password=demo&_csrf=" + csrf(page("/login").body()));
        assertThat(login.statusCode()).as("signed in").isEqualTo(302);
        return this;
    }

    /** The CSRF token of the page's first form. */
    public static String csrf(String html) {
        Matcher token = CSRF.matcher(html);
        assertThat(token.find()).as("a CSRF field in the page").isTrue();
        return token.group(1);
    }

    /** As a browser asks for a page; redirects are not followed. */
    public HttpResponse<String> page(String path) throws IOException, InterruptedException {
        return http.send(request(path).header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** As a browser posts a form; redirects are not followed. */
    public HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
        return http.send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }
}
