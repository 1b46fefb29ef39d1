package jp.tsunagu.bench;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.Optional;

import jp.tsunagu.cluster.ClusterNode;
import jp.tsunagu.cluster.FreshDatabase;
import jp.tsunagu.issue.Category;
import jp.tsunagu.issue.IssueIntake;
import jp.tsunagu.issue.RaiseIssueRequest;
import jp.tsunagu.issue.Severity;
import jp.tsunagu.org.Organisation;
import jp.tsunagu.org.Person;
import jp.tsunagu.testsupport.RequiresPostgres;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * N acknowledge-breach timers due at once (N = {@code bench.storm.issues}, 2,000 by default), and the time until all
 * have escalated, on one and on two nodes, with the engine's job executor defaults and tuned. The reminders (50%)
 * are run first and not timed, so only the breach timers are in the storm.
 */
@RequiresPostgres
class TimerStormBenchmark {

    static final int ISSUES = Integer.getInteger("bench.storm.issues", 2_000);
    static final Instant RAISED_AT = Instant.parse("2026-06-10T00:00:00Z");
    static final Instant REMINDERS_DUE = Instant.parse("2026-06-10T06:00:00Z");
    static final Instant BREACHES_DUE = RAISED_AT.plus(Duration.ofDays(2));

    /** The engine's own defaults: acquisition of 3 by whatever order the database likes, no index on due dates. */
    static final String[] ENGINE_DEFAULTS = {
        "camunda.bpm.generic-properties.properties.job-executor-acquire-by-due-date=false",
        "camunda.bpm.generic-properties.properties.ensure-job-due-date-not-null=false",
        "tsunagu.engine.extra-indexes=false"
    };
    /** application.properties as shipped: acquisition by due date, every job with a due date, the index. */
    static final String[] SHIPPED = {};
    /** The shipped settings and a larger acquisition and pool. */
    static final String[] TUNED = {
        "camunda.bpm.job-execution.core-pool-size=4",
        "camunda.bpm.job-execution.max-pool-size=8",
        "camunda.bpm.job-execution.queue-capacity=16",
        "camunda.bpm.job-execution.max-jobs-per-acquisition=16"
    };

    /** The shipped settings and the engine's exponential backoff after an acquisition lost to another node. */
    static final String[] BACKOFF = {
        "camunda.bpm.job-execution.backoff-time-in-millis=30",
        "camunda.bpm.job-execution.max-backoff=300"
    };

    /**
     * The shipped settings on Camunda's history level "audit": no variable details and no job log. The auditors'
     * timeline needs the job log, so this is not a setting to ship; it bounds what a history level without variable
     * details could save.
     */
    static final String[] HISTORY_AUDIT = {"camunda.bpm.history-level=audit"};
    /** The shipped settings with no engine history at all: what all of the engine's history costs a breach. */
    static final String[] HISTORY_NONE = {"camunda.bpm.history-level=none"};

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void timerStorm() throws Exception {
        Bench.report("## Timer storm " + Instant.now() + ", " + ISSUES + " breach timers");
        storm("one node, engine defaults (acquisition 3, no order, no index)", 1, ENGINE_DEFAULTS);
        storm("one node, shipped (by due date, due dates not null, extra engine indexes)", 1, SHIPPED);
        storm("one node, shipped and tuned (acquisition 16, pool 4-8, queue 16)", 1, TUNED);
        storm("two nodes, engine defaults", 2, ENGINE_DEFAULTS);
        storm("two nodes, shipped", 2, SHIPPED);
        storm("two nodes, shipped and tuned", 2, TUNED);
        storm("two nodes, shipped with acquisition backoff (30-300 ms)", 2, BACKOFF);
        storm("one node, shipped on history level audit (not shippable: no job log)", 1, HISTORY_AUDIT);
        storm("one node, shipped without engine history (not shippable)", 1, HISTORY_NONE);
        bareEngineStorm("bare engine, one node (shipped settings)", 1);
        bareEngineStorm("bare engine, two nodes (shipped settings)", 2);
    }

