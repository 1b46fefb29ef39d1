package jp.tsunagu.escalation.internal;

import static jp.tsunagu.testsupport.DemoPeople.SATO;
import static jp.tsunagu.testsupport.IssueTimers.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jp.tsunagu.AbstractIntegrationTest;
import jp.tsunagu.issue.Category;
import jp.tsunagu.issue.IssueIntake;
import jp.tsunagu.issue.IssueLifecycle;
import jp.tsunagu.issue.IssueQueries;
import jp.tsunagu.issue.Level;
import jp.tsunagu.issue.RaiseIssueRequest;
import jp.tsunagu.issue.Severity;
import jp.tsunagu.issue.SlaView;
import jp.tsunagu.sla.BusinessCalendar;
import jp.tsunagu.testsupport.InterleavedStep;
import jp.tsunagu.testsupport.IssueTimers;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A calendar change's move and a breach timer firing on the same issue at the same moment (the job executor of
 * another node). Interleaved step by step, as in the engine's own concurrency tests: the first holds its transaction
 * open with the issue locked, the second waits on the lock; whichever goes first, the breach happens once and the next
 * level's targets count on the new calendar, once. An issue raised on Friday 2027-06-04 at 10:00 (MEDIUM) is due to be
 * acknowledged on Monday at 10:00; at 10:00:30, before the timer has run, Wednesday becomes a closure day.
 */
abstract class CalendarChangeConcurrencyTests extends AbstractIntegrationTest {

    static final LocalDate WEDNESDAY = LocalDate.parse("2027-06-09");
    /** Entered at Monday 10:00:30: P1D is Tuesday 10:00:30, P5D skips the closed Wednesday. */
    static final OffsetDateTime DEPARTMENT_ACKNOWLEDGE_BY = OffsetDateTime.parse("2027-06-08T10:00:30+09:00");
    static final OffsetDateTime DEPARTMENT_RESOLVE_BY = OffsetDateTime.parse("2027-06-15T10:00:30+09:00");

    @Autowired
    BusinessCalendar calendar;

    @Autowired
    CalendarChangeWorker worker;

    @Autowired
    CalendarChangeMove move;

    @Autowired
    CalendarChanges changes;

    @Autowired
    IssueIntake intake;

    @Autowired
    IssueLifecycle lifecycle;

    @Autowired
    IssueQueries queries;

    @Autowired
    ManagementService management;

    @Autowired
    RuntimeService runtime;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    String id;
    Job breach;

    @BeforeEach
    void anIssueWhoseAcknowledgeTargetPassedAsWednesdayClosed() {
        worker.moveDue();
        at("2027-06-04T10:00:00+09:00");
        id = intake.raise(new RaiseIssueRequest("同時の期限超過", "閉庁日の追加と同時", Category.FACILITY,
                Severity.MEDIUM, "shimin-ka", List.of(), false, null), SATO, Optional.empty()).id();
        at("2027-06-07T10:00:30+09:00");
        calendar.addClosure(WEDNESDAY, "台風による臨時閉庁", "admin");
        breach = new IssueTimers(management, runtime).timer(id, "Timer_AcknowledgeBreach");
    }

    @AfterEach
    void openAgain() {
        calendar.removeClosure(WEDNESDAY);
        worker.moveDue();
    }

    @Test
    void theMoveHoldingTheLockMakesTheTimerWaitAndTheBreachCountsOnTheNewCalendar() throws Exception {
        PendingCalendarChange change = worker.pending(changes.oldestUnfinished().orElseThrow());
        InterleavedStep mover = new InterleavedStep();
        CompletableFuture<Void> moving = inTransaction(() -> {
            assertThat(move.move(id, change)).isTrue();
            mover.reachedAndWait();
        });
        mover.awaitReached();
        CompletableFuture<Void> timer = CompletableFuture.runAsync(() -> management.executeJob(breach.getId()));
        assertWaiting(timer);

        mover.release();
        moving.get(30, TimeUnit.SECONDS);
        if (rolledBack(timer)) {
            management.executeJob(breach.getId()); // the job executor tries it again
        }
        worker.moveDue();

        assertThat(lifecycle.summary(id).level()).isEqualTo(Level.DEPARTMENT);
        assertThat(count("SLA_BREACH_ESCALATED")).isEqualTo(1);
        assertThat(details("SLA_TARGETS_MOVED")).singleElement().asString().contains("\"level\":\"SECTION\"",
                "\"before.resolveBy\":\"2027-06-11T01:00:00Z\"", "\"resolveBy\":\"2027-06-14T01:00:00Z\"");
        assertDepartmentTargetsOnTheNewCalendar();
    }

    @Test
    void theTimerHoldingTheLockGoesFirstAndTheMoveLeavesTheLevelItReached() throws Exception {
        InterleavedStep job = new InterleavedStep();
        CompletableFuture<Void> timer = inTransaction(() -> {
            management.executeJob(breach.getId());
            job.reachedAndWait();
        });
        job.awaitReached();
        CompletableFuture<Integer> moving = CompletableFuture.supplyAsync(worker::moveDue);
        assertWaiting(moving);

        job.release();
        timer.get(30, TimeUnit.SECONDS);
        moving.get(30, TimeUnit.SECONDS);

        assertThat(lifecycle.summary(id).level()).isEqualTo(Level.DEPARTMENT);
        assertThat(count("SLA_BREACH_ESCALATED")).isEqualTo(1);
        assertThat(count("SLA_TARGETS_MOVED")).as("its targets were computed after the change").isZero();
        assertDepartmentTargetsOnTheNewCalendar();
    }

    private void assertDepartmentTargetsOnTheNewCalendar() {
        SlaView sla = queries.view(id, SATO).sla();
        assertThat(sla.acknowledgeBy()).isEqualTo(DEPARTMENT_ACKNOWLEDGE_BY);
        assertThat(sla.resolveBy()).as("once, not moved again").isEqualTo(DEPARTMENT_RESOLVE_BY);
    }

    private CompletableFuture<Void> inTransaction(Runnable work) {
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        return CompletableFuture.runAsync(() -> transaction.executeWithoutResult(status -> work.run()));
    }

    /** The second party is held on the first one's lock while the first transaction is open. */
    private static void assertWaiting(CompletableFuture<?> second) {
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> !second.isDone());
    }

    /** The timer either ran on what the move left, or hit the engine's optimistic lock and rolled back whole. */
    private static boolean rolledBack(CompletableFuture<Void> timer) {
        Throwable failure = timer.handle((ok, error) -> error).join();
        if (failure == null) {
            return false;
        }
        assertThat(failure.getCause() == null ? failure : failure.getCause())
                .isInstanceOf(OptimisticLockingException.class);
        return true;
    }

    private long count(String action) {
        return jdbc.sql("select count(*) from audit_event where issue_id = ? and action = ?").params(id, action)
                .query(Long.class).single();
    }

    private List<String> details(String action) {
        return jdbc.sql("select details from audit_event where issue_id = ? and action = ? order by seq")
                .params(id, action).query(String.class).list();
    }
}
