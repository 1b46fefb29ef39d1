package jp.tsunagu.escalation.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jp.tsunagu.escalation.TaskKind;
import jp.tsunagu.issue.IssueLifecycle;
import jp.tsunagu.issue.IssueStatus;
import jp.tsunagu.issue.IssueSummary;
import jp.tsunagu.issue.PauseSpan;
import jp.tsunagu.sla.SlaClock;
import org.camunda.bpm.engine.ManagementService;
import org.springframework.stereotype.Component;

/**
 * 保留: while an issue waits for an outside party its timer jobs are suspended, so it never breaches. On resume every
 * due time (the issue's, the timers', the tasks', and the level's due-time variables) moves by the time the pause took
 * on the targets' clock, so the time left at the pause is left again.
 */
@Component
class PauseClock {

    private final IssueLifecycle lifecycle;
    private final WorkItemRepository workItems;
    private final ProcessDueTimes dueTimes;
    private final ManagementService management;
    private final SlaClock slaClock;
    private final Clock clock;

    PauseClock(IssueLifecycle lifecycle, WorkItemRepository workItems, ProcessDueTimes dueTimes,
            ManagementService management, SlaClock slaClock, Clock clock) {
        this.lifecycle = lifecycle;
        this.workItems = workItems;
        this.dueTimes = dueTimes;
        this.management = management;
        this.slaClock = slaClock;
        this.clock = clock;
    }

    void pause(IssueSummary issue) {
        lifecycle.pause(issue.id(), clock.instant());
        for (String instance : instances(issue)) {
            management.updateJobSuspensionState().byProcessInstanceId(instance).suspend();
        }
    }

    Resumed resume(IssueSummary issue) {
        PauseSpan span = lifecycle.resume(issue.id(), statusFromOpenWork(issue.id()));
        List<String> instances = instances(issue);
        Map<String, String> movedTargets = dueTimes.move(instances,
                due -> slaClock.afterPause(due, span.pausedAt(), span.resumedAt(), span.calendar()));
        for (String instance : instances) {
            management.updateJobSuspensionState().byProcessInstanceId(instance).activate();
        }
        return new Resumed(span.length(), movedTargets);
    }

    private IssueStatus statusFromOpenWork(String issueId) {
        List<TaskKind> open = workItems.openFor(issueId).stream().map(WorkItem::kind).toList();
        if (open.contains(TaskKind.APPROVE_ESCALATION)) {
            return IssueStatus.ESCALATION_REQUESTED;
        }
        return open.contains(TaskKind.RESPOND) ? IssueStatus.IN_PROGRESS : IssueStatus.OPEN;
    }

    private List<String> instances(IssueSummary issue) {
        return dueTimes.instances(issue.processInstanceId());
    }

    /**
     * @param movedTargets the level's acknowledge and resolve targets before and after ({@code before.acknowledgeBy},
     *                     {@code acknowledgeBy}, ...), for the audit trail: on the business clock they move by less than
     *                     the pause's wall-clock length
     */
    record Resumed(Duration pausedFor, Map<String, String> movedTargets) {
    }
}