    /**
     * The floor: what the engine alone pays for a storm of the same size on this machine. A process of Camunda's own
     * elements only (a user task for a section with an interrupting boundary timer that moves the instance to a user
     * task for the department; no listener, no delegate, no variable), on Tsunagu's nodes with the shipped settings,
     * timed from the moment the clock passes the timers until every instance has its second task.
     */
    private void bareEngineStorm(String label, int nodes) throws Exception {
        onFreshCluster(label, nodes, SHIPPED, cluster -> {
            JdbcClient jdbc = cluster.get(0).bean(JdbcClient.class);
            RuntimeService runtime = cluster.get(0).bean(RuntimeService.class);
            cluster.get(0).bean(RepositoryService.class).createDeployment()
                    .addModelInstance("bench-bare-timer.bpmn", Bpmn.createExecutableProcess("bench-bare-timer")
                            .camundaHistoryTimeToLive(1)
                            .startEvent()
                            .userTask("sectionTask").camundaCandidateGroups("section:shimin-ka")
                            .boundaryEvent("breach").timerWithDuration("P2D")
                            .userTask("departmentTask").camundaCandidateGroups("department:shimin-seikatsu")
                            .endEvent()
                            .done())
                    .deploy();
            ClockUtil.setCurrentTime(Date.from(RAISED_AT));
            IntakeBenchmark.rate(ISSUES, i -> runtime.startProcessInstanceByKey("bench-bare-timer", "bare-" + i));
            jdbc.sql("analyze").update();

            long jvmCpuBefore = Bench.jvmCpuNanos();
            long postgresCpuBefore = Bench.postgresCpuNanos();
            long start = System.nanoTime();
            ClockUtil.setCurrentTime(Date.from(BREACHES_DUE.plusSeconds(60)));
            Awaitility.await().atMost(Duration.ofMinutes(20)).pollInterval(Duration.ofMillis(500))
                    .until(() -> jdbc.sql("select count(*) from act_ru_task where task_def_key_ = 'departmentTask'")
                            .query(Long.class).single() >= ISSUES);
            double seconds = (System.nanoTime() - start) / 1e9;
            long jvmCpu = Bench.jvmCpuNanos() - jvmCpuBefore;
            long postgresCpu = Bench.postgresCpuNanos() - postgresCpuBefore;
            Bench.report(String.format(Locale.ROOT, "%s: %d timers fired in %.1f s (%.0f/s); CPU per timer %.1f ms"
                    + " in the JVM, %.1f ms in PostgreSQL", label, ISSUES, seconds, ISSUES / seconds,
                    jvmCpu / 1e6 / ISSUES, postgresCpu / 1e6 / ISSUES));
        });
    }

    private void storm(String label, int nodes, String[] settings) throws Exception {
        onFreshCluster(label, nodes, settings, cluster -> {
            JdbcClient jdbc = cluster.get(0).bean(JdbcClient.class);
            ClockUtil.setCurrentTime(Date.from(RAISED_AT));
            raise(cluster.get(0));

            ClockUtil.setCurrentTime(Date.from(REMINDERS_DUE));
            awaitCount(jdbc, "SLA_REMINDER_SENT");

            // Statistics as autovacuum keeps them in a running system (it analyses a table after 10% of it changed):
            // the timers were created moments ago, and the planner should know how many there are.
            jdbc.sql("analyze").update();
            if (Boolean.getBoolean("bench.storm.explain")) {
                explainAcquisition(jdbc);
            }
            boolean statements = Boolean.getBoolean("bench.storm.statements");
            if (statements) {
                jdbc.sql("create extension if not exists pg_stat_statements").update();
                jdbc.sql("select pg_stat_statements_reset()").query(Object.class).list();
            }
            Map<String, long[]> before = tableActivity(jdbc);
            long jvmCpuBefore = Bench.jvmCpuNanos();
            long postgresCpuBefore = Bench.postgresCpuNanos();
            long start = System.nanoTime();
            ClockUtil.setCurrentTime(Date.from(BREACHES_DUE));
            awaitCount(jdbc, "SLA_BREACH_ESCALATED");
            double seconds = (System.nanoTime() - start) / 1e9;
            long jvmCpu = Bench.jvmCpuNanos() - jvmCpuBefore;
            long postgresCpu = Bench.postgresCpuNanos() - postgresCpuBefore;
            reportActivityPerBreach(before, tableActivity(jdbc));
            if (statements) {
                reportStatements(jdbc);
            }
            Bench.report(String.format(Locale.ROOT, "CPU per breach: %.1f ms in the JVM (all nodes), %.1f ms in"
                    + " PostgreSQL; %.0f%% of the machine's %d cores busy with the two", jvmCpu / 1e6 / ISSUES,
                    postgresCpu / 1e6 / ISSUES, 100.0 * (jvmCpu + postgresCpu) / (seconds * 1e9)
                    / Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().availableProcessors()));
            long doubled = jdbc.sql("select count(*) from (select issue_id from audit_event where action ="
                    + " 'SLA_BREACH_ESCALATED' group by issue_id having count(*) > 1) d").query(Long.class).single();
            long retried = jdbc.sql("select count(*) from act_hi_job_log where job_exception_msg_ is not null")
                    .query(Long.class).single();
            Bench.report(String.format(Locale.ROOT, "%s: %d breaches escalated in %.1f s (%.0f/s); doubled %d;"
                    + " failed attempts retried %d", label, ISSUES, seconds, ISSUES / seconds, doubled, retried));
        });
    }

