package jp.tsunagu.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jp.tsunagu.AbstractIntegrationTest;
import jp.tsunagu.common.ConflictException;
import jp.tsunagu.common.ForbiddenException;
import jp.tsunagu.escalation.EscalationService;
import jp.tsunagu.issue.Category;
import jp.tsunagu.issue.IssueIntake;
import jp.tsunagu.issue.IssueLifecycle;
import jp.tsunagu.issue.IssueStatus;
import jp.tsunagu.issue.Level;
import jp.tsunagu.issue.RaiseIssueRequest;
import jp.tsunagu.issue.Severity;
import jp.tsunagu.org.Organisation;
import jp.tsunagu.org.Person;
import jp.tsunagu.testsupport.InterleavedStep;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A person and a timer job, or two people, change one issue at the same moment. Interleaved step by step, as in the
 * engine's own concurrency tests: the first holds its transaction open at a chosen point, the second must wait on the
 * issue's row lock, and once the first commits the second loses cleanly (409, 403 or a rolled-back job) and the
 * audit trail shows only what really happened.
 */
abstract class ConcurrentActionTests extends AbstractIntegrationTest {

    /** Wednesday 2026-06-10 09:00 in Tokyo: a business day, so MEDIUM targets are one and five business days on. */
    static final Instant RAISED_AT = Instant.parse("2026-06-10T00:00:00Z");
    static final Instant ACKNOWLEDGE_OVERDUE = RAISED_AT.plus(Duration.ofDays(2));
    static final Instant RESOLVE_OVERDUE = RAISED_AT.plus(Duration.ofDays(10));

    @Autowired
    IssueIntake intake;

    @Autowired
    EscalationService escalation;

    @Autowired
    IssueLifecycle lifecycle;

    @Autowired
    Organisation organisation;

    @Autowired
    ManagementService management;

    @Autowired
    RuntimeService runtime;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    Person sato;
    Person suzuki;

    @BeforeEach
    void people() {
        sato = organisation.findPerson("sato").orElseThrow();
        suzuki = organisation.findPerson("suzuki").orElseThrow();
    }

    @Test
    void acknowledgeHoldingTheLockBeatsTheBreachTimer() throws Exception {
        String id = raise("受付と期限超過が同時");
        ClockUtil.setCurrentTime(Date.from(ACKNOWLEDGE_OVERDUE));
        Job breach = timerOf(id, "Timer_AcknowledgeBreach");

        // sato's acknowledge has locked the issue (ActionGuard's first step) when the timer fires.
        InterleavedStep person = new InterleavedStep();
        CompletableFuture<Void> acknowledge = inTransaction(() -> {
            lifecycle.lock(id);
            person.reachedAndWait();
            escalation.acknowledge(id, sato);
        });
        person.awaitReached();
        CompletableFuture<Void> timer = CompletableFuture.runAsync(() -> management.executeJob(breach.getId()));
        assertWaiting(timer);

        person.release();
        acknowledge.get(30, TimeUnit.SECONDS);
        assertRolledBackOrNoOp(timer);

        assertThat(lifecycle.summary(id).level()).isEqualTo(Level.SECTION);
        assertThat(lifecycle.summary(id).status()).isEqualTo(IssueStatus.IN_PROGRESS);
        assertThat(actions(id)).containsOnlyOnce("ISSUE_ACKNOWLEDGED").doesNotContain("SLA_BREACH_ESCALATED");
        assertThat(jobsOf(id)).as("the breach timer is gone with the acknowledge task")
                .noneMatch(job -> breach.getId().equals(job.getId()));
    }

    @Test
    void breachTimerCommittingFirstLeavesNothingToAcknowledgeAtSection() throws Exception {
        String id = raise("期限超過が先");
        ClockUtil.setCurrentTime(Date.from(ACKNOWLEDGE_OVERDUE));
        Job breach = timerOf(id, "Timer_AcknowledgeBreach");

        InterleavedStep job = new InterleavedStep();
        CompletableFuture<Void> timer = inTransaction(() -> {
            management.executeJob(breach.getId());
            job.reachedAndWait();
        });
        job.awaitReached();
        CompletableFuture<Void> acknowledge = CompletableFuture.runAsync(() -> escalation.acknowledge(id, sato));
        assertWaiting(acknowledge);

        job.release();
        timer.get(30, TimeUnit.SECONDS);
        // The issue is at DEPARTMENT now, where sato of 市民課 is not a responder.
        assertThat(acknowledge).failsWithin(Duration.ofSeconds(30)).withThrowableThat()
                .withCauseInstanceOf(ForbiddenException.class);

        assertThat(lifecycle.summary(id).level()).isEqualTo(Level.DEPARTMENT);
        assertThat(actions(id)).containsOnlyOnce("SLA_BREACH_ESCALATED").doesNotContain("ISSUE_ACKNOWLEDGED");
    }

