package jp.tsunagu.escalation.internal;

import static jp.tsunagu.testsupport.DemoPeople.SATO;
import static jp.tsunagu.testsupport.IssueTimers.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jp.tsunagu.AbstractIntegrationTest;
import jp.tsunagu.issue.Category;
import jp.tsunagu.issue.IssueIntake;
import jp.tsunagu.issue.RaiseIssueRequest;
import jp.tsunagu.issue.Severity;
import jp.tsunagu.sla.BusinessCalendar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A closure day, its audit and the record of the due times it moves commit together. If recording the move fails,
 * the closure is not stored either, so that the administrator's second try moves the issues; had the closure stood, the
 * same closure again would have moved nothing, ever. June 2027, which no other test uses: Tuesday 6/15 is a business
 * day.
 */
@AutoConfigureMockMvc
class CalendarChangeAtomicityTest extends AbstractIntegrationTest {

    private static final LocalDate TUESDAY = LocalDate.parse("2027-06-15");
    private static final String CLOSURE = "{\"date\": \"2027-06-15\", \"reason\": \"臨時閉庁\"}";

    @Autowired
    MockMvc mvc;

    @Autowired
    IssueIntake intake;

    @Autowired
    BusinessCalendar calendar;

    @Autowired
    CalendarChangeWorker worker;

    @Autowired
    JdbcClient jdbc;

    @MockitoSpyBean
    CalendarChanges changes;

    @AfterEach
    void removeTheClosure() {
        calendar.removeClosure(TUESDAY);
        worker.moveDue();
    }

    @Test
    void aClosureWhoseMoveCannotBeRecordedIsNotStoredAndTheSecondTryMovesTheIssues() throws Exception {
        at("2027-06-14T10:00:00+09:00");
        intake.raise(new RaiseIssueRequest("窓口端末の不具合", "受付票が印刷できない", Category.SYSTEM, Severity.MEDIUM,
                "shimin-ka", List.of(), false, null), SATO, Optional.empty());
        at("2027-06-14T11:00:00+09:00");
        long auditedBefore = closuresAudited();

        doThrow(new IllegalStateException("the database refused the record")).when(changes).record(any(), anyInt());
        mvc.perform(post("/api/admin/calendar/closures").with(httpBasic("admin", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(CLOSURE))
                .andExpect(status().isInternalServerError());
        assertThat(jdbc.sql("select count(*) from calendar_closure where closure_date = ?")
                .param(Date.valueOf(TUESDAY)).query(Long.class).single()).as("the closure rolled back").isZero();
        assertThat(closuresAudited()).as("nor was it audited").isEqualTo(auditedBefore);
        assertThat(calendar.isOpen(Instant.parse("2027-06-15T01:00:00Z"))).as("this node's memory follows the database")
                .isTrue();

        doCallRealMethod().when(changes).record(any(), anyInt());
        mvc.perform(post("/api/admin/calendar/closures").with(httpBasic("admin", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(CLOSURE))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.movingDueTimes.issues").value(org.hamcrest.Matchers.greaterThan(0)));
        assertThat(closuresAudited()).isEqualTo(auditedBefore + 1);
    }

    private long closuresAudited() {
        return jdbc.sql("select count(*) from audit_event where action = 'ADMINISTRATION_CHANGED' and details like ?")
                .param("%2027-06-15%").query(Long.class).single();
    }
}
