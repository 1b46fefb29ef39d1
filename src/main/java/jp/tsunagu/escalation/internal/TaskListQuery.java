package jp.tsunagu.escalation.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import jp.tsunagu.escalation.TaskListFilter;
import jp.tsunagu.org.Person;

/**
 * The task list's conditions over {@code work_item w} (joined with {@code issue i} where a condition reads it). A task
 * is the person's when one of their principals is among its candidates and they are not its excluded user (who asked
 * for the escalation it approves); the filter narrows that. Every condition is fixed text with named parameters.
 */
final class TaskListQuery {

    private final StringBuilder where = new StringBuilder(" where exists (select 1 from work_item_candidate c"
            + " where c.task_id = w.task_id and c.principal in (:principals))"
            + "\n  and (w.excluded_user is null or w.excluded_user <> :username)");
    private final Map<String, Object> params = new HashMap<>();
    private final TaskListFilter filter;

    TaskListQuery(Person person, TaskListFilter filter, Instant now) {
        this.filter = filter;
        params.put("principals", person.principals());
        params.put("username", person.username());
        and("w.kind = :kind", "kind", filter.kind());
        and("w.level = :level", "level", filter.level());
        and("i.severity = :severity", "severity", filter.severity());
        and("i.section_code = :section", "section", filter.sectionCode());
        if (filter.overdueOnly()) {
            // TaskView.overdueAt: a due time on a calendar, reached, and the issue's clock not standing still.
            and("i.status <> 'PAUSED' and i.sla_calendar is not null and w.due_at <= :now", "now", Timestamp.from(now));
        }
    }

    /** Only the tasks on this issue. */
    TaskListQuery onIssue(String issueId) {
        and("w.issue_id = :issue", "issue", issueId);
        return this;
    }

    /** Whether a condition reads the issue, so that a count without one needs no join. */
    boolean readsIssue() {
        return filter.severity() != null || filter.sectionCode() != null || filter.overdueOnly();
    }

    String where() {
        return where.toString();
    }

    Map<String, Object> params() {
        return params;
    }

    /**
     * Soonest due first, a task without a due time last, then the oldest; or exactly the reverse. Either way the order
     * of the index {@code work_item_due (due_at, created_at, task_id)}, which PostgreSQL walks forwards or backwards
     * and stops once the page is full.
     */
    String orderBy() {
        return filter.dueDescending()
                ? " order by w.due_at desc nulls first, w.created_at desc, w.task_id desc"
                : " order by w.due_at nulls last, w.created_at, w.task_id";
    }

    private void and(String condition, String name, Object value) {
        if (value != null) {
            where.append("\n  and ").append(condition);
            params.put(name, value instanceof Enum<?> constant ? constant.name() : value);
        }
    }
}
