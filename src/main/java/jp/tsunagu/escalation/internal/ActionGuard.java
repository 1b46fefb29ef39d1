package jp.tsunagu.escalation.internal;

import jp.tsunagu.audit.AuditTrail;
import jp.tsunagu.common.ConflictException;
import jp.tsunagu.common.ForbiddenException;
import jp.tsunagu.escalation.TaskKind;
import jp.tsunagu.issue.IssueAccess;
import jp.tsunagu.issue.IssueStatus;
import jp.tsunagu.issue.IssueSummary;
import jp.tsunagu.org.Person;
import jp.tsunagu.org.Principals;
import org.springframework.stereotype.Component;

/**
 * The checks in front of every action, in the order the API promises: 404 if the caller may not see the issue, 403 if
 * they may see it but not act, 409 if the state has moved on. Locking the issue row first makes two actions on one
 * issue run one after the other, so the second sees what the first did.
 */
@Component
class ActionGuard {

    private final IssueAccess access;
    private final WorkItemRepository workItems;
    private final AuditTrail auditTrail;

    ActionGuard(IssueAccess access, WorkItemRepository workItems, AuditTrail auditTrail) {
        this.access = access;
        this.workItems = workItems;
        this.auditTrail = auditTrail;
    }

    /** A 403, audited as denied access. */
    ForbiddenException refuse(IssueSummary issue, Person actor, String reason) {
        return IssueAccess.refused(auditTrail, actor, issue.id(), reason);
    }

    IssueSummary visibleAndActive(String issueId, Person actor) {
        IssueSummary issue = lockedForChange(issueId, actor);
        if (issue.status() == IssueStatus.PAUSED) {
            throw new ConflictException("paused", "The issue is paused; resume it first");
        }
        return issue;
    }

    /** The open task of this kind, which the actor may do; else 409 with {@code code} and {@code whenMissing}. */
    GuardedAction task(String issueId, Person actor, TaskKind kind, String code, String whenMissing) {
        return task(visibleAndActive(issueId, actor), actor, kind, code, whenMissing);
    }

    GuardedAction task(IssueSummary issue, Person actor, TaskKind kind, String code, String whenMissing) {
        WorkItem item = workItems.open(issue.id(), kind).orElseThrow(() -> new ConflictException(code, whenMissing));
        if (!item.mayBeDoneBy(actor)) {
            throw refuse(issue, actor, "You are not among those who may do this now");
        }
        return new GuardedAction(issue, item);
    }

    /** For pausing: the supervisor of an issue that is not paused yet. */
    IssueSummary supervisorOfActive(String issueId, Person actor) {
        IssueSummary issue = lockedForChange(issueId, actor);
        requireSupervisor(issue, actor);
        if (issue.status() == IssueStatus.PAUSED) {
            throw new ConflictException("alreadyPaused", "The issue is already paused");
        }
        return issue;
    }

    IssueSummary supervisorOfPaused(String issueId, Person actor) {
        IssueSummary issue = lockedForChange(issueId, actor);
        requireSupervisor(issue, actor);
        if (issue.status() != IssueStatus.PAUSED) {
            throw new ConflictException("notPaused", "The issue is not paused");
        }
        return issue;
    }

    private IssueSummary lockedForChange(String issueId, Person actor) {
        IssueSummary issue = access.lockVisible(issueId, actor);
        if (!actor.mayChangeIssues()) {
            throw refuse(issue, actor, "Your role reads issues but does not change them");
        }
        if (issue.status() == IssueStatus.RESOLVED) {
            throw new ConflictException("resolved", "The issue is resolved");
        }
        return issue;
    }

    /** A pause needs a supervisor's OK: the section chief, or the department head above SECTION. */
    private void requireSupervisor(IssueSummary issue, Person actor) {
        String supervisor = switch (issue.level()) {
            case SECTION -> Principals.sectionChief(issue.sectionCode());
            case DEPARTMENT, CITY -> Principals.departmentHead(issue.departmentCode());
        };
        if (!actor.principals().contains(supervisor)) {
            throw refuse(issue, actor, "Only the supervisor at the issue's level may pause or resume it");
        }
    }
}
