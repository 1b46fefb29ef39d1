package jp.tsunagu.issue;

/** A new issue has been written; published inside the raising transaction. */
public record IssueRaised(String issueId, String number, Severity severity, Category category, boolean personalInfo,
        int relatedSectionCount, String sectionCode) {
}
