package jp.tsunagu.notification.internal;

import java.time.Instant;

import jp.tsunagu.notification.NotificationEvent;

/** One row of the outbox: a mail to a person or a call to a webhook endpoint. */
public record OutboxMessage(long id, String dedupKey, Channel channel, NotificationEvent event, String issueId,
        String recipient, boolean urgent, boolean digest, String payload, int attempts, Instant createdAt,
        String claim) {

    public enum Channel {
        EMAIL, WEBHOOK
    }
}
