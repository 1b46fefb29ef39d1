package jp.tsunagu.escalation;

/** An issue was resolved and has left every task list. {@code resolvedBy} is whoever recorded the resolution. */
public record IssueResolved(String issueId, String raisedBy, String sectionCode, String resolvedBy) {
}
