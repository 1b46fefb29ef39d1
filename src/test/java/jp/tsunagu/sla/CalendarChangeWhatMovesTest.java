package jp.tsunagu.sla;

import static jp.tsunagu.testsupport.DemoPeople.SATO;
import static jp.tsunagu.testsupport.IssueTimers.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
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
import jp.tsunagu.issue.IssueStatus;
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
 * What a calendar change moves, and what it leaves: a closure for today while the city hall is open, one on a
 * Saturday, identical holiday data, a reminder that has rung or not, each status and level, and a fresh acknowledge
 * target at CITY computed after the change but before the worker reached the issue. May 2027, which no other test
 * uses: Monday 5/10 to Friday 5/14 and Monday 5/17 to Friday 5/21 are business days.
 */
class CalendarChangeWhatMovesTest extends AbstractIntegrationTest {

    static final LocalDate MONDAY = LocalDate.parse("2027-05-10");
    static final LocalDate TUESDAY = LocalDate.parse("2027-05-11");
    static final LocalDate THURSDAY = LocalDate.parse("2027-05-13");
    static final LocalDate SATURDAY = LocalDate.parse("2027-05-15");
    static final LocalDate NEXT_TUESDAY = LocalDate.parse("2027-05-18");

    @Autowired
    BusinessCalendar calendar;

    @Autowired
    CalendarChangeWorker worker;

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

    /** Changes that tests elsewhere in this context made, and left for a worker. */
    @BeforeEach
    void nothingPending() {
        worker.moveDue();
    }

    @AfterEach
    void openAgain() {
        for (LocalDate day : List.of(MONDAY, TUESDAY, THURSDAY, SATURDAY, NEXT_TUESDAY)) {
            calendar.removeClosure(day);
        }
        worker.moveDue();
    }

    @Test
    void aClosureForTodayWhileOpenCountsTheTimeLeftFromNowAndLeavesWhatWasRaisedSince() {
        at("2027-05-10T10:00:00+09:00");
        String id = raise(Severity.MEDIUM);
        at("2027-05-10T11:00:00+09:00");
        calendar.addClosure(MONDAY, "停電のため午前11時で閉庁", "admin");
        at("2027-05-10T11:30:00+09:00");
        String raisedOnTheClosedDay = raise(Severity.MEDIUM);
        OffsetDateTime itsTarget = view(raisedOnTheClosedDay).sla().acknowledgeBy();
        worker.moveDue();

        // 7 h 45 min were left until Tuesday 10:00, 3 h 22 min 30 s until the reminder, 42 h 45 min until resolve.
        assertThat(view(id).sla().acknowledgeBy()).isEqualTo(OffsetDateTime.parse("2027-05-11T16:15:00+09:00"));
        assertThat(view(id).sla().resolveBy()).isEqualTo(OffsetDateTime.parse("2027-05-17T16:15:00+09:00"));
        assertThat(timers().dueDates(id)).containsExactlyInAnyOrder(utc("2027-05-11T02:52:30Z"),
                utc("2027-05-11T07:15:00Z"), utc("2027-05-17T07:15:00Z"));
        assertThat(itsTarget).as("counted on the new calendar: Tuesday's opening plus one business day")
                .isEqualTo(OffsetDateTime.parse("2027-05-12T08:30:00+09:00"));
        assertThat(view(raisedOnTheClosedDay).sla().acknowledgeBy()).isEqualTo(itsTarget);
        assertThat(count(raisedOnTheClosedDay, "SLA_TARGETS_MOVED")).isZero();
    }

    @Test
    void aClosureOnASaturdayMovesNothingAndRecordsNoMove() {
        at("2027-05-10T10:00:00+09:00");
        String id = raise(Severity.MEDIUM);
        IssueView before = view(id);
        List<Date> timersBefore = timers().dueDates(id);
        at("2027-05-10T11:00:00+09:00");

        assertThat(calendar.addClosure(SATURDAY, "庁舎設備点検", "admin").issuesToMove()).isZero();
        assertThat(jdbc.sql("select count(*) from calendar_change where reason like '%2027-05-15%'")
                .query(Long.class).single()).isZero();
        worker.moveDue();
        assertNothingMoved(id, before, timersBefore);
    }

