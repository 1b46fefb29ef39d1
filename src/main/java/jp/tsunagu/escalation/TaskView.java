package jp.tsunagu.escalation;

import jp.tsunagu.issue.Level;

import java.time.OffsetDateTime;

import jp.tsunagu.issue.IssueStatus;
import jp.tsunagu.issue.Level;
import jp.tsunagu.issue.Severity;

/** One open task of the caller, with the issue summary the list needs. */
public record TaskView(String taskId, TaskKind kind, Level level, OffsetDateTime due, IssueRef issue) {

    public record IssueRef(String id, String number, String title, Severity severity, IssueStatus status,
            String sectionCode) {
    }
}
