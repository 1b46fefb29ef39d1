package jp.tsunagu.escalation;

import static jp.tsunagu.testsupport.DemoPeople.SATO;
import static jp.tsunagu.testsupport.DemoPeople.SUZUKI;
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
import jp.tsunagu.issue.RaiseIssueRequest;
import jp.tsunagu.issue.Severity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A supervisor's approval is due when the level's resolve target passes, as the Respond it interrupts was: the
 * approver's task list says how long is left, and a pause moves it like the other due times.
 */
class ApprovalDueTimeTest extends AbstractIntegrationTest {

    @Autowired
    IssueIntake intake;

    @Autowired
    IssueQueries queries;

    @Autowired
    EscalationService escalation;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theApprovalIsDueAtTheLevelsResolveTargetAndMovesWithAPause() {
        at("2026-11-27T10:00:00+09:00"); // a Friday
        String id = intake.raise(new RaiseIssueRequest("受付システムの停止", "窓口端末が起動しない", Category.SYSTEM,
                Severity.HIGH, "shimin-ka", List.of(), false, null), SATO, Optional.empty()).id();
        escalation.acknowledge(id, SATO);
        escalation.requestEscalation(id, SATO, "他課の窓口にも影響");
        OffsetDateTime resolveBy = queries.view(id, SATO).sla().resolveBy();
        assertThat(resolveBy).as("P2D: two business days").isEqualTo(OffsetDateTime.parse("2026-12-01T10:00:00+09:00"));

        TaskView approval = approvalOf(id);
        assertThat(approval.due()).isEqualTo(resolveBy);
        assertThat(approval.remaining()).as("Friday 10:00 to Tuesday 10:00 in opening time")
                .isEqualTo(Duration.ofHours(17).plusMinutes(30));

        escalation.pause(id, SUZUKI, "住民の回答待ち");
        at("2026-11-27T11:00:00+09:00");
        escalation.resume(id, SUZUKI, "回答あり");

        assertThat(approvalOf(id).due()).as("moved by the hour paused")
                .isEqualTo(OffsetDateTime.parse("2026-12-01T11:00:00+09:00"));
    }

    private TaskView approvalOf(String issueId) {
        return escalation.openTasksOn(issueId, SUZUKI).stream()
                .filter(task -> task.kind() == TaskKind.APPROVE_ESCALATION)
                .findFirst().orElseThrow();
    }

    private static void at(String isoWithOffset) {
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(isoWithOffset).toInstant()));
    }
}