    /**
     * Due times count the opening time left from now, so a closure on a day already past touches no open issue that
     * is not paused: the administrator may record it, and no target or breach of the past changes.
     */
    @Test
    void aClosureOnADayAlreadyPastMovesNothingAndRecordsNoMove() {
        at("2027-05-10T10:00:00+09:00");
        String id = raise(Severity.MEDIUM);
        IssueView before = view(id);
        List<Date> timersBefore = timers().dueDates(id);
        at("2027-05-11T09:00:00+09:00");

        assertThat(calendar.addClosure(MONDAY, "停電（事後の記録）", "admin").issuesToMove()).isZero();
        worker.moveDue();
        assertNothingMoved(id, before, timersBefore);
    }

    @Test
    void theSameHolidayDataAgainMovesNothing() throws IOException {
        at("2027-05-10T10:00:00+09:00");
        String id = raise(Severity.MEDIUM);
        IssueView before = view(id);

        assertThat(calendar.replaceHolidayData(holidayDataInUse())).isZero();
        worker.moveDue();
        assertThat(view(id).sla().acknowledgeBy()).isEqualTo(before.sla().acknowledgeBy());
        assertThat(view(id).sla().resolveBy()).isEqualTo(before.sla().resolveBy());
        assertThat(count(id, "SLA_TARGETS_MOVED")).isZero();
    }

    @Test
    void aReminderThatRangStaysRungAndOneStillToRingMovesWithTheTarget() {
        at("2027-05-10T10:00:00+09:00");
        String rang = raise(Severity.MEDIUM);
        at("2027-05-10T14:00:00+09:00");
        String toRing = raise(Severity.MEDIUM);
        at("2027-05-10T15:00:00+09:00");
        timers().runDueJobsOf(rang);
        assertThat(count(rang, "SLA_REMINDER_SENT")).isEqualTo(1);

        calendar.addClosure(TUESDAY, "台風による臨時閉庁", "admin");
        worker.moveDue();

        assertThat(timers().dueDates(rang)).as("no reminder again").containsExactlyInAnyOrder(
                utc("2027-05-12T01:00:00Z"), utc("2027-05-18T01:00:00Z"));
        // Its reminder was due Tuesday 09:37:30 (half of 8 h 45 min), its target Tuesday 14:00.
        assertThat(timers().dueDates(toRing)).containsExactlyInAnyOrder(utc("2027-05-12T00:37:30Z"),
                utc("2027-05-12T05:00:00Z"), utc("2027-05-18T05:00:00Z"));
        at("2027-05-12T09:38:00+09:00");
        timers().runDueJobsOf(rang);
        timers().runDueJobsOf(toRing);
        assertThat(count(rang, "SLA_REMINDER_SENT")).isEqualTo(1);
        assertThat(count(toRing, "SLA_REMINDER_SENT")).isEqualTo(1);
    }

    @Test
    void everyStatusAndLevelHasItsResolveTargetAndItsTaskMoved() {
        at("2027-05-07T10:00:00+09:00");
        String department = raise(Severity.MEDIUM);
        at("2027-05-10T10:01:00+09:00");
        timers().runDueJobsOf(department);
        assertThat(view(department).level()).isEqualTo(Level.DEPARTMENT);
        at("2027-05-10T10:00:00+09:00");
        String open = raise(Severity.MEDIUM);
        String inProgress = raise(Severity.MEDIUM);
        escalation.acknowledge(inProgress, SATO);
        String requested = raise(Severity.MEDIUM);
        escalation.acknowledge(requested, SATO);
        escalation.requestEscalation(requested, SATO, "他課の窓口にも影響");
        at("2027-05-10T11:00:00+09:00");

        calendar.addClosure(THURSDAY, "庁舎設備点検", "admin");
        worker.moveDue();

        for (String id : List.of(open, inProgress, requested)) {
            assertThat(view(id).sla().acknowledgeBy()).as("Tuesday, before the closure")
                    .isEqualTo(OffsetDateTime.parse("2027-05-11T10:00:00+09:00"));
            assertThat(view(id).sla().resolveBy()).isEqualTo(OffsetDateTime.parse("2027-05-18T10:00:00+09:00"));
        }
        assertThat(view(inProgress).status()).isEqualTo(IssueStatus.IN_PROGRESS);
        assertThat(workItemDue(inProgress, "RESPOND")).isEqualTo(Instant.parse("2027-05-18T01:00:00Z"));
        assertThat(view(requested).status()).isEqualTo(IssueStatus.ESCALATION_REQUESTED);
        assertThat(workItemDue(requested, "APPROVE_ESCALATION")).isEqualTo(Instant.parse("2027-05-18T01:00:00Z"));
        assertThat(view(department).sla().resolveBy()).isEqualTo(OffsetDateTime.parse("2027-05-18T10:01:00+09:00"));
        assertThat(timers().dueDates(department)).contains(utc("2027-05-18T01:01:00Z"));
    }

