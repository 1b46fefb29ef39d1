package jp.tsunagu.bench;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.Callable;

import jp.tsunagu.cluster.ClusterNode;
import jp.tsunagu.cluster.FreshDatabase;
import jp.tsunagu.cluster.Http;
import jp.tsunagu.escalation.EscalationService;
import jp.tsunagu.escalation.TaskListFilter;
import jp.tsunagu.org.Organisation;
import jp.tsunagu.org.Person;
import jp.tsunagu.testsupport.RequiresPostgres;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;

/**
 * The first page (50 rows) of a section's and a department's tasks at 10k and 100k open issues: the service, HTTP,
 * and the engine's own TaskQuery on the same data. Open issues are bulk-loaded with SQL (issue, work_item,
 * work_item_candidate, and the engine's ACT_RU_TASK and ACT_RU_IDENTITYLINK for the TaskQuery), not through the
 * engine. Also the heap with 100k open issues, and start-up time.
 */
@RequiresPostgres
class TaskListBenchmark {

    static final int PAGE = 50;

    @Test
    void taskList() throws Exception {
        try (FreshDatabase database = FreshDatabase.create("bench_tasks")) {
            long startedAt = System.nanoTime();
            try (ClusterNode node = ClusterNode.start("bench-tasks", database.url(), false);
                    Connection db = database.connect()) {
                Bench.report("## Task list " + java.time.Instant.now());
                Bench.report(String.format(java.util.Locale.ROOT, "start-up (context, fresh database): %.1f s",
                        (System.nanoTime() - startedAt) / 1e9));
                Bench.report(Bench.environment(db));
                Bench.report("heap used after start (after GC): " + heapMiB() + " MiB");
                EscalationService escalation = node.bean(EscalationService.class);
                TaskService tasks = node.bean(TaskService.class);
                Organisation organisation = node.bean(Organisation.class);
                Http http = new Http(node.baseUrl());

                load(db, 1, 10_000);
                warmUpHttp(http);
                measure("10k", db, escalation, tasks, organisation, http);
                load(db, 10_001, 100_000);
                measure("100k", db, escalation, tasks, organisation, http);
                Bench.report("heap used with 100k open issues, after the task-list runs (after GC): " + heapMiB() + " MiB");
            }
        }
    }

    private void measure(String size, Connection db, EscalationService escalation, TaskService tasks,
            Organisation organisation, Http http) throws Exception {
        for (String username : List.of("sato", "kimura")) {
            Person person = organisation.findPerson(username).orElseThrow();
            String who = username.equals("sato") ? "section (sato, 市民課)" : "department (kimura, 市民生活部 coordinator)";
            execute(db, "drop index if exists work_item_due");
            Bench.report(size + " " + who + " service without V7 index: "
                    + Bench.latencies(time(200, () -> firstPage(escalation, person))));
            execute(db, "create index work_item_due on work_item (due_at, created_at, task_id)");
            execute(db, "analyze work_item");
            Bench.report(size + " " + who + " service: " + Bench.latencies(time(300, () -> firstPage(escalation, person))));
            Bench.report(size + " " + who + " service, total of every task (the API counts it for a full page): "
                    + Bench.latencies(time(300, () -> escalation.openTaskCount(person, TaskListFilter.UNFILTERED))));
            Bench.report(size + " " + who + " engine TaskQuery: " + Bench.latencies(time(100, () -> tasks.createTaskQuery()
                    .taskCandidateGroupIn(List.copyOf(person.principals())).orderByDueDate().asc().listPage(0, PAGE))));
            Bench.report(size + " " + who + " HTTP GET /api/tasks?size=50: " + Bench.latencies(time(100, () -> {
                if (http.get(username, "/api/tasks?size=" + PAGE).statusCode() != 200) {
                    throw new IllegalStateException("GET /api/tasks failed");
                }
                return null;
            })));
        }
        Bench.report(size + " HTTP GET /api/me (the cost of Basic auth with BCrypt alone): "
                + Bench.latencies(time(100, () -> http.get("sato", "/api/me"))));
    }

