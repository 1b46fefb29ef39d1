package jp.tsunagu.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import jp.tsunagu.issue.Category;
import jp.tsunagu.issue.IssueIntake;
import jp.tsunagu.issue.RaiseIssueRequest;
import jp.tsunagu.issue.Severity;
import jp.tsunagu.org.Organisation;
import jp.tsunagu.org.Person;
import jp.tsunagu.testsupport.RequiresPostgres;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.engine.impl.jobexecutor.AcquiredJobs;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A node dies holding job locks. Node A acquires the due timer jobs exactly as its job executor's acquisition does
 * (Camunda's own {@link AcquireJobsCmd}: LOCK_OWNER_ and LOCK_EXP_TIME_ set in a committed transaction) and is gone
 * before it executes them. Node B leaves them alone while the locks are valid, runs them once they expire, and every
 * issue escalates exactly once.
 */
@RequiresPostgres
class NodeFailoverTest {

    static final int ISSUES = 100;
    static final Instant RAISED_AT = Instant.parse("2026-06-10T00:00:00Z");
    static final Instant ACKNOWLEDGE_OVERDUE = RAISED_AT.plus(Duration.ofDays(2));
    static final Duration LOCK_TIME = Duration.ofMinutes(5);

    FreshDatabase database;
    ClusterNode nodeA;
    ClusterNode nodeB;

    @AfterEach
    void stop() {
        ClockUtil.reset();
        ClusterNode.closeAll(nodeB, nodeA, database);
    }

    @Test
    void jobsLockedByADeadNodeRunOnceOnTheOtherNodeAfterTheLockExpires() throws Exception {
        database = FreshDatabase.create("failover");
        nodeA = ClusterNode.start("node-a", database.url(), false);
        ClockUtil.setCurrentTime(Date.from(RAISED_AT));
        List<String> ids = raise(nodeA, ISSUES);

        ClockUtil.setCurrentTime(Date.from(ACKNOWLEDGE_OVERDUE));
        AcquiredJobs acquired = acquireAsNodeA();
        JdbcClient jdbc = nodeA.bean(JdbcClient.class);
        long locked = jdbc.sql("select count(*) from act_ru_job where lock_owner_ = 'node-a'").query(Long.class).single();
        assertThat(acquired.size()).isPositive();
        assertThat(locked).as("A holds a lock on every due timer (reminder and breach per issue)").isEqualTo(2L * ISSUES);

        nodeA.close();
        nodeA = null;
        nodeB = ClusterNode.start("node-b", database.url(), true);
        JdbcClient jdbcB = nodeB.bean(JdbcClient.class);

        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> breaches(jdbcB) == 0);

        ClockUtil.setCurrentTime(Date.from(ACKNOWLEDGE_OVERDUE.plus(LOCK_TIME).plusSeconds(1)));
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .until(() -> breaches(jdbcB) >= ISSUES);

        assertThat(jdbcB.sql("select count(*) from (select issue_id from audit_event where action = 'SLA_BREACH_ESCALATED'"
                + " group by issue_id having count(*) > 1) doubled").query(Long.class).single()).isZero();
        assertThat(jdbcB.sql("select id from issue where level = 'DEPARTMENT'").query(String.class).list())
                .containsExactlyInAnyOrderElementsOf(ids);
        assertThat(jdbcB.sql("select count(*) from act_ru_job where lock_owner_ = 'node-a'").query(Long.class).single())
                .as("nothing is left behind under the dead node's name").isZero();
        assertThat(jdbcB.sql("select count(*) from act_ru_job where exception_msg_ is not null or retries_ = 0")
                .query(Long.class).single()).isZero();
        assertThat(jdbcB.sql("select count(*) from act_ru_incident").query(Long.class).single()).isZero();
        assertThat(TwoNodeClusterTest.breachesCounted(nodeB)).as("B counted each breach once").isEqualTo(ISSUES);
    }

    /** What A's acquisition thread does: lock due jobs under A's name for the lock time, in its own transaction. */
    private AcquiredJobs acquireAsNodeA() {
        ProcessEngineConfigurationImpl configuration =
                ((ProcessEngineImpl) nodeA.bean(ProcessEngine.class)).getProcessEngineConfiguration();
        JobExecutor executor = configuration.getJobExecutor();
        executor.setLockOwner("node-a");
        executor.setLockTimeInMillis((int) LOCK_TIME.toMillis());
        return configuration.getCommandExecutorTxRequired().execute(new AcquireJobsCmd(executor, 10 * ISSUES));
    }

    private static long breaches(JdbcClient jdbc) {
        return jdbc.sql("select count(*) from audit_event where action = 'SLA_BREACH_ESCALATED'").query(Long.class).single();
    }

    private static List<String> raise(ClusterNode node, int issues) {
        Person sato = node.bean(Organisation.class).findPerson("sato").orElseThrow();
        IssueIntake intake = node.bean(IssueIntake.class);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < issues; i++) {
            ids.add(intake.raise(new RaiseIssueRequest("落ちたノードの課題", "ノード障害の検証", Category.FACILITY,
                    Severity.MEDIUM, "shimin-ka", List.of(), false, null), sato, Optional.empty()).id());
        }
        return ids;
    }
}