    @Test
    void approvalHoldingTheLockBeatsTheResolveBreachTimer() throws Exception {
        String id = raise("承認と解決期限超過が同時");
        escalation.acknowledge(id, sato);
        escalation.requestEscalation(id, sato, "部内で共有したい");
        ClockUtil.setCurrentTime(Date.from(RESOLVE_OVERDUE));
        Job breach = timerOf(id, "Timer_ResolveBreach");

        InterleavedStep person = new InterleavedStep();
        CompletableFuture<Void> approve = inTransaction(() -> {
            escalation.approveEscalation(id, suzuki, "承認");
            person.reachedAndWait();
        });
        person.awaitReached();
        CompletableFuture<Void> timer = CompletableFuture.runAsync(() -> management.executeJob(breach.getId()));
        assertWaiting(timer);

        person.release();
        approve.get(30, TimeUnit.SECONDS);
        assertRolledBackOrNoOp(timer);

        assertThat(lifecycle.summary(id).level()).isEqualTo(Level.DEPARTMENT);
        assertThat(jdbc.sql("select resolve_breached from issue where id = ?").param(id).query(Boolean.class).single())
                .as("the old level's resolve breach never lands on the new level").isFalse();
        assertThat(actions(id)).containsOnlyOnce("ESCALATION_APPROVED").doesNotContain("SLA_RESOLVE_BREACHED");
        assertThat(jobsOf(id)).noneMatch(job -> breach.getId().equals(job.getId()));
    }

    @Test
    void resolveHoldingTheLockMakesAConcurrentEscalationRequestConflict() throws Exception {
        String id = raise("解決とエスカレーション申請が同時");
        escalation.acknowledge(id, sato);

        InterleavedStep first = new InterleavedStep();
        CompletableFuture<Void> resolve = inTransaction(() -> {
            escalation.resolve(id, sato, "窓口を増設した");
            first.reachedAndWait();
        });
        first.awaitReached();
        CompletableFuture<Void> request = CompletableFuture.runAsync(
                () -> escalation.requestEscalation(id, suzuki, "他課にも影響"));
        assertWaiting(request);

        first.release();
        resolve.get(30, TimeUnit.SECONDS);
        assertThat(request).failsWithin(Duration.ofSeconds(30)).withThrowableThat()
                .withCauseInstanceOf(ConflictException.class);

        assertThat(lifecycle.summary(id).status()).isEqualTo(IssueStatus.RESOLVED);
        assertThat(actions(id)).containsOnlyOnce("ISSUE_RESOLVED").doesNotContain("ESCALATION_REQUESTED");
    }

    @Test
    void escalationRequestHoldingTheLockMakesAConcurrentResolveConflict() throws Exception {
        String id = raise("エスカレーション申請と解決が同時");
        escalation.acknowledge(id, sato);

        InterleavedStep first = new InterleavedStep();
        CompletableFuture<Void> request = inTransaction(() -> {
            escalation.requestEscalation(id, suzuki, "他課にも影響");
            first.reachedAndWait();
        });
        first.awaitReached();
        CompletableFuture<Void> resolve = CompletableFuture.runAsync(() -> escalation.resolve(id, sato, "窓口を増設した"));
        assertWaiting(resolve);

        first.release();
        request.get(30, TimeUnit.SECONDS);
        assertThat(resolve).failsWithin(Duration.ofSeconds(30)).withThrowableThat()
                .withCauseInstanceOf(ConflictException.class);

        assertThat(lifecycle.summary(id).status()).isEqualTo(IssueStatus.ESCALATION_REQUESTED);
        assertThat(actions(id)).containsOnlyOnce("ESCALATION_REQUESTED").doesNotContain("ISSUE_RESOLVED");
    }

    private String raise(String title) {
        ClockUtil.setCurrentTime(Date.from(RAISED_AT));
        return intake.raise(new RaiseIssueRequest(title, "同時操作の検証", Category.CITIZEN_SERVICE, Severity.MEDIUM,
                "shimin-ka", List.of(), false, null), sato, Optional.empty()).id();
    }

    private CompletableFuture<Void> inTransaction(Runnable work) {
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        return CompletableFuture.runAsync(() -> transaction.executeWithoutResult(status -> work.run()));
    }

    /** The second party is held on the first one's lock while the first transaction is open. */
    private static void assertWaiting(CompletableFuture<Void> second) {
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> !second.isDone());
    }

    /** The losing job either found its job gone or hit the engine's optimistic lock and rolled back whole. */
    private static void assertRolledBackOrNoOp(CompletableFuture<Void> timer) {
        Throwable failure = timer.handle((ok, error) -> error).join();
        if (failure != null) {
            Throwable cause = failure.getCause() == null ? failure : failure.getCause();
            assertThat(cause).isInstanceOf(OptimisticLockingException.class);
        }
    }

    private Job timerOf(String issueId, String activityId) {
        return levelInstances(issueId).stream()
                .flatMap(level -> management.createJobQuery().processInstanceId(level).activityId(activityId).list().stream())
                .findFirst().orElseThrow(() -> new AssertionError("no " + activityId + " for " + issueId));
    }

    private List<Job> jobsOf(String issueId) {
        return levelInstances(issueId).stream()
                .flatMap(level -> management.createJobQuery().processInstanceId(level).list().stream()).toList();
    }

    private List<String> levelInstances(String issueId) {
        String root = lifecycle.summary(issueId).processInstanceId();
        return runtime.createProcessInstanceQuery().superProcessInstanceId(root).list().stream()
                .map(instance -> instance.getId()).toList();
    }

    private List<String> actions(String issueId) {
        return jdbc.sql("select action from audit_event where issue_id = ? order by seq").param(issueId)
                .query(String.class).list();
    }
}
