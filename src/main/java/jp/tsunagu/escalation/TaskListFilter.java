package jp.tsunagu.escalation;

import jp.tsunagu.issue.Level;
import jp.tsunagu.issue.Severity;

/**
 * Which of the caller's open tasks the task list shows, and in which order; a null value filters nothing.
 * {@code overdueOnly} keeps the tasks past their due time, as {@link TaskView#overdueAt} says it. The default order
 * is soonest due first (a task without a due time last, then the oldest task first); {@code dueDescending} is exactly
 * the reverse, so a task without a due time comes first there, as the one due furthest away.
 */
public record TaskListFilter(TaskKind kind, Level level, Severity severity, String sectionCode, boolean overdueOnly,
        boolean dueDescending) {

    /** Every open task, soonest due first. */
    public static final TaskListFilter UNFILTERED = new TaskListFilter(null, null, null, null, false, false);

    /** Every open task of one kind, soonest due first. */
    public static TaskListFilter ofKind(TaskKind kind) {
        return new TaskListFilter(kind, null, null, null, false, false);
    }

    /** The same tasks in the other order, or in this one. */
    public TaskListFilter withOrder(boolean descending) {
        return new TaskListFilter(kind, level, severity, sectionCode, overdueOnly, descending);
    }

    public TaskListFilter {
        sectionCode = sectionCode == null || sectionCode.isBlank() ? null : sectionCode;
    }
}
