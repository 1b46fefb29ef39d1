package jp.tsunagu.notification;

/** How a person receives non-urgent mail. Urgent (CRITICAL) mail always goes at once. */
public enum DeliveryMode {
    INSTANT, DAILY_DIGEST
}
