package jp.tsunagu.issue;

/**
 * The routing facts of an issue that other modules need: where it belongs and where it stands. {@code resolvedBy} is
 * null until the issue is resolved.
 */
public record IssueSummary(String id, String number, String title, Severity severity, IssueStatus status,
        Level level, String sectionCode, String departmentCode, String createdBy, String processInstanceId,
        String resolvedBy) {
}
