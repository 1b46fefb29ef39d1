package jp.tsunagu.sla;

import static jp.tsunagu.testsupport.DemoPeople.SATO;
import static jp.tsunagu.testsupport.DemoPeople.SUZUKI;
import static jp.tsunagu.testsupport.IssueTimers.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import jp.tsunagu.AbstractIntegrationTest;
import jp.tsunagu.escalation.EscalationService;
import jp.tsunagu.escalation.internal.CalendarChangeWorker;
import jp.tsunagu.issue.Category;
import jp.tsunagu.issue.IssueIntake;
import jp.tsunagu.issue.IssueQueries;
import jp.tsunagu.issue.IssueView;
import jp.tsunagu.issue.Level;
import jp.tsunagu.issue.RaiseIssueRequest;
import jp.tsunagu.issue.Severity;
import jp.tsunagu.testsupport.IssueTimers;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A closure day added or removed later applies to the open issues on the business clock: their due times and timers
 * are counted again (期限の特例), and each move is audited. March 2027, which no other test uses: Monday 3/8 to
 * Friday 3/12 are business days.
 */
class CalendarChangeMovesOpenIssuesTest extends AbstractIntegrationTest {

    private static final LocalDate TUESDAY = LocalDate.parse("2027-03-09");

    @Autowired
    BusinessCalendar calendar;

    @Autowired
    IssueIntake intake;

    @Autowired
    IssueQueries queries;

    @Autowired
    EscalationService escalation;

    @Autowired
    ManagementService management;

    @Autowired
    RuntimeService runtime;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CalendarChangeWorker worker;

    /** Changes that tests elsewhere in this context made, and left for a worker. */
    @BeforeEach
    void nothingPending() {
        worker.moveDue();
    }

    @AfterEach
    void removeTheClosure() {
        calendar.removeClosure(TUESDAY);
        worker.moveDue();
    }

    @Test
    void anIssueDueOnADayThatBecomesClosedBreachesAtTheSameTimeOnTheNextBusinessDay() {
        at("2027-03-08T10:00:00+09:00");
        String id = raise(Severity.MEDIUM);
        // P1D: Tuesday 10:00; the reminder halfway, Monday 14:22:30; P5D: next Monday 10:00.
        assertThat(view(id).sla().acknowledgeBy()).isEqualTo(OffsetDateTime.parse("2027-03-09T10:00:00+09:00"));
        assertThat(view(id).sla().resolveBy()).isEqualTo(OffsetDateTime.parse("2027-03-15T10:00:00+09:00"));

        at("2027-03-08T11:00:00+09:00");
        int toMove = calendar.addClosure(TUESDAY, "台風による臨時閉庁", "admin").issuesToMove();
        assertThat(toMove).as("this issue, and any that earlier tests left open").isPositive();
        assertThat(view(id).sla().acknowledgeBy()).as("moved in the background, not in the administrator's request")
                .isEqualTo(OffsetDateTime.parse("2027-03-09T10:00:00+09:00"));
        assertThat(worker.moveDue()).as("as many as the answer said").isEqualTo(toMove);

        IssueView moved = view(id);
        assertThat(moved.sla().acknowledgeBy()).as("Tuesday's 90 minutes now come on Wednesday")
                .isEqualTo(OffsetDateTime.parse("2027-03-10T10:00:00+09:00"));
        assertThat(moved.sla().resolveBy()).as("after the closure: later by one day's opening time")
                .isEqualTo(OffsetDateTime.parse("2027-03-16T10:00:00+09:00"));
        assertThat(timerDueDates(id)).containsExactlyInAnyOrder(
                Date.from(Instant.parse("2027-03-08T05:22:30Z")), // the reminder, before the closure, stays
                Date.from(Instant.parse("2027-03-10T01:00:00Z")),
                Date.from(Instant.parse("2027-03-16T01:00:00Z")));
        assertThat(workItemDue(id)).isEqualTo(Instant.parse("2027-03-10T01:00:00Z"));
        assertThat(auditDetails(id, "SLA_TARGETS_MOVED")).singleElement().asString().contains(
                "\"reason.what\":\"closure added\"", "\"reason.date\":\"2027-03-09\"", "\"level\":\"SECTION\"",
                "\"before.acknowledgeBy\":\"2027-03-09T01:00:00Z\"", "\"acknowledgeBy\":\"2027-03-10T01:00:00Z\"",
                "\"before.resolveBy\":\"2027-03-15T01:00:00Z\"", "\"resolveBy\":\"2027-03-16T01:00:00Z\"");

        at("2027-03-09T10:01:00+09:00");
        runDueJobsOf(id);
        assertThat(count(id, "SLA_BREACH_ESCALATED")).as("not on the closed day").isZero();
        at("2027-03-10T09:59:00+09:00");
        runDueJobsOf(id);
        assertThat(count(id, "SLA_BREACH_ESCALATED")).isZero();
        at("2027-03-10T10:01:00+09:00");
        runDueJobsOf(id);
        assertThat(count(id, "SLA_BREACH_ESCALATED")).isEqualTo(1);
        assertThat(view(id).level()).isEqualTo(Level.DEPARTMENT);
    }

