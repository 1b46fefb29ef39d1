package jp.tsunagu.escalation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

import javax.sql.DataSource;

import jp.tsunagu.escalation.TaskKind;
import jp.tsunagu.escalation.TaskListFilter;
import jp.tsunagu.escalation.TaskView;
import jp.tsunagu.issue.IssueStatus;
import jp.tsunagu.issue.Level;
import jp.tsunagu.issue.Severity;
import jp.tsunagu.org.Person;
import jp.tsunagu.org.Role;
import jp.tsunagu.sla.SlaClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The task list's filters, order, paging, count and section list, as SQL on a migrated schema: on H2 and on
 * PostgreSQL. The caller is the coordinator of a department whose tasks (candidate {@code department:dept}) are spread
 * over three sections.
 */
abstract class TaskListQueryTests {

    static final Instant NOW = Instant.parse("2026-11-24T01:30:00Z");
    static final Person COORDINATOR = new Person("kimura", "木村", Role.DEPARTMENT_COORDINATOR, "alpha", "dept");
    static final String DEPARTMENT = "department:dept";

    /** Migrated once for each database and shared by its tests. */
    private static final Map<Class<?>, DataSource> DATABASES = new ConcurrentHashMap<>();

    JdbcClient jdbc;
    WorkItemRepository workItems;
    private int created;

    /** A freshly migrated database. */
    abstract DataSource migrate();

