package jp.tsunagu.notification.internal;

/**
 * A message that must not be sent at all, so that trying again makes no sense: its webhook endpoint was removed or
 * switched off after the message was queued. The worker drops it instead of counting a failed attempt.
 */
class UndeliverableException extends Exception {

    UndeliverableException(String message) {
        super(message);
    }
}