    @Test
    void removingTheClosureMovesTheDueTimesBack() {
        at("2027-03-08T10:00:00+09:00");
        String id = raise(Severity.MEDIUM);
        at("2027-03-08T11:00:00+09:00");
        calendar.addClosure(TUESDAY, "台風による臨時閉庁", "admin");
        worker.moveDue();
        assertThat(calendar.addClosure(TUESDAY, "台風接近による臨時閉庁", "admin").issuesToMove()).isZero();
        worker.moveDue();
        assertThat(count(id, "SLA_TARGETS_MOVED")).as("a new reason for the same day moves nothing").isEqualTo(1);

        at("2027-03-08T12:00:00+09:00");
        assertThat(calendar.removeClosure(TUESDAY).orElseThrow()).isPositive();
        worker.moveDue();

        assertThat(view(id).sla().acknowledgeBy()).isEqualTo(OffsetDateTime.parse("2027-03-09T10:00:00+09:00"));
        assertThat(view(id).sla().resolveBy()).isEqualTo(OffsetDateTime.parse("2027-03-15T10:00:00+09:00"));
        assertThat(timerDueDates(id)).contains(Date.from(Instant.parse("2027-03-09T01:00:00Z")),
                Date.from(Instant.parse("2027-03-15T01:00:00Z")));
        assertThat(auditDetails(id, "SLA_TARGETS_MOVED")).hasSize(2).last().asString().contains(
                "\"reason.what\":\"closure removed\"", "\"acknowledgeBy\":\"2027-03-09T01:00:00Z\"");
    }

    @Test
    void criticalResolvedAndUntouchedIssuesKeepTheirDueTimes() {
        at("2027-03-08T10:00:00+09:00");
        String critical = raise(Severity.CRITICAL);
        String resolved = raise(Severity.MEDIUM);
        escalation.acknowledge(resolved, SATO);
        escalation.resolve(resolved, SATO, "窓口で対応済み");
        List<Date> criticalTimers = timerDueDates(critical);
        OffsetDateTime resolvedTarget = view(resolved).sla().resolveBy();

        calendar.addClosure(TUESDAY, "台風による臨時閉庁", "admin");
        worker.moveDue();

        assertThat(timerDueDates(critical)).as("the continuous clock never moves").isEqualTo(criticalTimers);
        assertThat(view(resolved).sla().resolveBy()).isEqualTo(resolvedTarget);
        assertThat(count(critical, "SLA_TARGETS_MOVED") + count(resolved, "SLA_TARGETS_MOVED")).isZero();

        at("2027-03-11T10:00:00+09:00");
        String raisedLater = raise(Severity.MEDIUM);
        calendar.removeClosure(TUESDAY);
        worker.moveDue();
        assertThat(count(raisedLater, "SLA_TARGETS_MOVED")).as("a day before now changes no time left").isZero();
    }

    @Test
    void aPausedIssueCountsTheTimeLeftFromWhenItWasPaused() {
        at("2027-03-08T10:00:00+09:00");
        String id = raise(Severity.MEDIUM);
        at("2027-03-08T11:00:00+09:00");
        escalation.pause(id, SUZUKI, "市民からの回答待ち");

        at("2027-03-08T12:00:00+09:00");
        calendar.addClosure(TUESDAY, "台風による臨時閉庁", "admin");
        worker.moveDue();
        // 7 h 45 min were left at 11:00: 6 h 15 min on Monday, then Tuesday's 90 minutes, now Wednesday's.
        assertThat(view(id).sla().acknowledgeBy()).isEqualTo(OffsetDateTime.parse("2027-03-10T10:00:00+09:00"));
        assertThat(auditDetails(id, "SLA_TARGETS_MOVED")).singleElement().asString()
                .contains("\"pausedAt\":\"2027-03-08T02:00:00Z\"");

        at("2027-03-08T13:00:00+09:00");
        escalation.resume(id, SUZUKI, "回答あり");
        assertThat(view(id).sla().acknowledgeBy()).as("then moved by the two hours of the pause")
                .isEqualTo(OffsetDateTime.parse("2027-03-10T12:00:00+09:00"));
        assertThat(timerDueDates(id)).contains(Date.from(Instant.parse("2027-03-10T03:00:00Z")));
    }

    private String raise(Severity severity) {
        return intake.raise(new RaiseIssueRequest("窓口端末の不具合", "受付票が印刷できない", Category.SYSTEM, severity,
                "shimin-ka", List.of(), false, null), SATO, Optional.empty()).id();
    }

    private IssueView view(String id) {
        return queries.view(id, SATO);
    }

    private long count(String issueId, String action) {
        return jdbc.sql("select count(*) from audit_event where issue_id = ? and action = ?")
                .params(issueId, action).query(Long.class).single();
    }

    private List<String> auditDetails(String issueId, String action) {
        return jdbc.sql("select details from audit_event where issue_id = ? and action = ? order by seq")
                .params(issueId, action).query(String.class).list();
    }

    private Instant workItemDue(String issueId) {
        return jdbc.sql("select due_at from work_item where issue_id = ? and kind = 'ACKNOWLEDGE'")
                .param(issueId).query(Timestamp.class).single().toInstant();
    }

    private List<Date> timerDueDates(String issueId) {
        return new IssueTimers(management, runtime).dueDates(issueId);
    }

    private void runDueJobsOf(String issueId) {
        new IssueTimers(management, runtime).runDueJobsOf(issueId);
    }
}
