package jp.tsunagu.escalation.internal.process;

import static jp.tsunagu.escalation.internal.process.IssueLevelProcess.Elements.END_EVENT_BREACH_ESCALATED;
import static jp.tsunagu.escalation.internal.process.IssueLevelProcess.Elements.END_EVENT_ESCALATION_APPROVED;
import static jp.tsunagu.escalation.internal.process.IssueLevelProcess.Elements.END_EVENT_LEVEL_RESOLVED;
import static jp.tsunagu.escalation.internal.process.IssueLevelProcess.Elements.END_EVENT_REMINDER_SENT;
import static jp.tsunagu.escalation.internal.process.IssueLevelProcess.Elements.END_EVENT_RESOLVE_BREACH_FLAGGED;
import static jp.tsunagu.escalation.internal.process.IssueLevelProcess.Elements.END_EVENT_WORK_RESOLVED;
import static jp.tsunagu.escalation.internal.process.IssueLevelProcess.Elements.GATEWAY_AWAIT_ACKNOWLEDGE;
import static jp.tsunagu.escalation.internal.process.IssueLevelProcess.Elements.GATEWAY_AWAIT_RESPONSE;
import static jp.tsunagu.escalation.internal.process.IssueLevelProcess.Elements.TASK_ACKNOWLEDGE;
import static jp.tsunagu.escalation.internal.process.IssueLevelProcess.Elements.TASK_APPROVE_ESCALATION;
import static jp.tsunagu.escalation.internal.process.IssueLevelProcess.Elements.TASK_RECORD_ACKNOWLEDGE_BREACH;
import static jp.tsunagu.escalation.internal.process.IssueLevelProcess.Elements.TASK_RENOTIFY_CITY_BREACH;
import static jp.tsunagu.escalation.internal.process.IssueLevelProcess.Elements.TASK_RESPOND;
import static jp.tsunagu.escalation.internal.process.IssueLevelProcess.Elements.TASK_SEND_ACKNOWLEDGE_REMINDER;
import static jp.tsunagu.escalation.internal.process.IssueLevelProcess.Elements.TIMER_ACKNOWLEDGE_BREACH;
import static jp.tsunagu.escalation.internal.process.IssueLevelProcess.Elements.TIMER_ACKNOWLEDGE_REMINDER;
import static jp.tsunagu.escalation.internal.process.IssueLevelProcess.Elements.TIMER_RESOLVE_BREACH;
import static jp.tsunagu.escalation.internal.process.ProcessVariables.ACKNOWLEDGE_BY;
import static jp.tsunagu.escalation.internal.process.ProcessVariables.LEVEL;
import static jp.tsunagu.escalation.internal.process.ProcessVariables.LEVEL_CITY;
import static jp.tsunagu.escalation.internal.process.ProcessVariables.LEVEL_DEPARTMENT;
import static jp.tsunagu.escalation.internal.process.ProcessVariables.LEVEL_SECTION;
import static jp.tsunagu.escalation.internal.process.RecordingDelegates.ACKNOWLEDGE_TARGET;
import static jp.tsunagu.escalation.internal.process.RecordingDelegates.RESOLVE_TARGET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Duration;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One test per path through {@code issue-level}, driven through the main process that calls it. */
@Deployment(resources = {"bpmn/issue-escalation.bpmn", "bpmn/issue-level.bpmn", "bpmn/initial-routing.dmn"})
class IssueLevelProcessTest extends ProcessPathTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(0.95)
            .build();

    @Override
    ProcessEngine processEngine() {
        return engine.getProcessEngine();
    }

    private ProcessInstance raiseAtSection() {
        return driver.raise("LOW", "OTHER", false, 0);
    }

    @Test
    void acknowledgeRespondResolve() {
        ProcessInstance issue = raiseAtSection();
        ProcessInstance level = driver.currentLevel(issue);
        assertThat(level).isWaitingAt(TASK_ACKNOWLEDGE.id());
        assertThat(task(level)).hasCandidateGroup("section-responders").hasCandidateGroup("section-coordinators")
                .hasDueDate(Date.from(IssueDriver.START.toInstant().plus(ACKNOWLEDGE_TARGET)));
        assertThat(level).hasBusinessKey(IssueDriver.ISSUE_NUMBER);

        driver.acknowledge(level);
        assertThat(level).isWaitingAt(TASK_RESPOND.id());
        assertThat(task(level)).hasCandidateGroup("section-responders")
                .hasDueDate(Date.from(IssueDriver.START.toInstant().plus(RESOLVE_TARGET)));

        driver.resolve(level);
        assertThat(level).hasPassed(END_EVENT_WORK_RESOLVED.id(), END_EVENT_LEVEL_RESOLVED.id())
                .isEnded();
        assertThat(issue).hasPassed(IssueEscalationProcess.Elements.TASK_CLOSE_ISSUE.id(),
                IssueEscalationProcess.Elements.END_EVENT_ISSUE_RESOLVED.id()).isEnded();
        assertThat(delegates.calls(DelegateNames.CLOSE_ISSUE)).containsExactly(LEVEL_SECTION);
        assertThat(driver.timers()).isEmpty();
    }

    @Test
    void requestEscalationApprovedMovesIssueToNextLevel() {
        ProcessInstance issue = raiseAtSection();
        ProcessInstance section = driver.currentLevel(issue);
        driver.acknowledge(section);

        driver.requestEscalation(section, "shimin-ka-chiefs");
        assertThat(section).isWaitingAt(TASK_APPROVE_ESCALATION.id());
        assertThat(task(section)).hasCandidateGroup("shimin-ka-chiefs");

        driver.approve(section);
        assertThat(section).hasPassed(TASK_APPROVE_ESCALATION.id(), END_EVENT_ESCALATION_APPROVED.id()).isEnded();
        assertThat(issue).hasPassed(IssueEscalationProcess.Elements.BOUNDARY_ESCALATED_TO_NEXT_LEVEL.id(),
                        IssueEscalationProcess.Elements.TASK_RAISE_LEVEL.id())
                .isWaitingAt(IssueEscalationProcess.Elements.CALL_ACTIVITY_HANDLE_LEVEL.id())
                .variables().containsEntry(LEVEL.name(), LEVEL_DEPARTMENT);

        ProcessInstance department = driver.currentLevel(issue);
        assertThat(department.getId()).isNotEqualTo(section.getId());
        assertThat(department).isWaitingAt(TASK_ACKNOWLEDGE.id());
        assertThat(task(department)).hasCandidateGroup("department-responders");
        assertThat(delegates.calls(DelegateNames.ENTER_LEVEL)).containsExactly(LEVEL_SECTION, LEVEL_DEPARTMENT);
        assertThat(delegates.calls(DelegateNames.CLOSE_ISSUE)).isEmpty();
    }

    @Test
    void requestEscalationRejectedReturnsToRespondThenResolve() {
        ProcessInstance issue = raiseAtSection();
        ProcessInstance level = driver.currentLevel(issue);
        driver.acknowledge(level);
        driver.requestEscalation(level, "shimin-ka-chiefs");

        driver.reject(level);
        assertThat(level).hasPassedInOrder(TASK_RESPOND.id(), TASK_APPROVE_ESCALATION.id(), GATEWAY_AWAIT_RESPONSE.id())
                .isWaitingAt(TASK_RESPOND.id());
        assertThat(issue).hasNotPassed(IssueEscalationProcess.Elements.TASK_RAISE_LEVEL.id());

        driver.resolve(level);
        assertThat(level).hasPassed(END_EVENT_LEVEL_RESOLVED.id()).isEnded();
        assertThat(issue).isEnded();
        assertThat(delegates.calls(DelegateNames.ENTER_LEVEL)).containsExactly(LEVEL_SECTION);
    }

    @Test
    void acknowledgeReminderFiresAtHalfTimeAndTaskStays() {
        ProcessInstance level = driver.currentLevel(raiseAtSection());
        String acknowledgeTask = task(level).getId();

        driver.moveClockBy(ACKNOWLEDGE_TARGET.dividedBy(2).minusMinutes(1));
        assertThat(driver.fireDueTimers()).isZero();

        driver.moveClockBy(Duration.ofMinutes(1));
        assertThat(driver.fireDueTimers()).isEqualTo(1);
        assertThat(delegates.calls(DelegateNames.ACKNOWLEDGE_REMINDER)).containsExactly(LEVEL_SECTION);
        assertThat(level).hasPassed(TASK_SEND_ACKNOWLEDGE_REMINDER.id(), END_EVENT_REMINDER_SENT.id())
                .isWaitingAt(TASK_ACKNOWLEDGE.id());
        assertThat(task(level).getId()).isEqualTo(acknowledgeTask);
        assertThat(driver.timers(TIMER_ACKNOWLEDGE_REMINDER)).isEmpty();
        assertThat(driver.timers(TIMER_ACKNOWLEDGE_BREACH)).hasSize(1);
    }

    @Test
    void acknowledgeBreachAtSectionEscalatesWithoutApproval() {
        ProcessInstance issue = raiseAtSection();
        ProcessInstance section = driver.currentLevel(issue);

        driver.moveClockBy(ACKNOWLEDGE_TARGET);
        driver.fireDueTimers();

        assertThat(delegates.calls(DelegateNames.ACKNOWLEDGE_BREACH)).containsExactly(LEVEL_SECTION);
        assertThat(section).hasPassed(TASK_RECORD_ACKNOWLEDGE_BREACH.id(),
                        END_EVENT_BREACH_ESCALATED.id())
                .hasNotPassed(TASK_RESPOND.id(), TASK_APPROVE_ESCALATION.id())
                .isEnded();
        assertThat(issue).variables().containsEntry(LEVEL.name(), LEVEL_DEPARTMENT);
        ProcessInstance department = driver.currentLevel(issue);
        assertThat(department).isWaitingAt(TASK_ACKNOWLEDGE.id());
        assertThat(task(department)).hasCandidateGroup("department-responders")
                .hasDueDate(RecordingDelegates.plus(ACKNOWLEDGE_TARGET));
    }

    @Test
    void acknowledgeBreachAtCityRenotifiesAndWaitsAgain() {
        ProcessInstance issue = driver.raise("CRITICAL", "SAFETY", false, 0);
        ProcessInstance city = driver.currentLevel(issue);
        assertThat(task(city)).hasCandidateGroup("city-responders");

        driver.moveClockBy(ACKNOWLEDGE_TARGET);
        driver.fireDueTimers();

        Date newAcknowledgeBy = RecordingDelegates.plus(ACKNOWLEDGE_TARGET);
        assertThat(delegates.calls(DelegateNames.CITY_BREACH)).containsExactly(LEVEL_CITY);
        assertThat(delegates.calls(DelegateNames.ACKNOWLEDGE_BREACH)).isEmpty();
        assertThat(city).hasPassedInOrder(TIMER_ACKNOWLEDGE_BREACH.id(), TASK_RENOTIFY_CITY_BREACH.id(),
                        GATEWAY_AWAIT_ACKNOWLEDGE.id())
                .isWaitingAt(TASK_ACKNOWLEDGE.id())
                .variables().containsEntry(ACKNOWLEDGE_BY.name(), newAcknowledgeBy);
        assertThat(task(city)).hasDueDate(newAcknowledgeBy);
        assertThat(driver.timers(TIMER_ACKNOWLEDGE_BREACH)).singleElement()
                .satisfies(job -> assertThat(job.getDuedate()).isEqualTo(newAcknowledgeBy));
        assertThat(driver.timers(TIMER_ACKNOWLEDGE_REMINDER)).singleElement()
                .satisfies(job -> assertThat(job.getDuedate()).isAfter(ClockUtil.now()));
        assertThat(issue).isWaitingAt(IssueEscalationProcess.Elements.CALL_ACTIVITY_HANDLE_LEVEL.id())
                .hasNotPassed(IssueEscalationProcess.Elements.TASK_RAISE_LEVEL.id());
    }

    /**
     * At CITY an unacknowledged issue never leaves the level: the acknowledge breach only re-notifies. The resolve
     * target still counts from the arrival at CITY, and is flagged once, even though nobody has acknowledged.
     */
    @Test
    void resolveBreachAtCityIsFlaggedOnceWhileNobodyAcknowledges() {
        ProcessInstance issue = driver.raise("CRITICAL", "SAFETY", false, 0);
        ProcessInstance city = driver.currentLevel(issue);
        Date resolveBy = RecordingDelegates.plus(RESOLVE_TARGET);
        assertThat(driver.timers(TIMER_RESOLVE_BREACH)).singleElement()
                .satisfies(job -> assertThat(job.getDuedate()).isEqualTo(resolveBy));

        for (Duration waited = Duration.ZERO; waited.compareTo(RESOLVE_TARGET) < 0;
                waited = waited.plus(ACKNOWLEDGE_TARGET)) {
            assertThat(delegates.calls(DelegateNames.RESOLVE_BREACH)).isEmpty();
            driver.moveClockBy(ACKNOWLEDGE_TARGET);
            driver.fireDueTimers();
        }

        assertThat(delegates.calls(DelegateNames.RESOLVE_BREACH)).containsExactly(LEVEL_CITY);
        assertThat(delegates.calls(DelegateNames.CITY_BREACH)).hasSize((int) (RESOLVE_TARGET.toHours()
                / ACKNOWLEDGE_TARGET.toHours()));
        assertThat(city).hasPassed(END_EVENT_RESOLVE_BREACH_FLAGGED.id()).isWaitingAt(TASK_ACKNOWLEDGE.id());
        assertThat(driver.timers(TIMER_RESOLVE_BREACH)).isEmpty();

        driver.moveClockBy(ACKNOWLEDGE_TARGET.multipliedBy(3));
        driver.fireDueTimers();
        assertThat(delegates.calls(DelegateNames.RESOLVE_BREACH)).hasSize(1);

        driver.acknowledge(city);
        assertThat(driver.timers(TIMER_RESOLVE_BREACH)).isEmpty();
        assertThat(city).isWaitingAt(TASK_RESPOND.id());
    }

    @Test
    void resolveBreachFlagsOnceAndDoesNotMoveIssue() {
        ProcessInstance issue = raiseAtSection();
        ProcessInstance level = driver.currentLevel(issue);
        driver.acknowledge(level);

        driver.moveClockBy(RESOLVE_TARGET);
        assertThat(driver.fireDueTimers()).isEqualTo(1);

        assertThat(delegates.calls(DelegateNames.RESOLVE_BREACH)).containsExactly(LEVEL_SECTION);
        assertThat(level).hasPassed(END_EVENT_RESOLVE_BREACH_FLAGGED.id()).isWaitingAt(TASK_RESPOND.id());
        assertThat(issue).variables().containsEntry(LEVEL.name(), LEVEL_SECTION);
        assertThat(driver.timers()).isEmpty();

        driver.moveClockBy(RESOLVE_TARGET);
        assertThat(driver.fireDueTimers()).isZero();
        assertThat(delegates.calls(DelegateNames.RESOLVE_BREACH)).hasSize(1);
    }

    @Test
    void rejectionLoopDoesNotFireResolveBreachTwice() {
        ProcessInstance level = driver.currentLevel(raiseAtSection());
        driver.acknowledge(level);
        List<String> resolveTimer = driver.timers(TIMER_RESOLVE_BREACH).stream().map(job -> job.getId()).toList();

        driver.requestEscalation(level, "shimin-ka-chiefs");
        driver.reject(level);
        assertThat(driver.timers(TIMER_RESOLVE_BREACH)).extracting(job -> job.getId())
                .containsExactlyElementsOf(resolveTimer);

        driver.moveClockBy(RESOLVE_TARGET);
        driver.fireDueTimers();
        driver.requestEscalation(level, "shimin-ka-chiefs");
        driver.reject(level);
        driver.moveClockBy(RESOLVE_TARGET);
        driver.fireDueTimers();

        assertThat(delegates.calls(DelegateNames.RESOLVE_BREACH)).hasSize(1);
        assertThat(level).isWaitingAt(TASK_RESPOND.id());
    }
}