    /**
     * The HTTP way (Tomcat, the filters, Spring MVC, Jackson) compiled by the JIT before anything is timed, as in a
     * node that has been serving for a while: with 30 calls of warm-up alone, a benchmark run on its own timed the
     * interpreter (GET /api/me p50 3.5-4.8 ms against 0.5-0.6 ms after the other benchmarks in the same JVM).
     */
    private static void warmUpHttp(Http http) throws Exception {
        for (int i = 0; i < 2_000; i++) {
            for (String username : List.of("sato", "kimura")) {
                if (http.get(username, "/api/tasks?size=" + PAGE).statusCode() != 200) {
                    throw new IllegalStateException("GET /api/tasks failed");
                }
            }
        }
    }

    private static Object firstPage(EscalationService escalation, Person person) {
        return escalation.openTasks(person, TaskListFilter.UNFILTERED, 0, PAGE);
    }

    private static double[] time(int runs, Callable<?> call) throws Exception {
        for (int i = 0; i < 30; i++) {
            call.call();
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            call.call();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        return millis;
    }

    /** Open issues at SECTION (4 in 5) and DEPARTMENT (1 in 5), spread over every section, due over ~3 days. */
    static void load(Connection db, int from, int to) throws Exception {
        long start = System.nanoTime();
        String range = "from generate_series(?, ?) g join issue i on i.id = 'bulk-' || g ";
        String[] statements = {
            """
            insert into issue (id, number, title, description, category, severity, status, level, section_code,
                department_code, personal_info, created_at, created_by, updated_at, acknowledge_by)
            select 'bulk-' || g, 'B' || lpad(g::text, 10, '0'), '一括投入 ' || g, '負荷試験', 'FACILITY', 'MEDIUM', 'OPEN',
                case when g % 5 = 0 then 'DEPARTMENT' else 'SECTION' end, s.code, s.department_code, false,
                now(), 'sato', now(), now() + (g % 5000) * interval '1 minute'
            from generate_series(?, ?) g
            join (select code, department_code, (row_number() over (order by code)) - 1 as n from section) s
              on s.n = g % (select count(*) from section)""",
            "insert into work_item (task_id, issue_id, kind, level, due_at, created_at) "
                + "select 'bulk-t-' || g, i.id, 'ACKNOWLEDGE', i.level, i.acknowledge_by, i.created_at " + range,
            "insert into work_item_candidate (task_id, principal) select 'bulk-t-' || g, 'section:' || i.section_code "
                + range + "where i.level = 'SECTION'",
            "insert into work_item_candidate (task_id, principal) select 'bulk-t-' || g, r || i.department_code "
                + range + "cross join (values ('DEPARTMENT_COORDINATOR@'), ('DEPARTMENT_HEAD@')) v(r) where i.level = 'DEPARTMENT'",
            "insert into act_ru_task (id_, rev_, name_, task_def_key_, priority_, create_time_, due_date_, suspension_state_) "
                + "select w.task_id, 1, 'Acknowledge', 'Task_Acknowledge', 50, w.created_at, w.due_at, 1 "
                + "from generate_series(?, ?) g join work_item w on w.task_id = 'bulk-t-' || g",
            "insert into act_ru_identitylink (id_, rev_, group_id_, type_, task_id_) "
                + "select c.task_id || '-' || c.principal, 1, c.principal, 'candidate', c.task_id "
                + "from generate_series(?, ?) g join work_item_candidate c on c.task_id = 'bulk-t-' || g"
        };
        for (String sql : statements) {
            try (PreparedStatement statement = db.prepareStatement(sql)) {
                statement.setInt(1, from);
                statement.setInt(2, to);
                statement.executeUpdate();
            }
        }
        execute(db, "analyze");
        Bench.report(String.format(java.util.Locale.ROOT, "bulk-loaded open issues %d..%d with SQL in %.1f s", from, to,
                (System.nanoTime() - start) / 1e9));
    }

    private static void execute(Connection db, String sql) throws Exception {
        try (Statement statement = db.createStatement()) {
            statement.execute(sql);
        }
    }

    static long heapMiB() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    }
}
