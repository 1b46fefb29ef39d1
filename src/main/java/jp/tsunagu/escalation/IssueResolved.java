package jp.tsunagu.escalation;

/** An issue was resolved and has left every task list. */
public record IssueResolved(String issueId, String raisedBy, String sectionCode) {
}
