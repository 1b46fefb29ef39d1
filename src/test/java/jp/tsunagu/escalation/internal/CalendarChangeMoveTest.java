package jp.tsunagu.escalation.internal;

import static jp.tsunagu.testsupport.DemoPeople.SATO;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jp.tsunagu.AbstractIntegrationTest;
import jp.tsunagu.issue.Category;
import jp.tsunagu.issue.IssueDueTimes;
import jp.tsunagu.issue.IssueIntake;
import jp.tsunagu.issue.IssueLifecycle;
import jp.tsunagu.issue.RaiseIssueRequest;
import jp.tsunagu.issue.Severity;
import jp.tsunagu.sla.CalendarDays;
import jp.tsunagu.sla.DueTimeShift;
import jp.tsunagu.sla.OpeningDaysChanged;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One issue's move: targets computed at or after the change (a level reached since, by a breach timer on this node or
 * an approval) count on the new calendar already and stay; a change is applied to an issue once, however often the
 * worker that applies it is started again.
 */
class CalendarChangeMoveTest extends AbstractIntegrationTest {

    static final DueTimeShift ONE_DAY_LATER = (due, from) -> due.isAfter(from) ? due.plusSeconds(86_400) : due;

    @Autowired
    CalendarChangeMove move;

    @Autowired
    CalendarChanges changes;

    @Autowired
    IssueIntake intake;

    @Autowired
    IssueLifecycle lifecycle;

    @Autowired
    JdbcClient jdbc;

    @Test
    void targetsComputedSinceTheChangeStay() throws IOException {
        Instant changedAt = at("2027-04-05T10:00:00+09:00");
        at("2027-04-05T10:00:01+09:00");
        String id = raise();
        IssueDueTimes raised = lifecycle.dueTimes(id);

        assertThat(move.move(id, change(changedAt))).isFalse();
        assertThat(lifecycle.dueTimes(id)).isEqualTo(raised);
        assertThat(moves(id)).isZero();
    }

    @Test
    void aChangeMovesAnIssueOnceHoweverOftenItIsApplied() throws IOException {
        at("2027-04-05T10:00:00+09:00");
        String id = raise();
        IssueDueTimes raised = lifecycle.dueTimes(id);
        PendingCalendarChange change = change(at("2027-04-05T10:30:00+09:00"));

        assertThat(move.move(id, change)).isTrue();
        assertThat(move.move(id, change)).as("a resumed worker finds it done").isFalse();
        assertThat(lifecycle.dueTimes(id).acknowledgeBy()).isEqualTo(raised.acknowledgeBy().plusSeconds(86_400));
        assertThat(moves(id)).isEqualTo(1);
    }

    /** Recorded as a worker would find it; the worker that finds it later reads days that differ in nothing. */
    private PendingCalendarChange change(Instant changedAt) throws IOException {
        CalendarDays days;
        try (InputStream shipped = getClass().getResourceAsStream("/holidays/syukujitsu.csv")) {
            days = new CalendarDays(Set.of(), shipped.readAllBytes());
        }
        Map<String, String> reason = Map.of("what", "closure added", "date", "2027-04-06");
        long changeId = changes.record(new OpeningDaysChanged(reason, days, days, changedAt, ONE_DAY_LATER), 1);
        return new PendingCalendarChange(changeId, reason, changedAt, ONE_DAY_LATER);
    }

    private String raise() {
        return intake.raise(new RaiseIssueRequest("窓口端末の不具合", "受付票が印刷できない", Category.SYSTEM,
                Severity.MEDIUM, "shimin-ka", List.of(), false, null), SATO, Optional.empty()).id();
    }

    private long moves(String id) {
        return jdbc.sql("select count(*) from audit_event where issue_id = ? and action = 'SLA_TARGETS_MOVED'")
                .param(id).query(Long.class).single();
    }

    private static Instant at(String time) {
        Instant instant = OffsetDateTime.parse(time).toInstant();
        ClockUtil.setCurrentTime(Date.from(instant));
        return instant;
    }
}
