package jp.tsunagu.notification.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/** Calls one webhook endpoint with a signed JSON payload; anything but a 2xx answer is a failed attempt. */
@Component
class WebhookDelivery {

    private final WebhookRepository webhooks;
    private final MailTemplates templates;
    private final ObjectMapper json;
    private final Clock clock;
    private final NotificationProperties properties;
    private final HttpClient http;

    WebhookDelivery(WebhookRepository webhooks, MailTemplates templates, ObjectMapper json, Clock clock,
            NotificationProperties properties) {
        this.webhooks = webhooks;
        this.templates = templates;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(properties.webhook().timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * @throws UndeliverableException when the endpoint was removed or switched off after the call was queued (its
     *         queued calls are dropped then, but a call queued by a transaction that committed just after is not)
     */
    void send(OutboxMessage message) throws IOException, InterruptedException, UndeliverableException {
        WebhookEndpoint endpoint = webhooks.find(message.recipient())
                .orElseThrow(() -> new UndeliverableException("webhook removed"));
        if (!endpoint.enabled()) {
            throw new UndeliverableException("webhook switched off");
        }
        String body = body(message);
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint.url()))
                .timeout(properties.webhook().timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header(WebhookSignature.TIMESTAMP_HEADER, timestamp)
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(endpoint.secret(), timestamp, body))
                .header(WebhookSignature.DEDUP_KEY_HEADER, message.dedupKey())
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("webhook answered " + response.statusCode());
        }
    }

    /** The same bytes on every attempt: only the timestamp header and the signature change. */
    private String body(OutboxMessage message) throws IOException {
        Map<String, String> facts = templates.facts(message.payload());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("key", message.dedupKey());
        body.put("event", message.event().name());
        body.put("issueId", message.issueId());
        body.putAll(facts);
        body.put("text", templates.headlineJa(message.event(), facts) + " / " + templates.headlineEn(message.event(), facts));
        body.put("link", templates.link(message.issueId()));
        body.put("createdAt", message.createdAt().toString());
        return json.writeValueAsString(body);
    }
}
