package jp.tsunagu.notification;

/** What a notification is about; webhook endpoints subscribe to these. */
public enum NotificationEvent {
    /** New work for you or your group at a level (受付). */
    TASK_ASSIGNED,
    /** Half of the acknowledge target has passed. */
    SLA_REMINDER,
    SLA_BREACHED,
    /** The issue was shared with your section, department or the city. */
    ISSUE_SHARED,
    APPROVAL_REQUESTED,
    APPROVAL_DECIDED,
    /** To the raiser. */
    ISSUE_RESOLVED
}
