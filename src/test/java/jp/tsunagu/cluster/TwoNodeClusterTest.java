package jp.tsunagu.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jp.tsunagu.issue.Category;
import jp.tsunagu.issue.IssueIntake;
import jp.tsunagu.issue.RaiseIssueRequest;
import jp.tsunagu.issue.Severity;
import jp.tsunagu.org.Organisation;
import jp.tsunagu.org.Person;
import jp.tsunagu.testsupport.RequiresPostgres;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two nodes with running job executors on one PostgreSQL: Camunda's homogeneous cluster. 500 acknowledge timers fall
 * due at once and each fires exactly once; a task created through one node is completed through the other.
 */
@RequiresPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodeClusterTest {

    static final int ISSUES = 500;
    static final Instant RAISED_AT = Instant.parse("2026-06-10T00:00:00Z");
    static final Instant ACKNOWLEDGE_OVERDUE = RAISED_AT.plus(Duration.ofDays(2));

    FreshDatabase database;
    ClusterNode nodeA;
    ClusterNode nodeB;
    JdbcClient jdbc;

    @BeforeAll
    void twoNodes() {
        database = FreshDatabase.create("cluster");
        nodeA = ClusterNode.start("node-a", database.url(), true);
        nodeB = ClusterNode.start("node-b", database.url(), true);
        jdbc = nodeA.bean(JdbcClient.class);
    }

    @AfterAll
    void stop() {
        ClockUtil.reset();
        ClusterNode.closeAll(nodeB, nodeA, database);
    }

    @Test
    void bothNodesStartedAndTheExtraEngineIndexesExistOnce() {
        assertThat(jdbc.sql("select indexdef from pg_indexes where indexname like 'tsu_idx_%' order by indexname")
                .query(String.class).list())
                .hasSize(3)
                .anySatisfy(def -> assertThat(def).containsIgnoringCase("act_ru_job").containsIgnoringCase("(duedate_)"))
                .anySatisfy(def -> assertThat(def).containsIgnoringCase("(lock_exp_time_)"))
                .anySatisfy(def -> assertThat(def).containsIgnoringCase("act_ru_task").containsIgnoringCase("(parent_task_id_)"));
    }

    @Test
    void aTaskCreatedThroughOneNodeIsCompletedThroughTheOther() throws Exception {
        ClockUtil.reset();
        String id = new Http(nodeA.baseUrl()).raise("sato");

        HttpResponse<String> acknowledged = new Http(nodeB.baseUrl()).post("sato", "/api/issues/" + id + "/acknowledge", "{}");
        assertThat(acknowledged.statusCode()).isEqualTo(204);

        assertThat(new Http(nodeA.baseUrl()).get("sato", "/api/issues/" + id).body()).contains("\"status\":\"IN_PROGRESS\"");
        assertThat(new Http(nodeA.baseUrl()).get("sato", "/api/tasks").body())
                .contains("\"kind\":\"RESPOND\"").doesNotContain("\"kind\":\"ACKNOWLEDGE\",\"level\":\"SECTION\",\"due\":null");
        assertThat(jdbc.sql("select kind from work_item where issue_id = ?").param(id).query(String.class).list())
                .containsExactly("RESPOND");
        assertThat(new Http(nodeB.baseUrl()).post("sato", "/api/issues/" + id + "/acknowledge", "{}").statusCode())
                .as("acknowledged twice, through either node").isEqualTo(409);
    }

    @Test
    void fiveHundredTimersDueAtOnceFireExactlyOnceAcrossBothNodes() throws Exception {
        ClockUtil.setCurrentTime(Date.from(RAISED_AT));
        List<String> ids = raiseOnBothNodes(ISSUES);
        double breachesBefore = breachesCounted(nodeA) + breachesCounted(nodeB);

        ClockUtil.setCurrentTime(Date.from(ACKNOWLEDGE_OVERDUE));
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> count("select count(*) from audit_event where action = 'SLA_BREACH_ESCALATED'") >= ISSUES
                        && count("select count(*) from issue where level = 'DEPARTMENT'") >= ISSUES);

        assertThat(count("select count(*) from (select issue_id from audit_event where action = 'SLA_BREACH_ESCALATED'"
                + " group by issue_id having count(*) > 1) doubled")).as("issues escalated twice").isZero();
        assertThat(count("select count(*) from audit_event where action = 'SLA_BREACH_ESCALATED'")).isEqualTo(ISSUES);
        assertThat(jdbc.sql("select id from issue where level = 'DEPARTMENT' and status = 'OPEN'").query(String.class).list())
                .containsExactlyInAnyOrderElementsOf(ids);
        assertThat(count("select count(*) from work_item where level = 'DEPARTMENT' and kind = 'ACKNOWLEDGE'"))
                .as("one acknowledge task at the next level per issue").isEqualTo(ISSUES);
        assertThat(count("select count(*) from act_ru_job where exception_msg_ is not null or retries_ = 0"))
                .as("no job is left failed").isZero();
        assertThat(count("select count(*) from act_ru_incident")).as("incidents").isZero();
        long retried = count("select count(*) from act_hi_job_log where job_exception_msg_ is not null");
        System.out.printf("two nodes: %d breaches; %d job attempts failed and were retried (optimistic locking)%n",
                ISSUES, retried);

        // Side effects outside the database count after commit only: the two nodes' counters add up to 500.
        await().atMost(Duration.ofSeconds(10)).until(
                () -> breachesCounted(nodeA) + breachesCounted(nodeB) - breachesBefore == ISSUES);
    }

    @Test
    void readinessIncludesTheDatabaseAndTheJobExecutorAndMetricsNeedAnAdmin() throws Exception {
        Http http = new Http(nodeA.baseUrl());
        assertThat(http.get(null, "/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(http.get("admin", "/actuator/health/readiness").body())
                .contains("\"db\"", "\"jobExecutor\"", "\"acquiring\":\"true\"").doesNotContain("DOWN");
        assertThat(http.get(null, "/actuator/prometheus").statusCode()).isEqualTo(401);
        assertThat(http.get("sato", "/actuator/prometheus").statusCode()).isEqualTo(403);
        assertThat(http.get("admin", "/actuator/prometheus").body())
                .contains("tsunagu_issues_open{", "tsunagu_jobs_executable", "tsunagu_jobs_failed",
                        "tsunagu_notifications_due{", "channel=\"EMAIL\"", "tsunagu_notifications_failed{");
    }

    private List<String> raiseOnBothNodes(int issues) throws Exception {
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < issues; i++) {
                ClusterNode node = i % 2 == 0 ? nodeA : nodeB;
                work.add(pool.submit(() -> ids.add(raise(node))));
            }
            for (Future<?> future : work) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        return ids;
    }

    private static String raise(ClusterNode node) {
        Person sato = node.bean(Organisation.class).findPerson("sato").orElseThrow();
        return node.bean(IssueIntake.class).raise(new RaiseIssueRequest("一斉に期限が来る課題", "二台構成の検証",
                Category.FACILITY, Severity.MEDIUM, "shimin-ka", List.of(), false, null), sato, Optional.empty()).id();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    /** This node's escalating acknowledge breaches, as Prometheus scrapes them. */
    static double breachesCounted(ClusterNode node) throws Exception {
        String body = new Http(node.baseUrl()).get("admin", "/actuator/prometheus").body();
        return body.lines()
                .filter(line -> line.startsWith("tsunagu_sla_breaches_total{") && line.contains("escalated=\"true\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
