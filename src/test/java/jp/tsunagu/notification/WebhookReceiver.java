package jp.tsunagu.notification;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A chat tool's receiver on a random local port. It keeps every call it gets and answers 200, or the next status
 * queued in {@link #answers()}, or 500 to any path under {@code /broken}.
 */
public final class WebhookReceiver implements AutoCloseable {

    public record Call(String path, String key, String timestamp, String signature, String body) {
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Deque<Integer> answers = new ArrayDeque<>();

    public WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::receive);
        server.start();
    }

    private void receive(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        var headers = exchange.getRequestHeaders();
        calls.add(new Call(exchange.getRequestURI().getPath(), headers.getFirst("X-Tsunagu-Dedup-Key"),
                headers.getFirst("X-Tsunagu-Timestamp"), headers.getFirst("X-Tsunagu-Signature"), body));
        Integer queued;
        synchronized (answers) {
            queued = answers.poll();
        }
        int status = exchange.getRequestURI().getPath().startsWith("/broken") ? 500 : queued == null ? 200 : queued;
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    /** The address of {@code path} on this receiver. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public List<Call> calls() {
        return calls;
    }

    /** Statuses to answer with, in turn, before going back to 200. */
    public Deque<Integer> answers() {
        return answers;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
