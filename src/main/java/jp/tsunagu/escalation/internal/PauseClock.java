package jp.tsunagu.escalation.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import jp.tsunagu.escalation.TaskKind;
import jp.tsunagu.issue.IssueLifecycle;
import jp.tsunagu.issue.IssueStatus;
import jp.tsunagu.issue.IssueSummary;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * 保留: while an issue waits for an outside party its timer jobs are suspended, so it never breaches. On resume every
 * due time (the issue's, the timers', the tasks') moves by the paused span, so the time used before the pause is kept.
 */
@Component
class PauseClock {

    private final IssueLifecycle lifecycle;
    private final WorkItemRepository workItems;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final TaskService tasks;
    private final Clock clock;

    PauseClock(IssueLifecycle lifecycle, WorkItemRepository workItems, RuntimeService runtime,
            ManagementService management, TaskService tasks, Clock clock) {
        this.lifecycle = lifecycle;
        this.workItems = workItems;
        this.runtime = runtime;
        this.management = management;
        this.tasks = tasks;
        this.clock = clock;
    }

    void pause(IssueSummary issue) {
        lifecycle.pause(issue.id(), clock.instant());
        for (String instance : instances(issue)) {
            management.updateJobSuspensionState().byProcessInstanceId(instance).suspend();
        }
    }

    Resumed resume(IssueSummary issue) {
        Duration span = lifecycle.resume(issue.id(), statusFromOpenWork(issue.id()));
        for (String instance : instances(issue)) {
            for (Job timer : management.createJobQuery().processInstanceId(instance).timers().list()) {
                management.setJobDuedate(timer.getId(), shifted(timer.getDuedate(), span));
            }
            management.updateJobSuspensionState().byProcessInstanceId(instance).activate();
            for (Task task : tasks.createTaskQuery().processInstanceId(instance).list()) {
                if (task.getDueDate() != null) {
                    task.setDueDate(shifted(task.getDueDate(), span));
                    tasks.saveTask(task);
                    workItems.moveDue(task.getId(), task.getDueDate().toInstant());
                }
            }
        }
        return new Resumed(span);
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

    private static Date shifted(Date date, Duration span) {
        return Date.from(date.toInstant().plus(span));
    }

    record Resumed(Duration pausedFor) {
    }
}
