package jp.tsunagu.sla;

import static jp.tsunagu.testsupport.DemoPeople.ITO;
import static jp.tsunagu.testsupport.DemoPeople.SATO;
import static jp.tsunagu.testsupport.DemoPeople.SUZUKI;
import static jp.tsunagu.testsupport.IssueTimers.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import jp.tsunagu.AbstractIntegrationTest;
import jp.tsunagu.common.ConflictException;
import jp.tsunagu.escalation.EscalationService;
import jp.tsunagu.issue.Category;
import jp.tsunagu.issue.IssueIntake;
import jp.tsunagu.issue.IssueQueries;
import jp.tsunagu.issue.IssueStatus;
import jp.tsunagu.issue.IssueView;
import jp.tsunagu.issue.Level;
import jp.tsunagu.issue.RaiseIssueRequest;
import jp.tsunagu.issue.Severity;
import jp.tsunagu.issue.internal.DashboardQueries;
import jp.tsunagu.testsupport.IssueTimers;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The process's timers fire at the business instants the calendar computes, and a paused issue never breaches. */
class SlaTimerTest extends AbstractIntegrationTest {

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
    DashboardQueries dashboard;

    @Test
    void aHighIssueRaisedFridayAfternoonIsRemindedAndBreachedOnMondayMorning() {
        at("2026-11-27T16:30:00+09:00");
        String id = raiseHigh();
        // PT2H of opening time: 45 minutes on Friday, 75 on Monday. The reminder comes after half of it.
        assertThat(view(id).sla().acknowledgeBy()).isEqualTo(OffsetDateTime.parse("2026-11-30T09:45:00+09:00"));
        assertThat(view(id).sla().acknowledgeRemaining()).isEqualTo(Duration.ofHours(2));
        assertThat(workItemDue(id)).isEqualTo(Instant.parse("2026-11-30T00:45:00Z"));

        at("2026-11-30T08:44:00+09:00");
        runDueJobsOf(id);
        assertThat(count(id, "SLA_REMINDER_SENT")).isZero();

        at("2026-11-30T08:46:00+09:00");
        runDueJobsOf(id);
        assertThat(count(id, "SLA_REMINDER_SENT")).isEqualTo(1);
        assertThat(view(id).level()).isEqualTo(Level.SECTION);

        at("2026-11-30T09:44:00+09:00");
        runDueJobsOf(id);
        assertThat(count(id, "SLA_BREACH_ESCALATED")).isZero();

        at("2026-11-30T09:46:00+09:00");
        runDueJobsOf(id);
        assertThat(count(id, "SLA_BREACH_ESCALATED")).isEqualTo(1);
        assertThat(view(id).level()).isEqualTo(Level.DEPARTMENT);
    }

