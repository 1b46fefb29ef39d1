package jp.tsunagu.issue.internal;

import java.time.Instant;

import jp.tsunagu.issue.Category;
import jp.tsunagu.issue.IssueStatus;
import jp.tsunagu.issue.IssueSummary;
import jp.tsunagu.issue.Level;
import jp.tsunagu.issue.Severity;
import jp.tsunagu.sla.CalendarKind;

/** One row of the issue table. */
record IssueRow(String id, String number, String title, String description, Category category, Severity severity,
        IssueStatus status, Level level, String sectionCode, String departmentCode, boolean personalInfo,
        String personalDetails, String processInstanceId, String slaCalendar, Instant acknowledgeBy,
        Instant resolveBy, boolean ackBreached, boolean resolveBreached, Instant pausedAt, IssueStatus pausedFrom,
        String resolution, Instant resolvedAt, String resolvedBy, Instant createdAt, String createdBy) {

    IssueSummary summary() {
        return new IssueSummary(id, number, title, severity, status, level, sectionCode, departmentCode, createdBy,
                processInstanceId, resolvedBy, slaCalendar == null ? null : CalendarKind.from(slaCalendar));
    }
}
