package jp.tsunagu.issue;

/** The filters of {@code GET /api/issues}; every one may be null. Pages count from 0. */
public record IssueFilter(Level level, IssueStatus status, String section, Boolean overdue, String q, int page,
        int size) {
}