    @Test
    void aPausedIssueNeverBreachesAndItsDueTimesMoveByThePausedSpanOnResume() {
        at("2026-11-30T10:00:00+09:00");
        String id = raiseHigh();
        assertThat(view(id).sla().acknowledgeBy()).isEqualTo(OffsetDateTime.parse("2026-11-30T12:00:00+09:00"));

        at("2026-11-30T10:30:00+09:00");
        escalation.pause(id, SUZUKI, "市民からの回答待ち");
        assertThatThrownBy(() -> escalation.pause(id, SUZUKI, "二度目")).as("pausing twice says it is paused already")
                .isInstanceOfSatisfying(ConflictException.class,
                        conflict -> assertThat(conflict.code()).hasValue("alreadyPaused"));
        assertThat(count(id, "ISSUE_PAUSED")).isEqualTo(1);
        at("2026-11-30T13:00:00+09:00");
        runDueJobsOf(id);
        assertThat(count(id, "SLA_REMINDER_SENT") + count(id, "SLA_BREACH_ESCALATED")).isZero();
        assertThat(view(id).sla().paused()).isTrue();
        assertThat(view(id).sla().acknowledgeRemaining()).as("the clock stands still").isEqualTo(Duration.ofMinutes(90));

        at("2026-11-30T14:00:00+09:00");
        escalation.resume(id, SUZUKI, "回答あり");
        IssueView resumed = view(id);
        assertThat(resumed.sla().paused()).isFalse();
        assertThat(resumed.sla().acknowledgeBy()).isEqualTo(OffsetDateTime.parse("2026-11-30T15:30:00+09:00"));
        assertThat(workItemDue(id)).isEqualTo(Instant.parse("2026-11-30T06:30:00Z"));
        assertThat(timerDueDates(id)).contains(Date.from(Instant.parse("2026-11-30T06:30:00Z")));

        at("2026-11-30T15:29:00+09:00");
        runDueJobsOf(id);
        assertThat(count(id, "SLA_REMINDER_SENT")).isEqualTo(1);
        assertThat(count(id, "SLA_BREACH_ESCALATED")).isZero();

        at("2026-11-30T15:31:00+09:00");
        runDueJobsOf(id);
        assertThat(count(id, "SLA_BREACH_ESCALATED")).isEqualTo(1);
        assertThat(breachedAcknowledgeBy(id)).as("the breach records the moved target")
                .isEqualTo(Instant.parse("2026-11-30T06:30:00Z").toString());
        assertThat(count(id, "ISSUE_PAUSED")).isEqualTo(1);
        assertThat(count(id, "ISSUE_RESUMED")).isEqualTo(1);
    }

    /** Paused after it was acknowledged: there is no acknowledge target left to count down, even once it has passed. */
    @Test
    void anAcknowledgedIssueShowsNoAcknowledgeTimeLeftWhilePaused() {
        at("2026-11-30T10:00:00+09:00");
        String id = raiseHigh();
        at("2026-11-30T10:10:00+09:00");
        escalation.acknowledge(id, SATO);
        at("2026-11-30T13:00:00+09:00");
        escalation.pause(id, SUZUKI, "市民からの回答待ち");

        IssueView paused = view(id);
        assertThat(paused.status()).isEqualTo(IssueStatus.PAUSED);
        assertThat(paused.sla().acknowledgeRemaining()).isNull();
        assertThat(paused.sla().resolveRemaining()).isNotNull();

        at("2026-11-30T14:00:00+09:00");
        escalation.resume(id, SUZUKI, "回答あり");
        assertThat(view(id).status()).isEqualTo(IssueStatus.IN_PROGRESS);
        assertThat(view(id).sla().acknowledgeRemaining()).isNull();
    }

    @Test
    void aPauseOverTheWeekendMovesTheDueTimesByTheOpeningTimeItTook() {
        at("2026-11-27T16:30:00+09:00");
        String id = raiseHigh();
        assertThat(view(id).sla().acknowledgeBy()).isEqualTo(OffsetDateTime.parse("2026-11-30T09:45:00+09:00"));
        assertThat(view(id).sla().resolveBy()).isEqualTo(OffsetDateTime.parse("2026-12-01T16:30:00+09:00"));

        // Paused at 16:45 on Friday, resumed at Monday's opening: the pause took 30 minutes of opening time.
        at("2026-11-27T16:45:00+09:00");
        escalation.pause(id, SUZUKI, "市民からの回答待ち");
        at("2026-11-30T08:30:00+09:00");
        escalation.resume(id, SUZUKI, "回答あり");

        IssueView resumed = view(id);
        assertThat(resumed.sla().acknowledgeBy()).isEqualTo(OffsetDateTime.parse("2026-11-30T10:15:00+09:00"));
        assertThat(resumed.sla().resolveBy()).isEqualTo(OffsetDateTime.parse("2026-12-01T17:00:00+09:00"));
        assertThat(resumed.sla().acknowledgeRemaining()).as("the 105 minutes left at the pause")
                .isEqualTo(Duration.ofMinutes(105));
        assertThat(auditDetails(id, "ISSUE_RESUMED")).as("an auditor sees where the due times went, not just the pause's"
                        + " 64 hours on the wall clock")
                .contains("\"pausedSeconds\":229500", "\"acknowledgeBy\":\"2026-11-30T01:15:00Z\"",
                        "\"resolveBy\":\"2026-12-01T08:00:00Z\"");
        assertThat(workItemDue(id)).isEqualTo(Instant.parse("2026-11-30T01:15:00Z"));
        assertThat(timerDueDates(id)).containsExactlyInAnyOrder(
                Date.from(Instant.parse("2026-11-30T00:15:00Z")), // the reminder, 08:45 → 09:15
                Date.from(Instant.parse("2026-11-30T01:15:00Z")),
                Date.from(Instant.parse("2026-12-01T08:00:00Z"))); // the resolve target, moved as well

        at("2026-11-30T09:00:00+09:00");
        escalation.acknowledge(id, SATO);
        assertThat(workItemDue(id, "RESPOND")).as("the resolve target counts from the moved due time")
                .isEqualTo(Instant.parse("2026-12-01T08:00:00Z"));
        assertThat(timerDueDates(id)).containsExactly(Date.from(Instant.parse("2026-12-01T08:00:00Z")));
    }

