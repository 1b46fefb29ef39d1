package jp.tsunagu.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
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

    static final String[] DEFAULTS = {};
    static final String[] TUNED = {
        "camunda.bpm.job-execution.core-pool-size=4",
        "camunda.bpm.job-execution.max-pool-size=8",
        "camunda.bpm.job-execution.queue-capacity=16",
        "camunda.bpm.job-execution.max-jobs-per-acquisition=16",
        "camunda.bpm.generic-properties.properties.job-executor-prefer-timer-jobs=true",
        "camunda.bpm.generic-properties.properties.job-executor-acquire-by-due-date=true"
    };

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void timerStorm() throws Exception {
        Bench.report("## Timer storm " + Instant.now() + ", " + ISSUES + " breach timers");
        storm("one node, engine defaults (acquisition 3, pool 3-10, queue 3)", 1, DEFAULTS);
        storm("one node, tuned (acquisition 16, pool 4-8, queue 16, prefer timers, by due date)", 1, TUNED);
        storm("two nodes, engine defaults", 2, DEFAULTS);
        storm("two nodes, tuned", 2, TUNED);
    }

    private void storm(String label, int nodes, String[] settings) throws Exception {
        if (!label.contains(System.getProperty("bench.storm.only", ""))) {
            return;
        }
        try (FreshDatabase database = FreshDatabase.create("bench_storm")) {
            List<ClusterNode> cluster = new ArrayList<>();
            try {
                for (int i = 0; i < nodes; i++) {
                    long start = System.nanoTime();
                    cluster.add(ClusterNode.start("storm-" + i, database.url(), true, settings));
                    Bench.report(String.format(Locale.ROOT, "start-up of node %d: %.1f s", i, (System.nanoTime() - start) / 1e9));
                }
                JdbcClient jdbc = cluster.get(0).bean(JdbcClient.class);
                ClockUtil.setCurrentTime(Date.from(RAISED_AT));
                raise(cluster.get(0));

                ClockUtil.setCurrentTime(Date.from(REMINDERS_DUE));
                awaitCount(jdbc, "SLA_REMINDER_SENT");

                long start = System.nanoTime();
                ClockUtil.setCurrentTime(Date.from(BREACHES_DUE));
                awaitCount(jdbc, "SLA_BREACH_ESCALATED");
                double seconds = (System.nanoTime() - start) / 1e9;
                long doubled = jdbc.sql("select count(*) from (select issue_id from audit_event where action ="
                        + " 'SLA_BREACH_ESCALATED' group by issue_id having count(*) > 1) d").query(Long.class).single();
                long retried = jdbc.sql("select count(*) from act_hi_job_log where job_exception_msg_ is not null")
                        .query(Long.class).single();
                Bench.report(String.format(Locale.ROOT, "%s: %d breaches escalated in %.1f s (%.0f/s); doubled %d;"
                        + " failed attempts retried %d", label, ISSUES, seconds, ISSUES / seconds, doubled, retried));
            } finally {
                ClockUtil.reset();
                for (ClusterNode node : cluster) {
                    node.close();
                }
            }
        }
    }

    private static void awaitCount(JdbcClient jdbc, String action) {
        Awaitility.await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200))
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
