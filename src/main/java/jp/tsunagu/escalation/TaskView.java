package jp.tsunagu.escalation;

import java.time.Duration;
import java.time.OffsetDateTime;

import jp.tsunagu.issue.IssueStatus;
import jp.tsunagu.issue.Level;
import jp.tsunagu.issue.Severity;

/**
 * One open task of the caller, with the issue summary the list needs. {@code remaining} is the time left until
 * {@code due} on the issue's calendar (opening time only on the business clock), negative once overdue.
 */
public record TaskView(String taskId, TaskKind kind, Level level, OffsetDateTime due, Duration remaining,
        IssueRef issue) {

    public TaskView(String taskId, TaskKind kind, Level level, OffsetDateTime due, IssueRef issue) {
        this(taskId, kind, level, due, null, issue);
    }

    /**
     * The issue a task belongs to. {@code acknowledgeBreached}: its acknowledge target at this level has passed; at
     * CITY the task stays, its responders were notified again and it has a new target.
     */
    public record IssueRef(String id, String number, String title, Severity severity, IssueStatus status,
            String sectionCode, boolean acknowledgeBreached) {

        public IssueRef(String id, String number, String title, Severity severity, IssueStatus status,
                String sectionCode) {
            this(id, number, title, severity, status, sectionCode, false);
        }
    }
}
