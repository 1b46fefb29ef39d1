package jp.tsunagu.notification.internal;

import java.util.Map;
import java.util.Set;

import jp.tsunagu.escalation.AcknowledgeTaskCreated;
import jp.tsunagu.notification.NotificationEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * "New work for you or your group": an issue arrived at a level and awaits acknowledgement. Announced by the escalation
 * module inside the engine's transaction, so the notification commits with the task or not at all.
 */
@Component
class NewTaskNotifications {

    private final Notifier notifier;

    NewTaskNotifications(Notifier notifier) {
        this.notifier = notifier;
    }

    @EventListener
    void on(AcknowledgeTaskCreated task) {
        Map<String, String> facts = task.due() == null ? Map.of() : Map.of("due", task.due().toString());
        notifier.notify(NotificationEvent.TASK_ASSIGNED, task.issueId(), null, task.candidates(), facts, Set.of());
    }
}
