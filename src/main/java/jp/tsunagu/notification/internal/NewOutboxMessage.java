package jp.tsunagu.notification.internal;

import java.time.Instant;

import jp.tsunagu.notification.NotificationEvent;

/** An outbox row about to be written, with the time it may first be sent. */
record NewOutboxMessage(String dedupKey, OutboxMessage.Channel channel, NotificationEvent event, String issueId,
        String recipient, boolean urgent, boolean digest, String payload, Instant notBefore) {
}
