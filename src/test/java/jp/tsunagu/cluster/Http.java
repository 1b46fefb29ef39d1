package jp.tsunagu.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The JSON API over real HTTP, as a demo person (password {@code demo}) with Basic auth, or with an API token. */
public final class Http {

    public static final String MEDIUM_ONE_SECTION = """
            {"title": "窓口の待ち時間が長い", "description": "午前中の待ち時間が90分を超えた。",
             "category": "CITIZEN_SERVICE", "severity": "MEDIUM", "sectionCode": "shimin-ka",
             "relatedSections": [], "personalInfo": false}""";

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    public Http(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public HttpResponse<String> get(String user, String path) throws IOException, InterruptedException {
        return client.send(request(user, path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String user, String path, String json) throws IOException, InterruptedException {
        return client.send(request(user, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Raises a MEDIUM issue of 市民課 and returns its id; fails unless the answer is 201. */
    public String raise(String user) throws IOException, InterruptedException {
        return raise(user, false);
    }

    /** As {@link #raise(String)}; {@code minimal} asks for the short answer ({@code Prefer: return=minimal}). */
    public String raise(String user, boolean minimal) throws IOException, InterruptedException {
        HttpRequest.Builder request = request(user, "/api/issues").header("Content-Type", "application/json");
        if (minimal) {
            request.header("Prefer", "return=minimal");
        }
        HttpResponse<String> response = client.send(request.POST(HttpRequest.BodyPublishers.ofString(MEDIUM_ONE_SECTION))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("raise: " + response.statusCode() + " " + response.body());
        }
        return idOf(response.body());
    }

    public static String idOf(String json) {
        Matcher matcher = ID.matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("no id in " + json);
        }
        return matcher.group(1);
    }

    private HttpRequest.Builder request(String user, String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        if (user != null && user.startsWith("tsu_")) {
            builder.header("Authorization", "Bearer " + user);
        } else if (user != null) {
            builder.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        return builder;
    }
}
