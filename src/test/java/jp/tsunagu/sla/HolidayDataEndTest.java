package jp.tsunagu.sla;

import static jp.tsunagu.testsupport.DemoPeople.SATO;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import jp.tsunagu.AbstractIntegrationTest;
import jp.tsunagu.issue.Category;
import jp.tsunagu.issue.IssueIntake;
import jp.tsunagu.issue.IssueQueries;
import jp.tsunagu.issue.IssueView;
import jp.tsunagu.issue.Level;
import jp.tsunagu.issue.RaiseIssueRequest;
import jp.tsunagu.issue.Severity;
import jp.tsunagu.sla.internal.CityBusinessCalendar;
import jp.tsunagu.sla.internal.TestCalendars;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What happens once the clock reaches past the end of the holiday data (2027-12-31 in the shipped file). */
class HolidayDataEndTest extends AbstractIntegrationTest {

    @Autowired
    IssueIntake intake;

    @Autowired
    IssueQueries queries;

    @Autowired
    CityBusinessCalendar calendar;

    @Autowired
    ManagementService management;

    @Autowired
    RuntimeService runtime;

    @Autowired
    JdbcClient jdbc;

    /** Back to the shipped file for the other tests of this context, as another node would read it. */
    @AfterEach
    void forgetTheReplacement() {
        jdbc.sql("delete from holiday_data").update();
        calendar.refresh();
    }

    @Test
    void anOpenIssueCanStillBeReadAfterTheHolidayDataEnds() {
        at("2027-12-22T10:00:00+09:00");
        String id = raiseHigh();
        assertThat(queries.view(id, SATO).sla().resolveBy()).isEqualTo(OffsetDateTime.parse("2027-12-24T10:00:00+09:00"));

        at("2028-01-05T10:00:00+09:00");
        IssueView late = queries.view(id, SATO);
        assertThat(late.sla().resolveBy()).as("the due time stands").isEqualTo(OffsetDateTime.parse("2027-12-24T10:00:00+09:00"));
        assertThat(late.sla().resolveRemaining()).as("overdue, on the wall clock since no opening time can be counted")
                .isEqualTo(Duration.ofHours(-12 * 24));
    }

    /**
     * DEPARTMENT's breach at 10:16 on 27 December needs CITY's resolve target, P2D, in January 2028: the timer fails
     * until the data covers 2028, and then escalates without anybody retrying it by hand.
     */
    @Test
    void aBreachThatNeededNewerHolidayDataEscalatesOnceTheDataIsLoaded() {
        at("2027-12-24T15:00:00+09:00");
        String id = raiseHigh();
        at("2027-12-24T17:01:00+09:00");
        runDueJobsOf(id);
        assertThat(queries.view(id, SATO).level()).isEqualTo(Level.DEPARTMENT);
        assertThat(queries.view(id, SATO).sla().acknowledgeBy()).isEqualTo(OffsetDateTime.parse("2027-12-27T10:16:00+09:00"));

        at("2027-12-27T10:17:00+09:00");
        runDueJobsOf(id);
        assertThat(queries.view(id, SATO).level()).as("the breach could not compute CITY's targets").isEqualTo(Level.DEPARTMENT);
        assertThat(failedJobsOf(id)).as("its retries used up").hasSize(1);
        assertThat(count(id, "SLA_BREACH_ESCALATED")).isEqualTo(1);

        at("2027-12-27T11:00:00+09:00");
        calendar.replaceHolidayData(TestCalendars.shippedFileWith2028());
        runDueJobsOf(id);
        assertThat(failedJobsOf(id)).isEmpty();
        assertThat(queries.view(id, SATO).level()).isEqualTo(Level.CITY);
        assertThat(count(id, "SLA_BREACH_ESCALATED")).isEqualTo(2);
        assertThat(queries.view(id, SATO).sla().resolveBy()).isEqualTo(OffsetDateTime.parse("2028-01-04T11:00:00+09:00"));
    }

    private String raiseHigh() {
        return intake.raise(new RaiseIssueRequest("窓口端末の故障", "年末に直らない", Category.SYSTEM,
                Severity.HIGH, "shimin-ka", List.of(), false, null), SATO, Optional.empty()).id();
    }

    private List<Job> failedJobsOf(String issueId) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(issueId).list().stream()
                .flatMap(instance -> management.createJobQuery().processInstanceId(instance.getId()).noRetriesLeft()
                        .list().stream())
                .toList();
    }

    /** Runs this issue's due jobs as the job executor would; a job that fails loses one retry, as it does there. */
    private void runDueJobsOf(String issueId) {
        for (int i = 0; i < 100; i++) {
            Optional<Job> due = runtime.createProcessInstanceQuery().processInstanceBusinessKey(issueId).list().stream()
                    .flatMap(instance -> management.createJobQuery().processInstanceId(instance.getId()).executable()
                            .active().list().stream())
                    .findFirst();
            if (due.isEmpty()) {
                return;
            }
            try {
                management.executeJob(due.get().getId());
            } catch (HolidayDataNotCoveredException failed) {
                // The engine has counted the failure against the job's retries.
            }
        }
        throw new AssertionError("jobs keep falling due");
    }

    private long count(String issueId, String action) {
        return jdbc.sql("select count(*) from audit_event where issue_id = ? and action = ?")
                .params(issueId, action).query(Long.class).single();
    }

    private static void at(String isoWithOffset) {
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(isoWithOffset).toInstant()));
    }
}
