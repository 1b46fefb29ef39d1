package jp.tsunagu.sla;

import static jp.tsunagu.testsupport.DemoPeople.SATO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import jp.tsunagu.AbstractIntegrationTest;
import jp.tsunagu.common.FieldProblem;
import jp.tsunagu.common.InvalidInputException;
import jp.tsunagu.issue.Category;
import jp.tsunagu.issue.IssueIntake;
import jp.tsunagu.issue.IssueQueries;
import jp.tsunagu.issue.RaiseIssueRequest;
import jp.tsunagu.issue.Severity;
import jp.tsunagu.sla.internal.AdministeredSlaPolicies;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An administrator changes a severity's targets: issues that arrive afterwards get them, issues already waiting keep
 * theirs, every node picks the change up, and a refusal names its field and changes nothing.
 */
class SlaPolicyAdministrationTest extends AbstractIntegrationTest {

    @Autowired
    SlaPolicyTable policies;

    @Autowired
    AdministeredSlaPolicies administered;

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

    /** The other tests in this context run on the configured defaults. */
    @AfterEach
    void restoreTheDefaults() {
        jdbc.sql("delete from sla_policy").update();
        administered.refresh();
        ClockUtil.reset();
    }

    @Test
    void aChangedTargetAppliesToIssuesThatArriveAfterItAndIsAudited() {
        at("2026-11-27T14:15:00+09:00"); // a Friday afternoon
        String waiting = raise(Severity.HIGH);
        long lastSeq = lastSeq();

        policies.change("HIGH", "business", "PT30M", "P1D", "admin");
        String raisedAfter = raise(Severity.HIGH);

        assertThat(queries.view(waiting, SATO).sla().acknowledgeBy()).as("HIGH's configured PT2H, kept")
                .isEqualTo(OffsetDateTime.parse("2026-11-27T16:15:00+09:00"));
        assertThat(queries.view(raisedAfter, SATO).sla().acknowledgeBy()).as("the new PT30M")
                .isEqualTo(OffsetDateTime.parse("2026-11-27T14:45:00+09:00"));
        assertThat(timerDueDates(raisedAfter)).as("the breach timer runs on the new target")
                .contains(Date.from(Instant.parse("2026-11-27T05:45:00Z")));

        SlaPolicyTable.Row high = policies.rows().stream().filter(row -> row.severity().equals("HIGH")).findFirst()
                .orElseThrow();
        assertThat(high.acknowledge()).isEqualTo(SlaDuration.parse("PT30M"));
        assertThat(high.changedBy()).isEqualTo("admin");
        assertThat(policies.rows().stream().filter(SlaPolicyTable.Row::isChanged)).hasSize(1);

        List<String> changes = administrationChangesAfter(lastSeq);
        assertThat(changes).hasSize(1);
        assertThat(changes.get(0)).contains("\"what\":\"SLA policy changed\"", "\"severity\":\"HIGH\"",
                "\"before.acknowledge\":\"PT2H\"", "\"acknowledge\":\"PT30M\"", "\"before.resolve\":\"P2D\"",
                "\"resolve\":\"P1D\"");
    }

    @Test
    void theLongestTargetsAreAccepted() {
        policies.change("LOW", "business", "PT480H", "P60D", "admin");
        assertThat(administered.policyFor("LOW").resolve()).isEqualTo(SlaDuration.parse("P60D"));
        policies.restoreDefault("LOW");
    }

    @Test
    void aRefusedChangeNamesItsFieldsAndChangesNothing() {
        long lastSeq = lastSeq();

        assertThat(refusal(() -> policies.change("MEDIUM", "weekly", "2 hours", "P1W", "admin")))
                .containsExactly(new FieldProblem("calendar", SlaPolicyTable.UNKNOWN_CALENDAR),
                        new FieldProblem("acknowledge", SlaPolicyTable.BAD_DURATION),
                        new FieldProblem("resolve", SlaPolicyTable.BAD_DURATION));
        assertThat(refusal(() -> policies.change("MEDIUM", "business", "P1D", "PT8H", "admin")))
                .as("a business day is 8h45m of opening time, longer than PT8H")
                .containsExactly(new FieldProblem("acknowledge", SlaPolicyTable.NOT_SHORTER));
        assertThat(refusal(() -> policies.change("MEDIUM", "continuous", "P1D", "PT24H", "admin")))
                .as("equal is not shorter")
                .containsExactly(new FieldProblem("acknowledge", SlaPolicyTable.NOT_SHORTER));
        assertThat(refusal(() -> policies.change("URGENT", "business", "PT1H", "P1D", "admin")))
                .containsExactly(new FieldProblem("severity", SlaPolicyTable.UNKNOWN_SEVERITY));
        assertThat(refusal(() -> policies.restoreDefault("URGENT")))
                .containsExactly(new FieldProblem("severity", SlaPolicyTable.UNKNOWN_SEVERITY));
        assertThat(refusal(() -> policies.change("MEDIUM", "business", "PT0M", "P0D", "admin")))
                .as("zero is named as zero, not as a bad duration")
                .containsExactly(new FieldProblem("acknowledge", SlaPolicyTable.ZERO),
                        new FieldProblem("resolve", SlaPolicyTable.ZERO));
        assertThat(refusal(() -> policies.change("MEDIUM", "business", "PT481H", "P99999D", "admin")))
                .as("a target past what the holiday data is sure to cover")
                .containsExactly(new FieldProblem("acknowledge", SlaPolicyTable.TOO_LONG),
                        new FieldProblem("resolve", SlaPolicyTable.TOO_LONG));

        assertThat(jdbc.sql("select count(*) from sla_policy").query(Long.class).single()).isZero();
        assertThat(administered.policyFor("MEDIUM").acknowledge()).isEqualTo(SlaDuration.parse("P1D"));
        assertThat(administrationChangesAfter(lastSeq)).isEmpty();
    }