    /** What one configuration does with its nodes, the first of which also serves the benchmark's queries. */
    private interface ClusterRun {
        void on(List<ClusterNode> cluster) throws Exception;
    }

    /**
     * Runs a configuration picked by {@code -Dbench.storm.only} (all by default) on {@code nodes} fresh nodes with the
     * job executor on, against a fresh database; the engine's clock is reset and everything closed afterwards.
     */
    private static void onFreshCluster(String label, int nodes, String[] settings, ClusterRun run) throws Exception {
        if (!Pattern.compile(System.getProperty("bench.storm.only", "")).matcher(label).find()) {
            return;
        }
        try (FreshDatabase database = FreshDatabase.create("bench_storm")) {
            List<ClusterNode> cluster = new ArrayList<>();
            try {
                for (int i = 0; i < nodes; i++) {
                    long start = System.nanoTime();
                    cluster.add(ClusterNode.start("storm-" + i, database.url(), true, settings));
                    Bench.report(String.format(Locale.ROOT, "start-up of node %d: %.1f s", i,
                            (System.nanoTime() - start) / 1e9));
                }
                run.on(cluster);
            } finally {
                ClockUtil.reset();
                ClusterNode.closeAll(cluster.toArray(AutoCloseable[]::new));
            }
        }
    }

    /**
     * With {@code -Dbench.storm.statements=true} and PostgreSQL's pg_stat_statements loaded
     * ({@code shared_preload_libraries}): the statements that took the most of the database's time during the storm.
     */
    private static void reportStatements(JdbcClient jdbc) {
        List<String> top = jdbc.sql("""
                select round((total_exec_time + total_plan_time)::numeric, 0) as ms, calls,
                       round(((total_exec_time + total_plan_time) / greatest(calls, 1))::numeric, 3) as per_call,
                       regexp_replace(left(query, 160), '\\s+', ' ', 'g') as query
                from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())
                order by total_exec_time + total_plan_time desc limit 15""")
                .query((rs, i) -> String.format(Locale.ROOT, "%8d ms %7d calls %7.3f ms/call  %s", rs.getLong(1),
                        rs.getLong(2), rs.getDouble(3), rs.getString(4))).list();
        Bench.report("statements by database time during the storm:\n    " + String.join("\n    ", top));
        List<String> mostCalled = jdbc.sql("""
                select calls, regexp_replace(left(query, 120), '\\s+', ' ', 'g') as query
                from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())
                order by calls desc limit 12""")
                .query((rs, i) -> String.format(Locale.ROOT, "%7.2f calls per breach  %s",
                        rs.getLong(1) / (double) ISSUES, rs.getString(2))).list();
        double perBreach = jdbc.sql("""
                select coalesce(sum(calls), 0) from pg_stat_statements
                where dbid = (select oid from pg_database where datname = current_database())""")
                .query(Long.class).single() / (double) ISSUES;
        Bench.report(String.format(Locale.ROOT, "statements per breach: %.1f; the most called:%n    %s", perBreach,
                String.join("\n    ", mostCalled)));
    }