    @Test
    void aBreachAtCityGivesAFreshAcknowledgeTargetButKeepsTheResolveTarget() {
        at("2026-11-30T10:00:00+09:00");
        String id = intake.raise(new RaiseIssueRequest("庁舎の停電", "全館停電", Category.FACILITY, Severity.CRITICAL,
                "shimin-ka", List.of(), false, null), SATO, Optional.empty()).id();
        assertThat(view(id).level()).isEqualTo(Level.CITY);
        assertThat(view(id).sla().resolveBy()).isEqualTo(OffsetDateTime.parse("2026-11-30T18:00:00+09:00"));

        at("2026-11-30T10:31:00+09:00");
        runDueJobsOf(id);
        assertThat(count(id, "SLA_BREACH_RENOTIFIED")).isEqualTo(1);
        assertThat(view(id).sla().acknowledgeBy()).isEqualTo(OffsetDateTime.parse("2026-11-30T11:01:00+09:00"));
        assertThat(view(id).sla().resolveBy()).isEqualTo(OffsetDateTime.parse("2026-11-30T18:00:00+09:00"));

        escalation.acknowledge(id, ITO);
        assertThat(workItemDue(id, "RESPOND")).isEqualTo(Instant.parse("2026-11-30T09:00:00Z"));
        assertThat(timerDueDates(id)).containsExactly(Date.from(Instant.parse("2026-11-30T09:00:00Z")));
    }

    @Test
    void aBreachAtCityCountsOnTheDashboardAndItsArrivalStaysOpenUntilAcknowledged() {
        // An instant no other test uses, so that the window holds this arrival only.
        Instant arrived = Instant.parse("2026-12-02T01:07:13Z");
        at("2026-12-02T10:07:13+09:00");
        String id = intake.raise(new RaiseIssueRequest("庁舎の断水", "全館断水", Category.FACILITY, Severity.CRITICAL,
                "shimin-ka", List.of(), false, null), SATO, Optional.empty()).id();
        at("2026-12-02T10:38:00+09:00");
        runDueJobsOf(id);
        assertThat(count(id, "SLA_BREACH_RENOTIFIED")).isEqualTo(1);
        assertThat(dashboard.arrivals(SATO, arrived, Instant.parse("2026-12-02T01:40:00Z")))
                .as("breached, and not yet acknowledged")
                .containsExactly(new DashboardQueries.Arrival("shimin-ka", arrived, null, true));
        assertThat(escalation.openTasksOn(id, ITO))
                .as("the coordinators' task list marks the task as re-notified")
                .singleElement().satisfies(task -> assertThat(task.issue().acknowledgeBreached()).isTrue());

        at("2026-12-02T10:45:00+09:00");
        escalation.acknowledge(id, ITO);
        assertThat(dashboard.arrivals(SATO, arrived, Instant.parse("2026-12-02T01:50:00Z")))
                .as("acknowledged late: the time it took, and still breached")
                .containsExactly(new DashboardQueries.Arrival("shimin-ka", arrived, Duration.ofSeconds(37 * 60 + 47), true));
    }