    @BeforeEach
    void emptyTaskList() {
        jdbc = JdbcClient.create(DATABASES.computeIfAbsent(getClass(), vendor -> oneConnection(migrate())));
        jdbc.sql("delete from work_item_candidate").update();
        jdbc.sql("delete from work_item").update();
        jdbc.sql("delete from issue").update();
        if (jdbc.sql("select count(*) from department").query(Long.class).single() == 0) {
            jdbc.sql("insert into department (code, name_ja, name_en) values ('dept', '部', 'Department')").update();
            for (String section : List.of("alpha", "beta", "gamma")) {
                jdbc.sql("insert into section (code, department_code, name_ja, name_en) values (?, 'dept', ?, ?)")
                        .params(section, section, section).update();
            }
        }
        SlaClock wallClock = mock(SlaClock.class);
        given(wallClock.remaining(any(), any(), any())).willAnswer(call -> Duration.between(
                call.<Instant>getArgument(0), call.<Instant>getArgument(1)));
        workItems = new WorkItemRepository(jdbc, wallClock, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void onlyTheCallersTasksAreListedCountedAndNamedAsSections() {
        String mine = task("alpha", NOW.plusSeconds(60));
        task("beta", NOW.plusSeconds(120), task -> task.candidate = "section:beta");
        task("gamma", NOW.plusSeconds(180), task -> task.excluded = COORDINATOR.username());

        assertThat(ids(TaskListFilter.UNFILTERED)).containsExactly(mine);
        assertThat(workItems.countTasksOf(COORDINATOR, TaskListFilter.UNFILTERED)).isEqualTo(1);
        assertThat(workItems.sectionsOf(COORDINATOR)).containsExactly("alpha");
    }

    /**
     * The count of every task takes another way than a filtered count (candidate rows, not work items); both must
     * agree, which needs every task to name at most one principal of any one person.
     */
    @Test
    void theWholeCountHasATaskOnceAndTakesAwayOnlyTheCallersOwnExclusions() {
        task("alpha", NOW.plusSeconds(60));
        assertThatThrownBy(() -> workItems.insert(new WorkItem("t-twice", "i-1", TaskKind.ACKNOWLEDGE, Level.SECTION,
                NOW, null, List.of(DEPARTMENT, "user:" + COORDINATOR.username())), NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one person may hold both");
        assertThat(jdbc.sql("select count(*) from work_item where task_id = 't-twice'").query(Long.class).single())
                .isZero();
        task("alpha", NOW.plusSeconds(120), task -> task.excluded = "someone-else");
        task("beta", NOW.plusSeconds(180), task -> {
            task.candidate = "section:beta";
            task.excluded = COORDINATOR.username();
        });
        task("gamma", NOW.plusSeconds(240), task -> task.excluded = COORDINATOR.username());
        task("gamma", NOW.plusSeconds(300));

        assertThat(workItems.countTasksOf(COORDINATOR, TaskListFilter.UNFILTERED)).isEqualTo(3);
        assertThat(workItems.countTasksOf(COORDINATOR, TaskListFilter.UNFILTERED.withOrder(true))).isEqualTo(3);
        assertThat(workItems.countTasksOf(COORDINATOR, filter(null, Level.SECTION, null, null)))
                .as("the general count of the same tasks").isEqualTo(3);
        assertThat(workItems.tasksOf(COORDINATOR, TaskListFilter.UNFILTERED, 0, 50)).hasSize(3);
    }

    @Test
    void eachFilterNarrowsTheListAndItsCount() {
        String acknowledge = task("alpha", NOW.plusSeconds(60));
        String respond = task("alpha", NOW.plusSeconds(120), task -> task.kind = TaskKind.RESPOND);
        String department = task("beta", NOW.plusSeconds(180), task -> task.level = Level.DEPARTMENT);
        String high = task("gamma", NOW.plusSeconds(240), task -> task.severity = Severity.HIGH);

        assertMatches(filter(TaskKind.RESPOND, null, null, null), respond);
        assertMatches(filter(null, Level.DEPARTMENT, null, null), department);
        assertMatches(filter(null, null, Severity.HIGH, null), high);
        assertMatches(filter(null, null, null, "alpha"), acknowledge, respond);
        assertMatches(filter(TaskKind.ACKNOWLEDGE, Level.SECTION, Severity.MEDIUM, "alpha"), acknowledge);
        assertMatches(filter(null, null, null, "nowhere"));
        assertThat(workItems.sectionsOf(COORDINATOR)).containsExactly("alpha", "beta", "gamma");
    }

    @Test
    void overdueIsExactlyWhatThePageColoursAsOverdue() {
        String pastDue = task("alpha", NOW.minusSeconds(60));
        String dueNow = task("alpha", NOW);
        task("alpha", NOW.plusMillis(1));
        task("alpha", NOW.minusSeconds(3600), task -> task.status = IssueStatus.PAUSED);
        task("alpha", NOW.minusSeconds(3600), task -> task.calendar = null);
        task("alpha", null);
        String continuous = task("beta", NOW.minusSeconds(1), task -> task.calendar = "continuous");

        TaskListFilter overdue = new TaskListFilter(null, null, null, null, true, false);
        assertMatches(overdue, pastDue, continuous, dueNow);
        assertThat(workItems.tasksOf(COORDINATOR, TaskListFilter.UNFILTERED, 0, 50))
                .as("the page's own rule agrees on every task").allSatisfy(task -> assertThat(task.overdueAt(NOW))
                        .as(task.taskId()).isEqualTo(List.of(pastDue, dueNow, continuous).contains(task.taskId())));
    }

    @Test
    void soonestFirstPutsTasksWithoutADueTimeLastAndLatestFirstIsExactlyTheReverse() {
        Instant due = NOW.plusSeconds(600);
        String none = task("alpha", null);
        String later = task("alpha", due.plusSeconds(60));
        String tiedOlder = task("alpha", due);
        String tiedNewer = task("alpha", due);
        String soonest = task("alpha", due.minusSeconds(60));

        assertThat(ids(TaskListFilter.UNFILTERED)).containsExactly(soonest, tiedOlder, tiedNewer, later, none);
        assertThat(ids(new TaskListFilter(null, null, null, null, false, true)))
                .containsExactly(none, later, tiedNewer, tiedOlder, soonest);
    }

    @Test
    void pagesFollowOneAnotherWithoutGapsAndTheCountIsTheWhole() {
        List<String> all = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            all.add(task("alpha", NOW.plusSeconds(60L * i)));
        }
        TaskListFilter descending = new TaskListFilter(null, null, null, "alpha", false, true);
        List<String> pages = Stream.of(0, 3, 6).flatMap(offset -> workItems.tasksOf(COORDINATOR, descending, offset, 3)
                .stream().map(TaskView::taskId)).toList();

        Collections.reverse(all);
        assertThat(pages).containsExactlyElementsOf(all);
        assertThat(workItems.tasksOf(COORDINATOR, descending, 9, 3)).isEmpty();
        assertThat(workItems.countTasksOf(COORDINATOR, descending)).isEqualTo(7);
    }

    @Test
    void aFilterFindsATaskBeyondTheFiveHundredDueSoonest() {
        for (int i = 0; i < 505; i++) {
            task("alpha", NOW.plusSeconds(60L + i));
        }
        String last = task("beta", NOW.plusSeconds(86_400));

        assertThat(workItems.tasksOf(COORDINATOR, TaskListFilter.UNFILTERED, 0, 500)).extracting(TaskView::taskId)
                .doesNotContain(last);
        assertMatches(filter(null, null, null, "beta"), last);
        assertThat(workItems.tasksOf(COORDINATOR, TaskListFilter.UNFILTERED, 500, 50)).extracting(TaskView::taskId)
                .as("the unfiltered list reaches it on a later page").endsWith(last);
        assertThat(workItems.sectionsOf(COORDINATOR)).containsExactly("alpha", "beta");
        String issueOfLast = last.replace("t-", "i-");
        assertThat(workItems.tasksOn(issueOfLast, COORDINATOR)).extracting(TaskView::taskId)
                .as("the issue's page finds the caller's task on it, however many are due sooner").containsExactly(last);
        assertThat(workItems.tasksOn(issueOfLast, new Person("sato", "佐藤", Role.STAFF, "omega", "another-dept")))
                .as("and never someone else's").isEmpty();
    }

    /** One connection for all the statements: hundreds of tasks are inserted one by one. */
    private static DataSource oneConnection(DataSource database) {
        try {
            return new SingleConnectionDataSource(database.getConnection(), true);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void assertMatches(TaskListFilter filter, String... taskIds) {
        assertThat(ids(filter)).as("%s", filter).containsExactly(taskIds);
        assertThat(workItems.countTasksOf(COORDINATOR, filter)).as("count of %s", filter).isEqualTo(taskIds.length);
    }

    private List<String> ids(TaskListFilter filter) {
        return workItems.tasksOf(COORDINATOR, filter, 0, 50).stream().map(TaskView::taskId).toList();
    }

    private static TaskListFilter filter(TaskKind kind, Level level, Severity severity, String section) {
        return new TaskListFilter(kind, level, severity, section, false, false);
    }

    private String task(String section, Instant due) {
        return task(section, due, task -> { });
    }

    /** An issue and its one task, each created a second after the one before; {@code change} varies the defaults. */
    private String task(String section, Instant due, Consumer<Task> change) {
        Task task = new Task();
        change.accept(task);
        created++;
        String issueId = "i-" + created;
        Instant createdAt = NOW.minusSeconds(100_000 - created);
        jdbc.sql("""
                insert into issue (id, number, title, description, category, severity, status, level, section_code,
                    department_code, personal_info, sla_calendar, paused_at, created_at, created_by, updated_at)
                values (?, ?, '件名', '説明', 'OTHER', ?, ?, ?, ?, 'dept', false, ?, ?, ?, 'sato', ?)""")
                .params(issueId, "N-" + created, task.severity.name(), task.status.name(), task.level.name(), section,
                        task.calendar,
                        task.status == IssueStatus.PAUSED ? Timestamp.from(NOW.minusSeconds(7200)) : null,
                        Timestamp.from(createdAt), Timestamp.from(createdAt))
                .update();
        String taskId = "t-" + created;
        workItems.insert(new WorkItem(taskId, issueId, task.kind, task.level, due, task.excluded,
                List.of(task.candidate)), createdAt);
        return taskId;
    }

    /** What a test may vary; by default an ACKNOWLEDGE of a MEDIUM issue at SECTION on the business clock. */
    static final class Task {
        TaskKind kind = TaskKind.ACKNOWLEDGE;
        Level level = Level.SECTION;
        Severity severity = Severity.MEDIUM;
        IssueStatus status = IssueStatus.OPEN;
        String calendar = "business";
        String candidate = DEPARTMENT;
        String excluded;
    }
}
