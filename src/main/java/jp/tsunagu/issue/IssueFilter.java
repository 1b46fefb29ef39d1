package jp.tsunagu.issue;

/**
 * The filters of {@code GET /api/issues}; every one may be null. {@code raisedBy} keeps the issues a person raised (a
 * username). Pages count from 0.
 */
public record IssueFilter(Level level, IssueStatus status, String section, Boolean overdue, String q, String raisedBy,
        int page, int size) {
}
