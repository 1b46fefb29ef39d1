package jp.tsunagu.notification.web;

import java.time.OffsetDateTime;

import jp.tsunagu.notification.Webhooks;

/** A failed call as the webhook page lists it: the address by host (none once its endpoint is removed). */
record WebhookFailureRow(OffsetDateTime createdAt, String shownAddress, String event, String issueId, int attempts,
        String lastError) {

    static WebhookFailureRow of(Webhooks.FailedDelivery failure) {
        return new WebhookFailureRow(failure.createdAt(),
                failure.url() == null ? null : WebhookEndpointRow.shownAddress(failure.url()), failure.event(),
                failure.issueId(), failure.attempts(), failure.lastError());
    }
}
