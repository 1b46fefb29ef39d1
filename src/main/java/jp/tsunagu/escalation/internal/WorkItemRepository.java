package jp.tsunagu.escalation.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import jp.tsunagu.escalation.TaskKind;
import jp.tsunagu.escalation.TaskView;
import jp.tsunagu.issue.IssueStatus;
import jp.tsunagu.issue.Level;
import jp.tsunagu.issue.Severity;
import jp.tsunagu.org.Person;
import jp.tsunagu.sla.CalendarKind;
import jp.tsunagu.sla.SlaClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class WorkItemRepository {

    private static final ZoneId CITY_ZONE = ZoneId.of("Asia/Tokyo");

    private final JdbcClient jdbc;
    private final SlaClock slaClock;
    private final Clock clock;

    WorkItemRepository(JdbcClient jdbc, SlaClock slaClock, Clock clock) {
        this.jdbc = jdbc;
        this.slaClock = slaClock;
        this.clock = clock;
    }

    void insert(WorkItem item, Instant createdAt) {
        jdbc.sql("""
                insert into work_item (task_id, issue_id, kind, level, due_at, created_at, excluded_user)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(item.taskId(), item.issueId(), item.kind().name(), item.level().name(),
                        item.dueAt() == null ? null : Timestamp.from(item.dueAt()), Timestamp.from(createdAt),
                        item.excludedUser())
                .update();
        for (String principal : item.candidates().stream().distinct().toList()) {
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

    /** The number of tasks {@link #tasksOf} would list without a limit. */
    long countTasksOf(Person person) {
        return jdbc.sql("""
                select count(*) from work_item w
                where exists (select 1 from work_item_candidate c where c.task_id = w.task_id and c.principal in (:principals))
                  and (w.excluded_user is null or w.excluded_user <> :username)""")
                .param("principals", person.principals())
                .param("username", person.username())
                .query(Long.class).single();
    }

    /** The task list: one indexed join, soonest due first. */
    List<TaskView> tasksOf(Person person, long offset, int limit) {
        return jdbc.sql("""
                select w.task_id, w.kind, w.level, w.due_at, i.sla_calendar, i.paused_at, i.id, i.number, i.title, i.severity, i.status, i.section_code,
                    i.ack_breached
                from work_item w join issue i on i.id = w.issue_id
                where exists (select 1 from work_item_candidate c where c.task_id = w.task_id and c.principal in (:principals))
                  and (w.excluded_user is null or w.excluded_user <> :username)
                order by w.due_at, w.created_at, w.task_id
                limit :limit offset :offset""")
                .param("principals", person.principals())
                .param("username", person.username())
                .param("limit", limit)
                .param("offset", offset)
                .query((rs, i) -> new TaskView(rs.getString("task_id"), TaskKind.valueOf(rs.getString("kind")),
                        Level.valueOf(rs.getString("level")),
                        rs.getTimestamp("due_at") == null ? null
                                : rs.getTimestamp("due_at").toInstant().atZone(CITY_ZONE).toOffsetDateTime(),
                        remaining(rs.getTimestamp("due_at"), rs.getString("sla_calendar"), rs.getTimestamp("paused_at")),
                        new TaskView.IssueRef(rs.getString("id"), rs.getString("number"), rs.getString("title"),
                                Severity.valueOf(rs.getString("severity")), IssueStatus.valueOf(rs.getString("status")),
                                rs.getString("section_code"), rs.getBoolean("ack_breached"))))
                .list();
    }

    private Duration remaining(Timestamp due, String calendar, Timestamp pausedAt) {
        if (due == null || calendar == null) {
            return null;
        }
        Instant now = pausedAt != null ? pausedAt.toInstant() : clock.instant();
        return slaClock.remaining(now, due.toInstant(), CalendarKind.from(calendar));
    }

    private List<String> candidates(String taskId) {
        return jdbc.sql("select principal from work_item_candidate where task_id = ? order by principal")
                .param(taskId).query(String.class).list();
    }
}
