package jp.tsunagu.issue;

/** The routing facts of an issue that other modules need: where it belongs and where it stands. */
public record IssueSummary(String id, String number, String title, Severity severity, IssueStatus status,
        Level level, String sectionCode, String departmentCode, String createdBy, String processInstanceId) {
}
