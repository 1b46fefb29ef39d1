package jp.tsunagu.issue;

import jp.tsunagu.sla.CalendarKind;

/**
 * The routing facts of an issue that other modules need: where it belongs and where it stands. {@code resolvedBy} is
 * null until the issue is resolved. {@code slaCalendar} is the clock its level's targets run on, the one its
 * severity's policy had when the issue entered the level; null before it entered one.
 */
public record IssueSummary(String id, String number, String title, Severity severity, IssueStatus status,
        Level level, String sectionCode, String departmentCode, String createdBy, String processInstanceId,
        String resolvedBy, CalendarKind slaCalendar) {
}
