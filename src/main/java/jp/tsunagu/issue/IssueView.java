package jp.tsunagu.issue;

import java.time.OffsetDateTime;
import java.util.List;

/** An issue as the API shows it. Personal details are always masked here. */
public record IssueView(String id, String number, String title, String description, Category category,
        Severity severity, IssueStatus status, Level level, String sectionCode, String departmentCode,
        List<String> relatedSections, List<String> sharedWith, SlaView sla, boolean personalInfo,
        String personalDetails, String resolution, OffsetDateTime resolvedAt, OffsetDateTime createdAt,
        String createdBy) {

    public static final String MASK = "●●●";
}
