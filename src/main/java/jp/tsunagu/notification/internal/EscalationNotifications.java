package jp.tsunagu.notification.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jp.tsunagu.escalation.EscalationDecided;
import jp.tsunagu.escalation.EscalationRequested;
import jp.tsunagu.escalation.IssueResolved;
import jp.tsunagu.escalation.IssueShared;
import jp.tsunagu.escalation.SlaBreached;
import jp.tsunagu.escalation.SlaReminderDue;
import jp.tsunagu.issue.IssueLifecycle;
import jp.tsunagu.notification.NotificationEvent;
import jp.tsunagu.org.Principals;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Turns the escalation module's events into notifications, synchronously, inside the transaction of the change. */
@Component
class EscalationNotifications {

    private final Notifier notifier;
    private final IssueLifecycle issues;

    EscalationNotifications(Notifier notifier, IssueLifecycle issues) {
        this.notifier = notifier;
        this.issues = issues;
    }

    /** The level's responders are left out: their new acknowledge task tells them, at the same moment. */
    @EventListener
    void on(IssueShared shared) {
        notifier.notify(NotificationEvent.ISSUE_SHARED, shared.issueId(), shared.level(), shared.newlySharedWith(),
                Map.of(), notifier.people(shared.responders()));
    }

    @EventListener
    void on(EscalationRequested requested) {
        notifier.notify(NotificationEvent.APPROVAL_REQUESTED, requested.issueId(), requested.level(),
                requested.approvers(), Map.of(), Set.of(requested.requestedBy()));
    }

    @EventListener
    void on(EscalationDecided decided) {
        notifier.notify(NotificationEvent.APPROVAL_DECIDED, decided.issueId(), decided.level(),
                List.of(Principals.user(decided.requestedBy())),
                Map.of("approved", String.valueOf(decided.approved())), Set.of());
    }

    @EventListener
    void on(SlaReminderDue reminder) {
        notifier.notify(NotificationEvent.SLA_REMINDER, reminder.issueId(), reminder.level(), reminder.responders(),
                Map.of(), Set.of());
    }

    /** An acknowledge breach that escalated names nobody: the owning section hears that its level was skipped. */
    @EventListener
    void on(SlaBreached breach) {
        List<String> recipients = breach.recipients();
        if (recipients.isEmpty()) {
            recipients = List.of(Principals.section(issues.summary(breach.issueId()).sectionCode()));
        }
        notifier.notify(NotificationEvent.SLA_BREACHED, breach.issueId(), breach.level(), recipients,
                Map.of("target", breach.target().name(), "escalated", String.valueOf(breach.escalated())), Set.of());
    }

    /** A raiser who resolved the issue themselves needs no notice of it. */
    @EventListener
    void on(IssueResolved resolved) {
        notifier.notify(NotificationEvent.ISSUE_RESOLVED, resolved.issueId(), null,
                List.of(Principals.user(resolved.raisedBy())), Map.of(),
                resolved.resolvedBy() == null ? Set.of() : Set.of(resolved.resolvedBy()));
    }
}
