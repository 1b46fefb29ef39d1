package jp.tsunagu.escalation.internal;

import static jp.tsunagu.escalation.internal.process.ProcessVariables.ISSUE_ID;
import static jp.tsunagu.escalation.internal.process.ProcessVariables.LEVEL;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import jp.tsunagu.escalation.TaskKind;
import jp.tsunagu.escalation.internal.process.IssueLevelProcess;
import jp.tsunagu.issue.Level;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Mirrors the engine's open user tasks into the work-item table, inside the engine's own transaction, so that the
 * task list is a single indexed query and can never disagree with the engine.
 */
@Component
class WorkItemProjection {

    private static final Map<String, TaskKind> KINDS = Map.of(
            IssueLevelProcess.Elements.TASK_ACKNOWLEDGE.id(), TaskKind.ACKNOWLEDGE,
            IssueLevelProcess.Elements.TASK_RESPOND.id(), TaskKind.RESPOND,
            IssueLevelProcess.Elements.TASK_APPROVE_ESCALATION.id(), TaskKind.APPROVE_ESCALATION);

    private final WorkItemRepository workItems;
    private final EscalationRequestRepository requests;
    private final Clock clock;

    WorkItemProjection(WorkItemRepository workItems, EscalationRequestRepository requests, Clock clock) {
        this.workItems = workItems;
        this.requests = requests;
        this.clock = clock;
    }

    @EventListener
    void on(DelegateTask task) {
        TaskKind kind = KINDS.get(task.getTaskDefinitionKey());
        if (kind == null) {
            return;
        }
        switch (task.getEventName()) {
            case TaskListener.EVENTNAME_CREATE -> created(task, kind);
            case TaskListener.EVENTNAME_COMPLETE, TaskListener.EVENTNAME_DELETE -> workItems.delete(task.getId());
            default -> { }
        }
    }

    private void created(DelegateTask task, TaskKind kind) {
        String issueId = ISSUE_ID.get(task);
        List<String> candidates = task.getCandidates().stream()
                .map(IdentityLink::getGroupId)
                .filter(group -> group != null)
                .toList();
        String excluded = kind == TaskKind.APPROVE_ESCALATION
                ? requests.open(issueId).map(EscalationRequestRepository.OpenRequest::requestedBy).orElse(null)
                : null;
        workItems.insert(new WorkItem(task.getId(), issueId, kind, Level.valueOf(LEVEL.get(task)),
                task.getDueDate() == null ? null : task.getDueDate().toInstant(), excluded, candidates), clock.instant());
    }
}
