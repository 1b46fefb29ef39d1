package jp.tsunagu.escalation.internal;

import static jp.tsunagu.escalation.internal.process.ProcessVariables.ISSUE_ID;
import static jp.tsunagu.escalation.internal.process.ProcessVariables.LEVEL;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jp.tsunagu.escalation.AcknowledgeTaskCreated;
import jp.tsunagu.escalation.TaskKind;
import jp.tsunagu.escalation.internal.process.IssueLevelProcess;
import jp.tsunagu.issue.IssueLifecycle;
import jp.tsunagu.issue.Level;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.context.ApplicationEventPublisher;
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
    private final IssueLifecycle lifecycle;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    WorkItemProjection(WorkItemRepository workItems, EscalationRequestRepository requests, IssueLifecycle lifecycle,
            Clock clock, ApplicationEventPublisher events) {
        this.workItems = workItems;
        this.requests = requests;
        this.lifecycle = lifecycle;
        this.clock = clock;
        this.events = events;
    }

    @EventListener
    void on(DelegateTask task) {
        TaskKind kind = KINDS.get(task.getTaskDefinitionKey());
        if (kind == null) {
            return;
        }
        switch (task.getEventName()) {
            case TaskListener.EVENTNAME_CREATE -> created(task, kind);
            case TaskListener.EVENTNAME_COMPLETE, TaskListener.EVENTNAME_DELETE -> removed(task);
            default -> { }
        }
    }

    /**
     * The issue row is locked before the work item: a timer job that cancels a task takes its locks in the same order
     * as a person's action (issue first), so the two wait for each other instead of deadlocking.
     */
    private void removed(DelegateTask task) {
        workItems.issueOf(task.getId()).ifPresent(lifecycle::lock);
        workItems.delete(task.getId());
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
        Level level = Level.valueOf(LEVEL.get(task));
        Instant due = task.getDueDate() == null ? null : task.getDueDate().toInstant();
        workItems.insert(new WorkItem(task.getId(), issueId, kind, level, due, excluded, candidates), clock.instant());
        // New work for the level's responders. Respond follows from their own acknowledgement, and the approval
        // task is announced by EscalationRequested.
        if (kind == TaskKind.ACKNOWLEDGE) {
            events.publishEvent(new AcknowledgeTaskCreated(issueId, level, candidates, due));
        }
    }
}
