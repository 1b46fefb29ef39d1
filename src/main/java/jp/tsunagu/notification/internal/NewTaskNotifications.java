package jp.tsunagu.notification.internal;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jp.tsunagu.notification.NotificationEvent;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * "New work for you or your group": the engine's task events (Camunda's Spring eventing), inside the engine's
 * transaction. Only the acknowledge task of a level counts as new work: Respond follows from the responder's own
 * acknowledgement, and the approval task is announced by {@code EscalationRequested}.
 */
@Component
class NewTaskNotifications {

    /** The element id of the acknowledge task in {@code bpmn/issue-level.bpmn}. */
    static final String ACKNOWLEDGE_TASK = "Task_Acknowledge";

    private final Notifier notifier;

    NewTaskNotifications(Notifier notifier) {
        this.notifier = notifier;
    }

    @EventListener
    void on(DelegateTask task) {
        if (!TaskListener.EVENTNAME_CREATE.equals(task.getEventName())
                || !ACKNOWLEDGE_TASK.equals(task.getTaskDefinitionKey())) {
            return;
        }
        String issueId = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
        if (issueId == null) {
            return;
        }
        var groups = task.getCandidates().stream().map(IdentityLink::getGroupId).filter(Objects::nonNull).toList();
        Map<String, String> facts = task.getDueDate() == null ? Map.of()
                : Map.of("due", task.getDueDate().toInstant().toString());
        notifier.notify(NotificationEvent.TASK_ASSIGNED, issueId, null, groups, facts, Set.of());
    }
}
