package jp.tsunagu.notification.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tsunagu.notification.*}.
 *
 * @param baseUrl where people open the app; links are {@code baseUrl + /issues/{id}}
 */
@ConfigurationProperties("tsunagu.notification")
public record NotificationProperties(
        @DefaultValue("http://localhost:8080") String baseUrl,
        @DefaultValue Mail mail,
        @DefaultValue Worker worker,
        @DefaultValue Retry retry,
        @DefaultValue Webhook webhook) {

    /**
     * @param enabled off: no mail is queued at all (in-app notifications and webhooks still are)
     * @param recipientDomain people's addresses are {@code username@recipientDomain}
     */
    public record Mail(@DefaultValue("false") boolean enabled,
            @DefaultValue("tsunagu@city.example.lg.jp") String from,
            @DefaultValue("city.example.lg.jp") String recipientDomain) {
    }

    /**
     * @param enabled off: nothing is sent on a schedule; tests call {@code OutboxWorker.deliverDue()}
     * @param lease how long a claimed row is reserved for one worker; after it, another may take it over
     */
    public record Worker(@DefaultValue("true") boolean enabled, @DefaultValue("PT10S") Duration interval,
            @DefaultValue("50") int batchSize, @DefaultValue("PT5M") Duration lease) {
    }

    public record Retry(@DefaultValue("8") int maxAttempts, @DefaultValue("PT30S") Duration initialBackoff,
            @DefaultValue("PT1H") Duration maxBackoff) {

        /** Exponential: initial, 2×, 4×, … up to the maximum. */
        public Duration backoffAfter(int attempts) {
            int doublings = Math.max(0, Math.min(attempts - 1, 30));
            Duration backoff = initialBackoff.multipliedBy(1L << doublings);
            return backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff;
        }
    }

    public record Webhook(@DefaultValue("PT10S") Duration timeout) {
    }
}