    @Test
    void aFreshAcknowledgeTargetAtCityAfterTheChangeStaysAndTheResolveTargetMoves() {
        at("2027-05-12T10:00:00+09:00");
        String id = raise(Severity.MEDIUM);
        at("2027-05-13T10:01:00+09:00");
        timers().runDueJobsOf(id);
        at("2027-05-14T10:02:00+09:00");
        timers().runDueJobsOf(id);
        assertThat(view(id).level()).isEqualTo(Level.CITY);
        assertThat(view(id).sla().resolveBy()).isEqualTo(OffsetDateTime.parse("2027-05-21T10:02:00+09:00"));

        at("2027-05-17T09:00:00+09:00");
        calendar.addClosure(NEXT_TUESDAY, "台風による臨時閉庁", "admin");
        // Before the worker reaches the issue, its acknowledge target passes: a fresh one, on the new calendar.
        at("2027-05-17T10:03:00+09:00");
        timers().runDueJobsOf(id);
        assertThat(view(id).sla().acknowledgeBy()).isEqualTo(OffsetDateTime.parse("2027-05-19T10:03:00+09:00"));
        at("2027-05-17T10:04:00+09:00");
        worker.moveDue();

        assertThat(view(id).sla().acknowledgeBy()).as("not moved twice")
                .isEqualTo(OffsetDateTime.parse("2027-05-19T10:03:00+09:00"));
        assertThat(view(id).sla().resolveBy()).as("the level's clock started before the change")
                .isEqualTo(OffsetDateTime.parse("2027-05-24T10:02:00+09:00"));
        assertThat(timers().dueDates(id)).containsExactlyInAnyOrder(utc("2027-05-17T05:25:30Z"),
                utc("2027-05-19T01:03:00Z"), utc("2027-05-24T01:02:00Z"));
    }

    private String raise(Severity severity) {
        return intake.raise(new RaiseIssueRequest("窓口端末の不具合", "受付票が印刷できない", Category.SYSTEM, severity,
                "shimin-ka", List.of(), false, null), SATO, Optional.empty()).id();
    }

    private byte[] holidayDataInUse() throws IOException {
        Optional<byte[]> loaded = jdbc.sql("select csv from holiday_data where id = 1").query(byte[].class).optional();
        if (loaded.isPresent()) {
            return loaded.get();
        }
        try (InputStream shipped = getClass().getResourceAsStream("/holidays/syukujitsu.csv")) {
            return shipped.readAllBytes();
        }
    }

    private IssueView view(String id) {
        return queries.view(id, SATO);
    }

    private IssueTimers timers() {
        return new IssueTimers(management, runtime);
    }

    private long count(String issueId, String action) {
        return jdbc.sql("select count(*) from audit_event where issue_id = ? and action = ?")
                .params(issueId, action).query(Long.class).single();
    }

    private Instant workItemDue(String issueId, String kind) {
        return jdbc.sql("select due_at from work_item where issue_id = ? and kind = ?")
                .params(issueId, kind).query(Timestamp.class).single().toInstant();
    }

    private static Date utc(String instant) {
        return Date.from(Instant.parse(instant));
    }

    /** The issue's targets, its timers and its trail are as they were before the change. */
    private void assertNothingMoved(String id, IssueView before, List<Date> timersBefore) {
        assertThat(view(id).sla().acknowledgeBy()).isEqualTo(before.sla().acknowledgeBy());
        assertThat(view(id).sla().resolveBy()).isEqualTo(before.sla().resolveBy());
        assertThat(timers().dueDates(id)).isEqualTo(timersBefore);
        assertThat(count(id, "SLA_TARGETS_MOVED")).isZero();
    }
}
