package jp.tsunagu.sla;

import static jp.tsunagu.testsupport.DemoPeople.SATO;
import static jp.tsunagu.testsupport.IssueTimers.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import jp.tsunagu.AbstractIntegrationTest;
import jp.tsunagu.issue.Category;
import jp.tsunagu.issue.IssueIntake;
import jp.tsunagu.issue.IssueQueries;
import jp.tsunagu.issue.Level;
import jp.tsunagu.issue.RaiseIssueRequest;
import jp.tsunagu.issue.Severity;
import jp.tsunagu.testsupport.IssueTimers;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A breach at CITY gives a fresh acknowledge target on the issue's own clock, the one it reached CITY with, even after an
 * administrator switched its severity to the other clock: its resolve target, time left and pauses count on that clock.
 */
class CityRenotificationClockTest extends AbstractIntegrationTest {

    @Autowired
    SlaPolicyTable policies;

    @Autowired
    IssueIntake intake;

    @Autowired
    IssueQueries queries;

    @Autowired
    ManagementService management;

    @Autowired
    RuntimeService runtime;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void restoreThePolicy() {
        policies.restoreDefault("CRITICAL");
    }

    @Test
    void aCriticalIssueKeepsTheContinuousClockAfterItsSeverityMovedToTheBusinessClock() {
        at("2026-12-07T16:50:00+09:00");
        String id = intake.raise(new RaiseIssueRequest("庁舎の停電", "全館停電", Category.FACILITY, Severity.CRITICAL,
                "shimin-ka", List.of(), false, null), SATO, Optional.empty()).id();
        assertThat(queries.view(id, SATO).level()).isEqualTo(Level.CITY);
        policies.change("CRITICAL", "business", "PT30M", "PT8H", "admin");

        at("2026-12-07T17:21:00+09:00");
        new IssueTimers(management, runtime).runDueJobsOf(id);

        assertThat(queries.view(id, SATO).sla().acknowledgeBy()).as("30 minutes on the continuous clock, not Tuesday 09:00")
                .isEqualTo(OffsetDateTime.parse("2026-12-07T17:51:00+09:00"));
        assertThat(new IssueTimers(management, runtime).dueDates(id))
                .contains(Date.from(Instant.parse("2026-12-07T08:51:00Z")));
        assertThat(jdbc.sql("select details from audit_event where issue_id = ? and action = 'SLA_BREACH_RENOTIFIED'")
                .param(id).query(String.class).single()).contains("\"calendar\":\"continuous\"");
    }
}
