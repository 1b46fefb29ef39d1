package jp.tsunagu.escalation.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.tsunagu.escalation.TaskKind;
import jp.tsunagu.escalation.TaskListFilter;
import jp.tsunagu.escalation.TaskView;
import jp.tsunagu.issue.IssueStatus;
import jp.tsunagu.issue.Level;
import jp.tsunagu.issue.Severity;
import jp.tsunagu.org.Person;
import jp.tsunagu.org.Principals;
import jp.tsunagu.sla.CalendarKind;
import jp.tsunagu.sla.SlaClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class WorkItemRepository {

    private static final ZoneId CITY_ZONE = ZoneId.of("Asia/Tokyo");
    private static final String JOINED = " from work_item w join issue i on i.id = w.issue_id";

    private final JdbcClient jdbc;
    private final SlaClock slaClock;
    private final Clock clock;

    WorkItemRepository(JdbcClient jdbc, SlaClock slaClock, Clock clock) {
        this.jdbc = jdbc;
        this.slaClock = slaClock;
        this.clock = clock;
    }

    /**
     * @throws IllegalArgumentException when one person could hold two of the item's candidates: the task list counts a
     *                                  person's candidate rows, and would count such a task twice
     */
    void insert(WorkItem item, Instant createdAt) {
        List<String> candidates = item.candidates().stream().distinct().toList();
        for (int i = 0; i < candidates.size(); i++) {
            for (int j = i + 1; j < candidates.size(); j++) {
                if (Principals.oneMayHoldBoth(candidates.get(i), candidates.get(j))) {
                    throw new IllegalArgumentException("Task " + item.taskId() + ": one person may hold both "
                            + candidates.get(i) + " and " + candidates.get(j));
                }
            }
        }
        jdbc.sql("""
                insert into work_item (task_id, issue_id, kind, level, due_at, created_at, excluded_user)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(item.taskId(), item.issueId(), item.kind().name(), item.level().name(),
                        item.dueAt() == null ? null : Timestamp.from(item.dueAt()), Timestamp.from(createdAt),
                        item.excludedUser())
                .update();
        for (String principal : candidates) {
            jdbc.sql("insert into work_item_candidate (task_id, principal) values (?, ?)")
                    .params(item.taskId(), principal).update();
        }
    }

    Optional<Instant> createdAt(String taskId) {
        return jdbc.sql("select created_at from work_item where task_id = ?").param(taskId)
                .query((rs, i) -> rs.getTimestamp(1).toInstant()).optional();
    }

    Optional<String> issueOf(String taskId) {
        return jdbc.sql("select issue_id from work_item where task_id = ?").param(taskId).query(String.class).optional();
    }

    void delete(String taskId) {
        jdbc.sql("delete from work_item_candidate where task_id = ?").param(taskId).update();
        jdbc.sql("delete from work_item where task_id = ?").param(taskId).update();
    }

    void moveDue(String taskId, Instant dueAt) {
        jdbc.sql("update work_item set due_at = ? where task_id = ?").params(Timestamp.from(dueAt), taskId).update();
    }

    List<WorkItem> openFor(String issueId) {
        return jdbc.sql("select task_id, issue_id, kind, level, due_at, excluded_user from work_item where issue_id = ?")
                .param(issueId)
                .query((rs, i) -> new WorkItem(rs.getString("task_id"), rs.getString("issue_id"),
                        TaskKind.valueOf(rs.getString("kind")), Level.valueOf(rs.getString("level")),
                        rs.getTimestamp("due_at") == null ? null : rs.getTimestamp("due_at").toInstant(),
                        rs.getString("excluded_user"), candidates(rs.getString("task_id"))))
                .list();
    }

    Optional<WorkItem> open(String issueId, TaskKind kind) {
        return openFor(issueId).stream().filter(item -> item.kind() == kind).findFirst();
    }

    /** How many of the person's tasks match the filter: the total of {@link #tasksOf}'s pages. */
    long countTasksOf(Person person, TaskListFilter filter) {
        if (TaskListFilter.UNFILTERED.equals(filter.withOrder(false))) {
            return countAllTasksOf(person);
        }
        TaskListQuery query = new TaskListQuery(person, filter, clock.instant());
        return jdbc.sql("select count(*)" + (query.readsIssue() ? JOINED : " from work_item w") + query.where())
                .params(query.params())
                .query(Long.class).single();
    }

    /**
     * Every task of the person, counted from the candidate index alone, less the tasks they are excluded from: the same
     * number as the general count, which reads every matching work item and costs several times as much with tens of
     * thousands of them. A candidate row is one task because {@link #insert} refuses a task that names two principals
     * of one person.
     */
    private long countAllTasksOf(Person person) {
        return jdbc.sql("""
                select (select count(*) from work_item_candidate c where c.principal in (:principals))
                     - (select count(*) from work_item w where w.excluded_user = :username
                            and exists (select 1 from work_item_candidate c
                                        where c.task_id = w.task_id and c.principal in (:principals)))""")
                .param("principals", person.principals())
                .param("username", person.username())
                .query(Long.class).single();
    }

    /** The owning sections of the person's tasks, by code, for the task list's section filter. */
    List<String> sectionsOf(Person person) {
        TaskListQuery query = new TaskListQuery(person, TaskListFilter.UNFILTERED, clock.instant());
        return jdbc.sql("select distinct i.section_code" + JOINED + query.where() + " order by i.section_code")
                .params(query.params())
                .query(String.class).list();
    }

    /**
     * The task list: one indexed join, in the filter's order. The time left is counted to the same moment as the
     * overdue filter's, so that a task the filter finds is always shown as overdue.
     */
    List<TaskView> tasksOf(Person person, TaskListFilter filter, long offset, int limit) {
        Instant now = clock.instant();
        TaskListQuery query = new TaskListQuery(person, filter, now);
        return tasks(query, now, " limit :limit offset :offset", Map.of("limit", limit, "offset", offset));
    }

    /** The person's tasks on one issue, all of them: a handful at most. */
    List<TaskView> tasksOn(String issueId, Person person) {
        Instant now = clock.instant();
        return tasks(new TaskListQuery(person, TaskListFilter.UNFILTERED, now).onIssue(issueId), now, "", Map.of());
    }

    private List<TaskView> tasks(TaskListQuery query, Instant now, String limit, Map<String, Object> limitParams) {
        return jdbc.sql("""
                select w.task_id, w.kind, w.level, w.due_at, i.sla_calendar, i.paused_at, i.id, i.number, i.title, i.severity, i.status, i.section_code,
                    i.ack_breached""" + JOINED + query.where() + query.orderBy() + limit)
                .params(query.params())
                .params(limitParams)
                .query((rs, i) -> new TaskView(rs.getString("task_id"), TaskKind.valueOf(rs.getString("kind")),
                        Level.valueOf(rs.getString("level")),
                        rs.getTimestamp("due_at") == null ? null
                                : rs.getTimestamp("due_at").toInstant().atZone(CITY_ZONE).toOffsetDateTime(),
                        remaining(now, rs.getTimestamp("due_at"), rs.getString("sla_calendar"),
                                rs.getTimestamp("paused_at")),
                        new TaskView.IssueRef(rs.getString("id"), rs.getString("number"), rs.getString("title"),
                                Severity.valueOf(rs.getString("severity")), IssueStatus.valueOf(rs.getString("status")),
                                rs.getString("section_code"), rs.getBoolean("ack_breached"))))
                .list();
    }

    private Duration remaining(Instant now, Timestamp due, String calendar, Timestamp pausedAt) {
        if (due == null || calendar == null) {
            return null;
        }
        Instant countedTo = pausedAt != null ? pausedAt.toInstant() : now;
        return slaClock.remaining(countedTo, due.toInstant(), CalendarKind.from(calendar));
    }

    private List<String> candidates(String taskId) {
        return jdbc.sql("select principal from work_item_candidate where task_id = ? order by principal")
                .param(taskId).query(String.class).list();
    }
}
