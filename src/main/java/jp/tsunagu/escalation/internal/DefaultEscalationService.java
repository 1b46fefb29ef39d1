package jp.tsunagu.escalation.internal;

import static jp.tsunagu.escalation.internal.process.ProcessVariables.APPROVED;
import static jp.tsunagu.escalation.internal.process.ProcessVariables.APPROVER_GROUPS;
import static jp.tsunagu.escalation.internal.process.ProcessVariables.DECISION;
import static jp.tsunagu.escalation.internal.process.ProcessVariables.DECISION_REQUEST_ESCALATION;
import static jp.tsunagu.escalation.internal.process.ProcessVariables.DECISION_RESOLVE;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.tsunagu.audit.AuditAction;
import jp.tsunagu.audit.AuditTrail;
import jp.tsunagu.common.ConflictException;
import jp.tsunagu.escalation.EscalationDecided;
import jp.tsunagu.escalation.EscalationRequested;
import jp.tsunagu.escalation.EscalationService;
import jp.tsunagu.escalation.IssueAcknowledged;
import jp.tsunagu.escalation.TaskKind;
import jp.tsunagu.escalation.TaskListFilter;
import jp.tsunagu.escalation.TaskView;
import jp.tsunagu.issue.AudienceReason;
import jp.tsunagu.issue.IssueLifecycle;
import jp.tsunagu.issue.IssueStatus;
import jp.tsunagu.issue.IssueSummary;
import jp.tsunagu.issue.Level;
import jp.tsunagu.org.Person;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class DefaultEscalationService implements EscalationService {

    private final ActionGuard guard;
    private final IssueLifecycle lifecycle;
    private final Responders responders;
    private final EscalationRequestRepository requests;
    private final WorkItemRepository workItems;
    private final PauseClock pauseClock;
    private final TaskService tasks;
    private final AuditTrail auditTrail;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ProcessActivities activities;

    DefaultEscalationService(ActionGuard guard, IssueLifecycle lifecycle, Responders responders,
            EscalationRequestRepository requests, WorkItemRepository workItems, PauseClock pauseClock,
            TaskService tasks, AuditTrail auditTrail, ApplicationEventPublisher events, Clock clock,
            ProcessActivities activities) {
        this.guard = guard;
        this.lifecycle = lifecycle;
        this.responders = responders;
        this.requests = requests;
        this.workItems = workItems;
        this.pauseClock = pauseClock;
        this.tasks = tasks;
        this.auditTrail = auditTrail;
        this.events = events;
        this.clock = clock;
        this.activities = activities;
    }

    @Override
    public void acknowledge(String issueId, Person actor) {
        GuardedAction action = guard.task(issueId, actor, TaskKind.ACKNOWLEDGE, "notAwaitingAcknowledgement",
                "The issue is not awaiting acknowledgement");
        lifecycle.changeStatus(issueId, IssueStatus.IN_PROGRESS);
        auditTrail.record(actor.username(), AuditAction.ISSUE_ACKNOWLEDGED, issueId, Map.of("level", action.level().name()));
        Duration waited = workItems.createdAt(action.item().taskId())
                .map(created -> Duration.between(created, clock.instant())).orElse(Duration.ZERO);
        tasks.complete(action.item().taskId());
        events.publishEvent(new IssueAcknowledged(issueId, action.level(), actor.username(), waited));
    }

    @Override
    public void requestEscalation(String issueId, Person actor, String reason) {
        IssueSummary issue = guard.visibleAndActive(issueId, actor);
        if (issue.level() == Level.CITY) {
            throw new ConflictException("cityIsTop", "The issue is already shared city-wide; there is no higher level");
        }
        GuardedAction action = guard.task(issue, actor, TaskKind.RESPOND, "notInWork",
                "The issue is not being worked on at its level");
        String text = Texts.required("reason", reason, 2000);
        List<String> approvers = responders.approversFor(issue, actor);
        requests.insert(issueId, issue.level(), actor.username(), text, clock.instant());
        lifecycle.changeStatus(issueId, IssueStatus.ESCALATION_REQUESTED);
        lifecycle.share(issueId, issue.level(), AudienceReason.APPROVER, approvers);
        auditTrail.record(actor.username(), AuditAction.ESCALATION_REQUESTED, issueId,
                Map.of("level", issue.level().name(), "reason", text, "approvers", approvers));
        tasks.complete(action.item().taskId(), Variables.createVariables()
                .putValue(DECISION.name(), DECISION_REQUEST_ESCALATION)
                .putValue(APPROVER_GROUPS.name(), String.join(",", approvers)));
        events.publishEvent(new EscalationRequested(issueId, issue.level(), actor.username(), approvers));
    }

    @Override
    public void approveEscalation(String issueId, Person actor, String comment) {
        decide(issueId, actor, true, comment);
    }

    @Override
    public void rejectEscalation(String issueId, Person actor, String comment) {
        decide(issueId, actor, false, comment);
    }

    /** The checks come first (404, 403, 409), the comment after them (400): a rejection needs one, an approval not. */
    private void decide(String issueId, Person actor, boolean approved, String rawComment) {
        IssueSummary issue = guard.visibleAndActive(issueId, actor);
        EscalationRequestRepository.OpenRequest request = requests.open(issueId)
                .orElseThrow(() -> new ConflictException("noOpenRequest", "There is no open escalation request"));
        if (request.requestedBy().equals(actor.username())) {
            throw guard.refuse(issue, actor, "Nobody approves or rejects their own escalation request");
        }
        GuardedAction action = guard.task(issue, actor, TaskKind.APPROVE_ESCALATION, "noOpenRequest",
                "There is no open escalation request");
        String comment = approved ? (rawComment == null ? "" : Texts.optional("comment", rawComment, 2000))
                : Texts.required("comment", rawComment, 2000);
        requests.decide(request.id(), approved, actor.username(), comment, clock.instant());
        if (!approved) {
            lifecycle.changeStatus(issueId, IssueStatus.IN_PROGRESS);
        }
        auditTrail.record(actor.username(), approved ? AuditAction.ESCALATION_APPROVED : AuditAction.ESCALATION_REJECTED,
                issueId, Map.of("level", issue.level().name(), "requestedBy", request.requestedBy(), "comment", comment));
        tasks.complete(action.item().taskId(), Variables.createVariables().putValue(APPROVED.name(), approved));
        events.publishEvent(new EscalationDecided(issueId, issue.level(), request.requestedBy(), actor.username(), approved));
    }

    @Override
    public void resolve(String issueId, Person actor, String resolution) {
        GuardedAction action = guard.task(issueId, actor, TaskKind.RESPOND, "notInWork",
                "The issue is not being worked on at its level");
        String text = Texts.required("resolution", resolution, 10_000);
        lifecycle.resolve(issueId, text, actor.username());
        auditTrail.record(actor.username(), AuditAction.ISSUE_RESOLVED, issueId,
                Map.of("level", action.level().name(), "resolution", text));
        tasks.complete(action.item().taskId(), Variables.createVariables().putValue(DECISION.name(), DECISION_RESOLVE));
    }

    @Override
    public void pause(String issueId, Person actor, String reason) {
        IssueSummary issue = guard.supervisorOfActive(issueId, actor);
        String text = Texts.required("reason", reason, 2000);
        pauseClock.pause(issue);
        auditTrail.record(actor.username(), AuditAction.ISSUE_PAUSED, issueId,
                Map.of("level", issue.level().name(), "reason", text));
    }

    @Override
    public void resume(String issueId, Person actor, String reason) {
        IssueSummary issue = guard.supervisorOfPaused(issueId, actor);
        String text = Texts.optional("reason", reason, 2000);
        PauseClock.Resumed resumed = pauseClock.resume(issue);
        Map<String, Object> details = new LinkedHashMap<>(Map.of("level", issue.level().name(), "reason", text,
                "pausedSeconds", resumed.pausedFor().toSeconds()));
        details.putAll(resumed.movedTargets());
        auditTrail.record(actor.username(), AuditAction.ISSUE_RESUMED, issueId, details);
    }

    /** The task list's reads are one statement each, so none opens a transaction of its own (docs/benchmarks.md). */
    @Override
    @Transactional(propagation = Propagation.SUPPORTS)
    public List<TaskView> openTasksOn(String issueId, Person person) {
        return workItems.tasksOn(issueId, person);
    }

    @Override
    @Transactional(propagation = Propagation.SUPPORTS)
    public List<TaskView> openTasks(Person person, TaskListFilter filter, long offset, int limit) {
        return workItems.tasksOf(person, filter, Math.max(0, offset), Math.max(1, Math.min(limit, TASK_LIST_LIMIT)));
    }

    @Override
    @Transactional(propagation = Propagation.SUPPORTS)
    public long openTaskCount(Person person, TaskListFilter filter) {
        return workItems.countTasksOf(person, filter);
    }

    @Override
    @Transactional(propagation = Propagation.SUPPORTS)
    public List<String> openTaskSections(Person person) {
        return workItems.sectionsOf(person);
    }

    @Override
    @Transactional(readOnly = true)
    public List<String> currentActivities(String issueId, Person person) {
        return activities.current(issueId, person);
    }
}