    /** Per table: rows inserted, updated, deleted, and scans (sequential, by index), from PostgreSQL's statistics. */
    static Map<String, long[]> tableActivity(JdbcClient jdbc) {
        Map<String, long[]> activity = new TreeMap<>();
        jdbc.sql("select pg_stat_clear_snapshot()").query(Object.class).list();
        jdbc.sql("select relname, n_tup_ins, n_tup_upd, n_tup_del, coalesce(seq_scan, 0), coalesce(idx_scan, 0),"
                + " coalesce(seq_tup_read, 0) from pg_stat_user_tables").query((rs, i) -> activity.put(rs.getString(1),
                    new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                        rs.getLong(7)})).list();
        return activity;
    }

    private static void reportActivityPerBreach(Map<String, long[]> before, Map<String, long[]> after) {
        long[] total = new long[6];
        List<String> busiest = new ArrayList<>();
        after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), difference(e.getValue(), before.getOrDefault(e.getKey(), new long[6]))))
                .sorted((a, b) -> Long.compare(writes(b.getValue()), writes(a.getValue())))
                .forEach(e -> {
                    for (int i = 0; i < total.length; i++) {
                        total[i] += e.getValue()[i];
                    }
                    if (busiest.size() < 12 && writes(e.getValue()) > 0) {
                        busiest.add(String.format(Locale.ROOT, "%s %.1f", e.getKey(),
                                writes(e.getValue()) / (double) ISSUES));
                    }
                });
        List<String> mostScanned = after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), difference(e.getValue(), before.getOrDefault(e.getKey(), new long[6]))))
                .sorted((a, b) -> Long.compare(b.getValue()[3] + b.getValue()[4], a.getValue()[3] + a.getValue()[4]))
                .limit(8)
                .map(e -> String.format(Locale.ROOT, "%s %.1f+%.1f", e.getKey(), e.getValue()[3] / (double) ISSUES,
                        e.getValue()[4] / (double) ISSUES))
                .toList();
        Bench.report("scans per breach (sequential+index) by table: " + String.join(", ", mostScanned));
        List<String> readSequentially = after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), difference(e.getValue(), before.getOrDefault(e.getKey(), new long[6]))))
                .filter(e -> e.getValue()[5] > 0)
                .sorted((a, b) -> Long.compare(b.getValue()[5], a.getValue()[5]))
                .limit(6)
                .map(e -> String.format(Locale.ROOT, "%s %.0f", e.getKey(), e.getValue()[5] / (double) ISSUES))
                .toList();
        Bench.report("rows read by sequential scans per breach, by table: " + String.join(", ", readSequentially));
        Bench.report(String.format(Locale.ROOT, "per breach: %.1f rows inserted, %.1f updated, %.1f deleted;"
                + " %.2f sequential and %.1f index scans; rows written per table: %s", total[0] / (double) ISSUES,
                total[1] / (double) ISSUES, total[2] / (double) ISSUES, total[3] / (double) ISSUES,
                total[4] / (double) ISSUES, String.join(", ", busiest)));
    }

    private static long[] difference(long[] after, long[] before) {
        long[] difference = new long[after.length];
        for (int i = 0; i < after.length; i++) {
            difference[i] = after[i] - before[i];
        }
        return difference;
    }

    private static long writes(long[] activity) {
        return activity[0] + activity[1] + activity[2];
    }

    /** The engine's acquisition query as the job executor sends it at the storm's moment, with PostgreSQL's plan. */
    private static void explainAcquisition(JdbcClient jdbc) {
        Timestamp now = Timestamp.from(BREACHES_DUE);
        List<String> plan = jdbc.sql("""
                explain (analyze, buffers) select RES.ID_, RES.REV_, RES.DUEDATE_, RES.PROCESS_INSTANCE_ID_, RES.EXCLUSIVE_
                from ACT_RU_JOB RES
                where (RES.RETRIES_ > 0) and (RES.DUEDATE_ <= ?)
                  and (RES.LOCK_OWNER_ is null or RES.LOCK_EXP_TIME_ < ?) and RES.SUSPENSION_STATE_ = 1
                  and ((RES.EXCLUSIVE_ = true and not exists (select J2.ID_ from ACT_RU_JOB J2
                        where J2.PROCESS_INSTANCE_ID_ = RES.PROCESS_INSTANCE_ID_ and (J2.EXCLUSIVE_ = true)
                          and (J2.LOCK_OWNER_ is not null and J2.LOCK_EXP_TIME_ >= ?)))
                       or RES.EXCLUSIVE_ = false)
                order by RES.DUEDATE_ asc limit 3 offset 0""").params(now, now, now).query(String.class).list();
        Bench.report("acquisition plan:\n    " + String.join("\n    ", plan));
    }

    private static void awaitCount(JdbcClient jdbc, String action) {
        Awaitility.await().atMost(Duration.ofMinutes(20)).pollInterval(Duration.ofMillis(500))
                .until(() -> jdbc.sql("select count(*) from audit_event where action = ?").param(action)
                        .query(Long.class).single() >= ISSUES);
    }

    private static void raise(ClusterNode node) throws Exception {
        Person sato = node.bean(Organisation.class).findPerson("sato").orElseThrow();
        IssueIntake intake = node.bean(IssueIntake.class);
        IntakeBenchmark.rate(ISSUES, i -> intake.raise(new RaiseIssueRequest("一斉期限 " + i, "タイマー負荷",
                Category.FACILITY, Severity.MEDIUM, "shimin-ka", List.of(), false, null), sato, Optional.empty()));
    }
}
