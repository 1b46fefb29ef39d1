package jp.tsunagu.escalation.internal.process;

import static jp.tsunagu.escalation.internal.process.IssueEscalationProcess.Elements.BOUNDARY_ESCALATED_TO_NEXT_LEVEL;
import static jp.tsunagu.escalation.internal.process.IssueEscalationProcess.Elements.CALL_ACTIVITY_HANDLE_LEVEL;
import static jp.tsunagu.escalation.internal.process.IssueEscalationProcess.Elements.END_EVENT_ISSUE_RESOLVED;
import static jp.tsunagu.escalation.internal.process.IssueEscalationProcess.Elements.TASK_CLOSE_ISSUE;
import static jp.tsunagu.escalation.internal.process.IssueEscalationProcess.Elements.TASK_DECIDE_INITIAL_LEVEL;
import static jp.tsunagu.escalation.internal.process.IssueEscalationProcess.Elements.TASK_ENTER_LEVEL;
import static jp.tsunagu.escalation.internal.process.IssueEscalationProcess.Elements.TASK_RAISE_LEVEL;
import static jp.tsunagu.escalation.internal.process.ProcessVariables.LEVEL;
import static jp.tsunagu.escalation.internal.process.ProcessVariables.LEVEL_CITY;
import static jp.tsunagu.escalation.internal.process.ProcessVariables.LEVEL_DEPARTMENT;
import static jp.tsunagu.escalation.internal.process.ProcessVariables.LEVEL_SECTION;
import static jp.tsunagu.escalation.internal.process.ProcessVariables.RESPONDER_GROUPS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Paths through {@code issue-escalation}; the level's own paths are {@link IssueLevelProcessTest}'s job. */
@Deployment(resources = {"bpmn/issue-escalation.bpmn", "bpmn/issue-level.bpmn", "bpmn/initial-routing.dmn"})
class IssueEscalationProcessTest extends ProcessPathTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .excludeProcessDefinitionKeys(IssueLevelProcess.KEY)
            .assertClassCoverageAtLeast(1.0)
            .build();

    @Override
    ProcessEngine processEngine() {
        return engine.getProcessEngine();
    }

    @Test
    void sectionToDepartmentToCityThenResolved() {
        ProcessInstance issue = driver.raise("MEDIUM", "CITIZEN_SERVICE", false, 0);
        assertThat(issue).hasPassed(TASK_DECIDE_INITIAL_LEVEL.id(), TASK_ENTER_LEVEL.id())
                .isWaitingAt(CALL_ACTIVITY_HANDLE_LEVEL.id())
                .variables().containsEntry(LEVEL.name(), LEVEL_SECTION);

        escalateByApproval(issue, "shimin-ka-chiefs");
        assertThat(issue).variables().containsEntry(LEVEL.name(), LEVEL_DEPARTMENT)
                .containsEntry(RESPONDER_GROUPS.name(), RecordingDelegates.respondersOf(LEVEL_DEPARTMENT));

        escalateByApproval(issue, "shimin-seikatsu-heads");
        assertThat(issue).variables().containsEntry(LEVEL.name(), LEVEL_CITY);

        ProcessInstance city = driver.currentLevel(issue);
        assertThat(city).hasBusinessKey(IssueDriver.ISSUE_NUMBER)
                .isWaitingAt(IssueLevelProcess.Elements.TASK_ACKNOWLEDGE.id());
        assertThat(task(city)).hasCandidateGroup("city-responders");
        driver.acknowledge(city);
        driver.resolve(city);

        assertThat(issue).hasPassed(BOUNDARY_ESCALATED_TO_NEXT_LEVEL.id(), TASK_RAISE_LEVEL.id(),
                TASK_CLOSE_ISSUE.id(), END_EVENT_ISSUE_RESOLVED.id()).isEnded();
        assertThat(delegates.calls(DelegateNames.ENTER_LEVEL))
                .containsExactly(LEVEL_SECTION, LEVEL_DEPARTMENT, LEVEL_CITY);
        assertThat(delegates.calls(DelegateNames.RAISE_LEVEL)).containsExactly(LEVEL_SECTION, LEVEL_DEPARTMENT);
        assertThat(delegates.calls(DelegateNames.CLOSE_ISSUE)).containsExactly(LEVEL_CITY);
        assertThat(driver.timers()).isEmpty();
    }

    @Test
    void startsAtCityFromDecision() {
        ProcessInstance issue = driver.raise("CRITICAL", "FACILITY", false, 0);

        assertThat(issue).hasPassed(TASK_DECIDE_INITIAL_LEVEL.id(), TASK_ENTER_LEVEL.id())
                .hasNotPassed(TASK_RAISE_LEVEL.id())
                .isWaitingAt(CALL_ACTIVITY_HANDLE_LEVEL.id())
                .variables().containsEntry(LEVEL.name(), LEVEL_CITY);
        assertThat(delegates.calls(DelegateNames.ENTER_LEVEL)).containsExactly(LEVEL_CITY);
        ProcessInstance city = driver.currentLevel(issue);
        assertThat(city).isWaitingAt(IssueLevelProcess.Elements.TASK_ACKNOWLEDGE.id())
                .variables().containsEntry(LEVEL.name(), LEVEL_CITY);
        assertThat(task(city)).hasCandidateGroup("city-responders").hasCandidateGroup("city-coordinators");
    }

    private void escalateByApproval(ProcessInstance issue, String approverGroups) {
        ProcessInstance level = driver.currentLevel(issue);
        driver.acknowledge(level);
        driver.requestEscalation(level, approverGroups);
        driver.approve(level);
        assertThat(level).isEnded();
        assertThat(issue).isWaitingAt(CALL_ACTIVITY_HANDLE_LEVEL.id());
    }
}