    /** Nobody acknowledges at CITY: the acknowledge breaches re-notify, and the resolve target is still flagged. */
    @Test
    void anUnacknowledgedIssueAtCityIsFlaggedWhenItsResolveTargetPasses() {
        at("2026-11-30T10:00:00+09:00");
        String id = intake.raise(new RaiseIssueRequest("庁舎の停電", "全館停電", Category.FACILITY, Severity.CRITICAL,
                "shimin-ka", List.of(), false, null), SATO, Optional.empty()).id();
        assertThat(timerDueDates(id)).as("the resolve timer runs from the arrival at CITY")
                .contains(Date.from(Instant.parse("2026-11-30T09:00:00Z")));

        for (String time : List.of("10:31", "11:02", "11:33", "12:04", "12:35", "13:06", "13:37", "14:08", "14:39",
                "15:10", "15:41", "16:12", "16:43", "17:14", "17:45")) {
            at("2026-11-30T" + time + ":00+09:00");
            runDueJobsOf(id);
        }
        assertThat(count(id, "SLA_RESOLVE_BREACHED")).isZero();
        assertThat(view(id).sla().resolveBreached()).isFalse();

        at("2026-11-30T18:00:00+09:00");
        runDueJobsOf(id);
        assertThat(count(id, "SLA_RESOLVE_BREACHED")).isEqualTo(1);
        assertThat(view(id).sla().resolveBreached()).isTrue();
        assertThat(view(id).status()).isEqualTo(IssueStatus.OPEN);
        assertThat(view(id).level()).isEqualTo(Level.CITY);

        at("2026-11-30T18:16:00+09:00");
        runDueJobsOf(id);
        assertThat(count(id, "SLA_BREACH_RENOTIFIED")).isEqualTo(16);
        assertThat(count(id, "SLA_RESOLVE_BREACHED")).as("flagged once").isEqualTo(1);
    }

    private String raiseHigh() {
        return intake.raise(new RaiseIssueRequest("受付システムの停止", "窓口端末が起動しない", Category.SYSTEM,
                Severity.HIGH, "shimin-ka", List.of(), false, null), SATO, Optional.empty()).id();
    }

    private IssueView view(String id) {
        return queries.view(id, SATO);
    }

    private long count(String issueId, String action) {
        return jdbc.sql("select count(*) from audit_event where issue_id = ? and action = ?")
                .params(issueId, action).query(Long.class).single();
    }

    private Instant workItemDue(String issueId) {
        return workItemDue(issueId, "ACKNOWLEDGE");
    }

    private Instant workItemDue(String issueId, String kind) {
        return jdbc.sql("select due_at from work_item where issue_id = ? and kind = ?")
                .params(issueId, kind).query(java.sql.Timestamp.class).single().toInstant();
    }

    private String auditDetails(String issueId, String action) {
        return jdbc.sql("select details from audit_event where issue_id = ? and action = ?")
                .params(issueId, action).query(String.class).single();
    }

    private String breachedAcknowledgeBy(String issueId) {
        return jdbc.sql("select details from audit_event where issue_id = ? and action = 'SLA_BREACH_ESCALATED'")
                .param(issueId).query(String.class).single()
                .replaceAll(".*\"acknowledgeBy\":\"([^\"]+)\".*", "$1");
    }

    private List<Date> timerDueDates(String issueId) {
        return new IssueTimers(management, runtime).dueDates(issueId);
    }

    private void runDueJobsOf(String issueId) {
        new IssueTimers(management, runtime).runDueJobsOf(issueId);
    }
}