    @Test
    void theSamePolicyAgainIsNoChangeAndRestoringTheDefaultIsAuditedOnce() {
        long lastSeq = lastSeq();
        policies.change("high", " business ", "PT2H", "P2D", "admin");
        assertThat(jdbc.sql("select count(*) from sla_policy").query(Long.class).single()).as("HIGH's default")
                .isZero();
        assertThat(administrationChangesAfter(lastSeq)).isEmpty();

        policies.change("LOW", "continuous", "PT4H", "P3D", "admin");
        assertThat(administered.policyFor("LOW").calendar()).isEqualTo(CalendarKind.CONTINUOUS);
        policies.restoreDefault("LOW");
        policies.restoreDefault("LOW");

        assertThat(administered.policyFor("LOW").calendar()).isEqualTo(CalendarKind.BUSINESS);
        assertThat(administered.policyFor("LOW").acknowledge()).isEqualTo(SlaDuration.parse("P2D"));
        List<String> changes = administrationChangesAfter(lastSeq);
        assertThat(changes).hasSize(2);
        assertThat(changes.get(1)).contains("\"what\":\"SLA policy restored to the default\"",
                "\"before.calendar\":\"continuous\"", "\"calendar\":\"business\"");
    }

    @Test
    void aChangeMadeThroughAnotherNodeAppliesHereAtTheNextRefresh() {
        // Another node writes the row; this node's memory does not know it yet.
        jdbc.sql("""
                insert into sla_policy (severity, calendar, acknowledge, resolve, changed_by, changed_at)
                values ('LOW', 'business', 'PT4H', 'P5D', 'admin', ?)""").param(Timestamp.from(Instant.now())).update();
        // A row broken by hand is left out: its severity keeps running on the default.
        jdbc.sql("""
                insert into sla_policy (severity, calendar, acknowledge, resolve, changed_by, changed_at)
                values ('MEDIUM', 'business', 'soon', 'P5D', 'dba', ?)""").param(Timestamp.from(Instant.now())).update();
        assertThat(administered.policyFor("LOW").acknowledge()).isEqualTo(SlaDuration.parse("P2D"));

        administered.refresh();

        assertThat(administered.policyFor("LOW").acknowledge()).isEqualTo(SlaDuration.parse("PT4H"));
        assertThat(administered.policyFor("MEDIUM").acknowledge()).isEqualTo(SlaDuration.parse("P1D"));
        assertThat(policies.rows().stream().filter(SlaPolicyTable.Row::isChanged).map(SlaPolicyTable.Row::severity))
                .containsExactly("LOW");
    }

    @Test
    void aChangeRecordsWhatTheDatabaseHeldThoughThisNodeHasNotRefreshedYet() {
        jdbc.sql("""
                insert into sla_policy (severity, calendar, acknowledge, resolve, changed_by, changed_at)
                values ('LOW', 'business', 'PT4H', 'P5D', 'admin', ?)""").param(Timestamp.from(Instant.now())).update();
        long lastSeq = lastSeq();

        policies.change("LOW", "business", "PT4H", "P5D", "admin");
        assertThat(administrationChangesAfter(lastSeq)).as("already in force, through another node").isEmpty();
        policies.change("LOW", "business", "PT3H", "P5D", "admin");

        assertThat(administrationChangesAfter(lastSeq)).singleElement().asString()
                .contains("\"before.acknowledge\":\"PT4H\"", "\"acknowledge\":\"PT3H\"");
        assertThat(administered.policyFor("LOW").acknowledge()).isEqualTo(SlaDuration.parse("PT3H"));
    }

    private static List<FieldProblem> refusal(Runnable change) {
        try {
            change.run();
        } catch (InvalidInputException e) {
            return e.problems();
        }
        assertThatThrownBy(change::run).as("refused").isInstanceOf(InvalidInputException.class);
        return List.of();
    }

    private String raise(Severity severity) {
        return intake.raise(new RaiseIssueRequest("受付システムの停止", "窓口端末が起動しない", Category.SYSTEM,
                severity, "shimin-ka", List.of(), false, null), SATO, Optional.empty()).id();
    }

    private static void at(String isoWithOffset) {
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(isoWithOffset).toInstant()));
    }

    private long lastSeq() {
        return jdbc.sql("select coalesce(max(seq), 0) from audit_event").query(Long.class).single();
    }

    private List<String> administrationChangesAfter(long seq) {
        return jdbc.sql("select details from audit_event where action = 'ADMINISTRATION_CHANGED' and seq > ? order by seq")
                .param(seq).query(String.class).list();
    }

    private List<Date> timerDueDates(String issueId) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(issueId).list().stream()
                .flatMap(instance -> management.createJobQuery().processInstanceId(instance.getId()).timers().list()
                        .stream())
                .map(job -> job.getDuedate())
                .toList();
    }
}
