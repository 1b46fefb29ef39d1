package jp.tsunagu.escalation.internal;

import static jp.tsunagu.testsupport.DemoPeople.SATO;
import static jp.tsunagu.testsupport.IssueTimers.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import jp.tsunagu.AbstractIntegrationTest;
import jp.tsunagu.issue.Category;
import jp.tsunagu.issue.IssueIntake;
import jp.tsunagu.issue.IssueLifecycle;
import jp.tsunagu.issue.RaiseIssueRequest;
import jp.tsunagu.issue.Severity;
import jp.tsunagu.sla.BusinessCalendar;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A node that dies half-way through a calendar change: its lease keeps the others off until it runs out, then the next
 * worker goes on with the issues left, and none moves twice. July 2027: Tuesday 7/6 becomes a closure day.
 */
class CalendarChangeWorkerTest extends AbstractIntegrationTest {

    static final LocalDate TUESDAY = LocalDate.parse("2027-07-06");

    @Autowired
    CalendarChangeWorker worker;

    @Autowired
    CalendarChanges changes;

    @Autowired
    CalendarChangeMove move;

    @Autowired
    BusinessCalendar calendar;

    @Autowired
    IssueIntake intake;

    @Autowired
    IssueLifecycle lifecycle;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void nothingPending() {
        worker.moveDue();
    }

    @AfterEach
    void openAgain() {
        calendar.removeClosure(TUESDAY);
        worker.moveDue();
    }

    @Test
    void aDeadWorkersChangeIsFinishedByAnotherOnceItsLeaseRanOutAndNoIssueMovesTwice() {
        at("2027-07-05T10:00:00+09:00");
        String first = raise();
        String second = raise();
        Instant acknowledgeBy = lifecycle.dueTimes(second).acknowledgeBy();
        at("2027-07-05T11:00:00+09:00");
        assertThat(calendar.addClosure(TUESDAY, "台風による臨時閉庁", "admin").issuesToMove()).isGreaterThanOrEqualTo(2);

        // A node claimed the change, moved the first issue and died.
        CalendarChanges.StoredChange stored = changes.oldestUnfinished().orElseThrow();
        Instant now = ClockUtil.getCurrentTime().toInstant();
        assertThat(changes.claim(stored.id(), "dead-node", now, now.plus(CalendarChangeWorker.LEASE))).isTrue();
        assertThat(move.move(first, worker.pending(stored))).isTrue();

        assertThat(worker.moveDue()).as("the lease keeps the others off").isZero();
        assertThat(lifecycle.dueTimes(second).acknowledgeBy()).isEqualTo(acknowledgeBy);

        ClockUtil.setCurrentTime(Date.from(now.plus(CalendarChangeWorker.LEASE).plusSeconds(1)));
        assertThat(worker.moveDue()).isPositive();

        assertThat(lifecycle.dueTimes(second).acknowledgeBy())
                .isEqualTo(OffsetDateTime.parse("2027-07-07T10:00:00+09:00").toInstant());
        assertThat(lifecycle.dueTimes(first).acknowledgeBy()).as("moved once, by the dead node")
                .isEqualTo(OffsetDateTime.parse("2027-07-07T10:00:00+09:00").toInstant());
        for (String id : List.of(first, second)) {
            assertThat(jdbc.sql("select count(*) from audit_event where issue_id = ? and action = 'SLA_TARGETS_MOVED'")
                    .param(id).query(Long.class).single()).isEqualTo(1);
        }
        assertThat(changes.oldestUnfinished()).isEmpty();
    }

    private String raise() {
        return intake.raise(new RaiseIssueRequest("窓口端末の不具合", "受付票が印刷できない", Category.SYSTEM,
                Severity.MEDIUM, "shimin-ka", List.of(), false, null), SATO, Optional.empty()).id();
    }
}
