package jp.tsunagu.audit;

/** What can happen, as the auditors search for it. */
public enum AuditAction {
    ISSUE_RAISED,
    LEVEL_ENTERED,
    ISSUE_SHARED,
    ISSUE_ACKNOWLEDGED,
    COMMENT_ADDED,
    ESCALATION_REQUESTED,
    ESCALATION_APPROVED,
    ESCALATION_REJECTED,
    LEVEL_RAISED,
    SLA_REMINDER_SENT,
    SLA_BREACH_ESCALATED,
    SLA_BREACH_RENOTIFIED,
    SLA_RESOLVE_BREACHED,
    /**
     * A closure day or holiday data changed which days the city hall is open, and the issue's business-clock due times
     * were counted again: the targets before and after, and the change.
     */
    SLA_TARGETS_MOVED,
    /** The same change, but the issue's due times could not be moved; they stay as they were, with the error. */
    SLA_TARGETS_NOT_MOVED,
    ISSUE_PAUSED,
    ISSUE_RESUMED,
    ISSUE_RESOLVED,
    PERSONAL_DETAILS_REVEALED,
    ACCESS_DENIED,
    LOGIN,
    LOGIN_FAILED,
    ACCOUNT_LOCKED,
    LOGOUT,
    AUDIT_EXPORTED,
    /** A person downloaded the issue list as a CSV file, with the filters used and the number of rows. */
    ISSUES_EXPORTED,
    ADMINISTRATION_CHANGED,
    /** A person changed a setting of their own (how they receive mail). */
    PREFERENCE_CHANGED
}
