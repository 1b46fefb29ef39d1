package jp.tsunagu.escalation.internal;

import static jp.tsunagu.escalation.internal.process.ProcessVariables.ACKNOWLEDGE_BY;
import static jp.tsunagu.escalation.internal.process.ProcessVariables.ACKNOWLEDGE_REMINDER_AT;
import static jp.tsunagu.escalation.internal.process.ProcessVariables.RESOLVE_BY;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import jp.tsunagu.escalation.internal.process.IssueLevelProcess;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Moves every due time an issue's process holds by one rule: its timer jobs (the 50% reminder, the acknowledge and
 * the resolve breach), its tasks and their task-list rows, and the level's due-time variables. A resume after a pause
 * and a change of the city's calendar both move due times this way. The caller moves the issue's own columns.
 */
@Component
class ProcessDueTimes {

    private static final List<String> DUE_TIME_VARIABLES =
            List.of(ACKNOWLEDGE_BY.name(), ACKNOWLEDGE_REMINDER_AT.name(), RESOLVE_BY.name());
    private static final List<String> AUDITED_TARGETS = List.of(ACKNOWLEDGE_BY.name(), RESOLVE_BY.name());

    private final WorkItemRepository workItems;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final TaskService tasks;

    ProcessDueTimes(WorkItemRepository workItems, RuntimeService runtime, ManagementService management,
            TaskService tasks) {
        this.workItems = workItems;
        this.runtime = runtime;
        this.management = management;
        this.tasks = tasks;
    }

    /**
     * @return the level's acknowledge and resolve targets before and after ({@code before.acknowledgeBy},
     *         {@code acknowledgeBy}, ...) for the audit trail, whether they moved or not
     */
    Map<String, String> move(List<String> instances, UnaryOperator<Instant> rule) {
        Map<String, String> movedTargets = new LinkedHashMap<>();
        for (String instance : instances) {
            for (Job timer : management.createJobQuery().processInstanceId(instance).timers().list()) {
                Date after = moved(timer.getDuedate(), rule);
                if (!after.equals(timer.getDuedate())) {
                    management.setJobDuedate(timer.getId(), after);
                }
            }
            movedTargets.putAll(moveDueTimeVariables(instance, rule));
            for (Task task : tasks.createTaskQuery().processInstanceId(instance).list()) {
                if (task.getDueDate() != null) {
                    Date after = moved(task.getDueDate(), rule);
                    if (!after.equals(task.getDueDate())) {
                        task.setDueDate(after);
                        tasks.saveTask(task);
                        workItems.moveDue(task.getId(), after.toInstant());
                    }
                }
            }
        }
        return movedTargets;
    }

    /** The issue's main instance and its level sub-process, where the timers live. */
    List<String> instances(String processInstanceId) {
        List<String> ids = new ArrayList<>();
        ids.add(processInstanceId);
        runtime.createProcessInstanceQuery().superProcessInstanceId(processInstanceId).list()
                .forEach(sub -> ids.add(sub.getId()));
        return ids;
    }

    /**
     * Whether the level's open Acknowledge task was created at or after {@code since}: at CITY a missed target creates
     * it again with a fresh acknowledge target (and reminder), counted on the calendar in force then.
     */
    boolean acknowledgeCreatedSince(List<String> instances, Instant since) {
        Date from = Date.from(since);
        return instances.stream().flatMap(instance -> tasks.createTaskQuery().processInstanceId(instance)
                        .taskDefinitionKey(IssueLevelProcess.Elements.TASK_ACKNOWLEDGE.id()).list().stream())
                .anyMatch(task -> !task.getCreateTime().before(from));
    }

    /**
     * The level's tasks that do not exist yet (Respond, once acknowledged; a breach's record of its target; the resolve
     * target a CITY re-notification keeps) take their due times from these variables, so they move too.
     */
    private Map<String, String> moveDueTimeVariables(String instance, UnaryOperator<Instant> rule) {
        Map<String, Object> moved = new HashMap<>();
        Map<String, String> targets = new LinkedHashMap<>();
        runtime.getVariablesLocal(instance, DUE_TIME_VARIABLES).forEach((name, value) -> {
            if (value instanceof Date due) {
                Date after = moved(due, rule);
                if (!after.equals(due)) {
                    moved.put(name, after);
                }
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

    private static Date moved(Date due, UnaryOperator<Instant> rule) {
        return Date.from(rule.apply(due.toInstant()));
    }
}
