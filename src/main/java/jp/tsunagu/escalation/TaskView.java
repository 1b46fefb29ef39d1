package jp.tsunagu.escalation;

import java.time.Duration;
import java.time.Instant;
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
     * Past its due time at {@code now}: the task has a due time on a calendar (so {@code remaining} is known), the due
     * time is not after {@code now}, and the issue is not paused (保留), whose clock stands still. The task list's
     * overdue filter applies this rule in SQL, so that what the list colours as overdue and what it finds are the same.
     */
    public boolean overdueAt(Instant now) {
        return remaining != null && due != null && issue.status() != IssueStatus.PAUSED
                && !now.isBefore(due.toInstant());
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
