package jp.tsunagu.issue;

public enum IssueStatus {
    /** Awaiting acknowledgement at its current level. */
    OPEN,
    IN_PROGRESS,
    ESCALATION_REQUESTED,
    PAUSED,
    RESOLVED
}
