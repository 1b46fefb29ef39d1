package jp.tsunagu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The API's body limits over real HTTP, where a client may send a body without declaring its length (chunked), which
 * MockMvc cannot. Shares its application context with the browser tests and {@link PageSecurityTest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class RequestBodyLimitTest {

    private static final int MB = 1024 * 1024;

    @LocalServerPort
    int port;

    @Test
    void aChunkedJsonBodyOverTheLimitIsRefusedAs413() throws Exception {
        Answer answer = send("/api/issues", "application/json", jsonOf(3 * MB), true);
        assertThat(answer.status).isEqualTo(413);
        assertThat(answer.contentType).startsWith("application/problem+json");
        assertThat(answer.body).contains("larger than 2097152 bytes");
    }

    @Test
    void aChunkedJsonBodyUnderTheLimitIsReadAsUsual() throws Exception {
        // Small and broken on purpose: it reaches the JSON reader, which names what is wrong (400), not the limit.
        Answer answer = send("/api/issues", "application/json", "{\"title\": }".getBytes(StandardCharsets.UTF_8), true);
        assertThat(answer.status).isEqualTo(400);
    }

    @Test
    void theCsvImportMayBeLargerThanOtherBodiesUpToItsOwnLimit() throws Exception {
        // 3 MB of CSV passes the import's 5 MB limit, declared or chunked, and fails only on its content.
        for (boolean chunked : new boolean[] {false, true}) {
            Answer answer = send("/api/issues/import", "text/csv", csvOf(3 * MB), chunked);
            assertThat(answer.status).as("chunked: %s", chunked).isEqualTo(400);
            assertThat(answer.body).doesNotContain("larger than");
        }
        for (boolean chunked : new boolean[] {false, true}) {
            Answer answer = send("/api/issues/import", "text/csv", csvOf(6 * MB), chunked);
            assertThat(answer.status).as("chunked: %s", chunked).isEqualTo(413);
            assertThat(answer.body).contains("larger than 5242880 bytes");
        }
    }

    private static byte[] jsonOf(int size) {
        StringBuilder json = new StringBuilder("{\"title\":\"");
        json.append("a".repeat(size)).append("\"}");
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A header the import does not know, then filler: the import reads it as a file it cannot take. */
    private static byte[] csvOf(int size) {
        return ("unknown\r\n" + "x\r\n".repeat(size / 3)).getBytes(StandardCharsets.UTF_8);
    }

    private Answer send(String path, String contentType, byte[] body, boolean chunked) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create("http://localhost:" + port + path).toURL()
                .openConnection();
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setRequestProperty("Content-Type", contentType);
        connection.setRequestProperty("Authorization",
                "Basic " + Base64.getEncoder().encodeToString("sato:demo".getBytes(StandardCharsets.UTF_8)));
        if (chunked) {
            connection.setChunkedStreamingMode(64 * 1024);
        } else {
            connection.setFixedLengthStreamingMode(body.length);
        }
        try (OutputStream out = connection.getOutputStream()) {
            out.write(body);
        } catch (IOException refusedWhileSending) {
            // The server may answer and close before the whole body is sent; its answer is still there to read.
        }
        int status = connection.getResponseCode();
        InputStream stream = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
        String text = stream == null ? "" : new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        return new Answer(status, String.valueOf(connection.getContentType()), text);
    }

    private record Answer(int status, String contentType, String body) {
    }
}
