package jp.tsunagu.escalation;

import static jp.tsunagu.testsupport.DemoPeople.SATO;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.tsunagu.AbstractIntegrationTest;
import jp.tsunagu.issue.Category;
import jp.tsunagu.issue.IssueAccess;
import jp.tsunagu.issue.IssueIntake;
import jp.tsunagu.issue.IssueQueries;
import jp.tsunagu.issue.IssueSummary;
import jp.tsunagu.issue.Level;
import jp.tsunagu.issue.RaiseIssueRequest;
import jp.tsunagu.issue.Severity;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A level's responders and due times go from the issue's process to the level's instance within one transaction:
 * the level keeps them, the issue's process stores none of them (no runtime rows, no history). An issue whose process
 * stored them, from before, still moves on.
 */
class LevelHandOverTest extends AbstractIntegrationTest {

    static final List<String> HANDED_OVER = List.of("responderGroups", "acknowledgeBy", "acknowledgeReminderAt",
            "resolveBy");

    @Autowired
    IssueIntake intake;

    @Autowired
    IssueQueries queries;

    @Autowired
    IssueAccess access;

    @Autowired
    RuntimeService runtime;

    @Autowired
    HistoryService history;

    @Autowired
    ManagementService management;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theLevelKeepsItsAssignmentAndTheIssuesProcessStoresNone() {
        at("2026-11-27T10:00:00+09:00");
        IssueSummary issue = raiseHigh();

        assertThat(runtime.getVariables(issue.processInstanceId(), HANDED_OVER)).isEmpty();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(issue.processInstanceId())
                .variableNameIn(HANDED_OVER.toArray(String[]::new)).count()).isZero();
        Map<String, Object> level = runtime.getVariables(levelInstance(issue).getId(), HANDED_OVER);
        assertThat(level).containsOnlyKeys(HANDED_OVER);
        assertThat(level.get("responderGroups")).isEqualTo("section:shimin-ka");
        assertThat(level.get("acknowledgeBy")).isEqualTo(date("2026-11-27T12:00:00+09:00"));

        breach(issue);

        assertThat(queries.view(issue.id(), SATO).level()).isEqualTo(Level.DEPARTMENT);
        assertThat(runtime.getVariables(issue.processInstanceId(), HANDED_OVER)).isEmpty();
        assertThat(runtime.getVariable(levelInstance(issue).getId(), "acknowledgeBy"))
                .isEqualTo(date("2026-11-27T14:01:00+09:00"));
    }

    @Test
    void anIssueWhoseProcessStoredTheAssignmentStillMovesOn() {
        at("2026-11-27T10:00:00+09:00");
        IssueSummary issue = raiseHigh();
        // As an issue raised before the hand-over became transient: its process stores the variables.
        runtime.setVariables(issue.processInstanceId(), Map.of("responderGroups", "section:shimin-ka",
                "acknowledgeBy", date("2026-11-27T12:00:00+09:00"),
                "acknowledgeReminderAt", date("2026-11-27T11:00:00+09:00"),
                "resolveBy", date("2026-12-01T10:00:00+09:00")));

        breach(issue);

        assertThat(queries.view(issue.id(), SATO).level()).isEqualTo(Level.DEPARTMENT);
        assertThat(runtime.getVariable(levelInstance(issue).getId(), "acknowledgeBy"))
                .isEqualTo(date("2026-11-27T14:01:00+09:00"));
        assertThat(runtime.getVariable(issue.processInstanceId(), "acknowledgeBy")).as("kept as stored, updated")
                .isEqualTo(date("2026-11-27T14:01:00+09:00"));
        assertThat(management.createJobQuery().withException().count()).isZero();
    }

    /** Past the acknowledge target, the breach timer escalates to DEPARTMENT. */
    private void breach(IssueSummary issue) {
        at("2026-11-27T12:01:00+09:00");
        for (int i = 0; i < 10; i++) {
            Optional<Job> due = management.createJobQuery().processInstanceId(levelInstance(issue).getId())
                    .executable().active().list().stream().findFirst();
            if (due.isEmpty()) {
                return;
            }
            management.executeJob(due.get().getId());
        }
    }

    private ProcessInstance levelInstance(IssueSummary issue) {
        return runtime.createProcessInstanceQuery().superProcessInstanceId(issue.processInstanceId()).singleResult();
    }

    private IssueSummary raiseHigh() {
        String id = intake.raise(new RaiseIssueRequest("受付システムの停止", "窓口端末が起動しない", Category.SYSTEM,
                Severity.HIGH, "shimin-ka", List.of(), false, null), SATO, Optional.empty()).id();
        return access.requireVisible(id, SATO);
    }

    private static void at(String isoWithOffset) {
        ClockUtil.setCurrentTime(date(isoWithOffset));
    }

    private static Date date(String isoWithOffset) {
        return Date.from(OffsetDateTime.parse(isoWithOffset).toInstant());
    }
}
