package jp.tsunagu.escalation.internal;

import static jp.tsunagu.testsupport.DemoPeople.SATO;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.tsunagu.AbstractIntegrationTest;
import jp.tsunagu.issue.Category;
import jp.tsunagu.issue.IssueDueTimes;
import jp.tsunagu.issue.IssueIntake;
import jp.tsunagu.issue.IssueLifecycle;
import jp.tsunagu.issue.RaiseIssueRequest;
import jp.tsunagu.issue.Severity;
import jp.tsunagu.sla.OpeningDaysChanged;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A timer that fires between reading the open issues and moving one of them (on this node or another) has computed
 * its new targets on the new calendar already: the move leaves them, so they are never moved twice.
 */
class CalendarChangeMoveTest extends AbstractIntegrationTest {

    @Autowired
    CalendarChangeMove move;

    @Autowired
    IssueIntake intake;

    @Autowired
    IssueLifecycle lifecycle;

    @Autowired
    JdbcClient jdbc;

    @Test
    void dueTimesThatChangedSinceTheyWereReadStay() {
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2027-04-05T10:00:00+09:00").toInstant()));
        String id = intake.raise(new RaiseIssueRequest("窓口端末の不具合", "受付票が印刷できない", Category.SYSTEM,
                Severity.MEDIUM, "shimin-ka", List.of(), false, null), SATO, Optional.empty()).id();
        IssueDueTimes now = lifecycle.dueTimes(id);
        IssueDueTimes readBeforeATimerFired = new IssueDueTimes(id, now.processInstanceId(), now.level(), null,
                now.acknowledgeBy().minusSeconds(3600), now.resolveBy());
        OpeningDaysChanged oneDayLater = new OpeningDaysChanged(Map.of("what", "closure added", "date",
                LocalDate.parse("2027-04-06").toString()), (due, from) -> due.plusSeconds(86_400));

        assertThat(move.move(readBeforeATimerFired, oneDayLater, Instant.now())).isFalse();
        assertThat(lifecycle.dueTimes(id)).isEqualTo(now);
        assertThat(jdbc.sql("select count(*) from audit_event where issue_id = ? and action = 'SLA_TARGETS_MOVED'")
                .param(id).query(Long.class).single()).isZero();

        assertThat(move.move(now, oneDayLater, Instant.now())).as("as read: moved").isTrue();
        assertThat(lifecycle.dueTimes(id).acknowledgeBy()).isEqualTo(now.acknowledgeBy().plusSeconds(86_400));
    }
}
