package jp.tsunagu.escalation.internal;

import static jp.tsunagu.escalation.internal.process.ProcessVariables.ACKNOWLEDGE_BY;
import static jp.tsunagu.escalation.internal.process.ProcessVariables.ACKNOWLEDGE_REMINDER_AT;
import static jp.tsunagu.escalation.internal.process.ProcessVariables.RESOLVE_BY;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.tsunagu.escalation.TaskKind;
import jp.tsunagu.issue.IssueLifecycle;
import jp.tsunagu.issue.IssueStatus;
import jp.tsunagu.issue.IssueSummary;
import jp.tsunagu.issue.PauseSpan;
import jp.tsunagu.sla.SlaClock;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * 保留: while an issue waits for an outside party its timer jobs are suspended, so it never breaches. On resume every
 * due time (the issue's, the timers', the tasks', and the level's due-time variables) moves by the time the pause took
 * on the targets' clock, so the time left at the pause is left again.
 */
@Component
class PauseClock {

    private static final List<String> DUE_TIME_VARIABLES =
            List.of(ACKNOWLEDGE_BY.name(), ACKNOWLEDGE_REMINDER_AT.name(), RESOLVE_BY.name());
    private static final List<String> AUDITED_TARGETS = List.of(ACKNOWLEDGE_BY.name(), RESOLVE_BY.name());

    private final IssueLifecycle lifecycle;
    private final WorkItemRepository workItems;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final TaskService tasks;
    private final SlaClock slaClock;
    private final Clock clock;

    PauseClock(IssueLifecycle lifecycle, WorkItemRepository workItems, RuntimeService runtime,
            ManagementService management, TaskService tasks, SlaClock slaClock, Clock clock) {
        this.lifecycle = lifecycle;
        this.workItems = workItems;
        this.runtime = runtime;
        this.management = management;
        this.tasks = tasks;
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
        Map<String, String> movedTargets = new LinkedHashMap<>();
        for (String instance : instances(issue)) {
            for (Job timer : management.createJobQuery().processInstanceId(instance).timers().list()) {
                management.setJobDuedate(timer.getId(), moved(timer.getDuedate(), span));
            }
            movedTargets.putAll(moveDueTimeVariables(instance, span));
            management.updateJobSuspensionState().byProcessInstanceId(instance).activate();
            for (Task task : tasks.createTaskQuery().processInstanceId(instance).list()) {
                if (task.getDueDate() != null) {
                    task.setDueDate(moved(task.getDueDate(), span));
                    tasks.saveTask(task);
                    workItems.moveDue(task.getId(), task.getDueDate().toInstant());
                }
            }
        }
        return new Resumed(span.length(), movedTargets);
    }

    /**
     * The level's tasks that do not exist yet (Respond, once acknowledged; a breach's record of its target; the resolve
     * target a CITY re-notification keeps) take their due times from these variables, so they move too.
     */
    private Map<String, String> moveDueTimeVariables(String instance, PauseSpan span) {
        Map<String, Object> moved = new HashMap<>();
        Map<String, String> targets = new LinkedHashMap<>();
        runtime.getVariablesLocal(instance, DUE_TIME_VARIABLES).forEach((name, value) -> {
            if (value instanceof Date due) {
                Date after = moved(due, span);
                moved.put(name, after);
                if (AUDITED_TARGETS.contains(name)) {
                    targets.put("before." + name, due.toInstant().toString());
                    targets.put(name, after.toInstant().toString());
                }
            }
        });
        if (!moved.isEmpty()) {
            runtime.setVariablesLocal(instance, moved);
        }
        return targets;
    }

    private Date moved(Date due, PauseSpan span) {
        return Date.from(slaClock.afterPause(due.toInstant(), span.pausedAt(), span.resumedAt(), span.calendar()));
    }

    private IssueStatus statusFromOpenWork(String issueId) {
        List<TaskKind> open = workItems.openFor(issueId).stream().map(WorkItem::kind).toList();
        if (open.contains(TaskKind.APPROVE_ESCALATION)) {
            return IssueStatus.ESCALATION_REQUESTED;
        }
        return open.contains(TaskKind.RESPOND) ? IssueStatus.IN_PROGRESS : IssueStatus.OPEN;
    }

    /** The issue's main instance and its level sub-process, where the timers live. */
    private List<String> instances(IssueSummary issue) {
        List<String> ids = new ArrayList<>();
        ids.add(issue.processInstanceId());
        runtime.createProcessInstanceQuery().superProcessInstanceId(issue.processInstanceId()).list()
                .forEach(sub -> ids.add(sub.getId()));
        return ids;
    }

    /**
     * @param movedTargets the level's acknowledge and resolve targets before and after ({@code before.acknowledgeBy},
     *                     {@code acknowledgeBy}, ...), for the audit trail: on the business clock they move by less than
     *                     the pause's wall-clock length
     */
    record Resumed(Duration pausedFor, Map<String, String> movedTargets) {
    }
}
