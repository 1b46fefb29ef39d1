package jp.tsunagu.escalation.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

import jp.tsunagu.audit.AuditAction;
import jp.tsunagu.audit.AuditTrail;
import jp.tsunagu.issue.IssueDueTimes;
import jp.tsunagu.issue.IssueLifecycle;
import jp.tsunagu.issue.IssueStatus;
import jp.tsunagu.sla.DueTimeShift;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves one open issue's due times after the city's calendar changed, and audits it as {@code SLA_TARGETS_MOVED}, in
 * one transaction. The issue's row is locked first, as every breach timer locks it, so a timer firing at the same
 * moment runs before or after, never alongside; whatever ran before is read as it left the issue.
 */
@Component
class CalendarChangeMove {

    private final IssueLifecycle lifecycle;
    private final ProcessDueTimes dueTimes;
    private final CalendarChanges changes;
    private final AuditTrail auditTrail;

    CalendarChangeMove(IssueLifecycle lifecycle, ProcessDueTimes dueTimes, CalendarChanges changes,
            AuditTrail auditTrail) {
        this.lifecycle = lifecycle;
        this.dueTimes = dueTimes;
        this.changes = changes;
        this.auditTrail = auditTrail;
    }

    /**
     * The opening time left when the change was made is counted again from then, however long after it the worker
     * reaches the issue: the opening time the old calendar counted since was closed on the new one. A paused issue's
     * clock stopped when it was paused: the time left then is counted again from then, and the resume moves the due
     * times by the pause as usual.
     */
    static Instant countingFrom(IssueDueTimes issue, Instant changedAt) {
        return issue.pausedAt() != null && issue.pausedAt().isBefore(changedAt) ? issue.pausedAt() : changedAt;
    }

    /** Whether the change touches the issue's targets, from the stored due times alone (no engine query). */
    static boolean touches(IssueDueTimes issue, DueTimeShift shift, Instant changedAt) {
        Instant from = countingFrom(issue, changedAt);
        return !Objects.equals(moved(issue.acknowledgeBy(), shift, from), issue.acknowledgeBy())
                || !Objects.equals(moved(issue.resolveBy(), shift, from), issue.resolveBy());
    }

    /**
     * Targets computed at or after the change count on the new calendar already and stay: those of a level the issue
     * reached since (a breach timer, an approval), and at CITY a fresh acknowledge target after a missed one. Due
     * times moved by a resume since are still the old calendar's, moved by the pause, and move.
     *
     * @return whether the due times moved
     */
    @Transactional
    public boolean move(String issueId, PendingCalendarChange change) {
        if (lifecycle.lock(issueId).status() == IssueStatus.RESOLVED || changes.appliedTo(change.id(), issueId)) {
            return false;
        }
        IssueDueTimes current = lifecycle.dueTimes(issueId);
        if (current.levelEnteredAt() != null && !current.levelEnteredAt().isBefore(change.changedAt())) {
            return false;
        }
        List<String> instances = dueTimes.instances(current.processInstanceId());
        boolean freshAcknowledge = dueTimes.acknowledgeCreatedSince(instances, change.changedAt());
        Instant from = countingFrom(current, change.changedAt());
        UnaryOperator<Instant> rule = due -> freshAcknowledge && !sameMillisecond(due, current.resolveBy())
                ? due : change.shift().moved(due, from);
        Instant acknowledgeBy = current.acknowledgeBy() == null ? null : rule.apply(current.acknowledgeBy());
        Instant resolveBy = current.resolveBy() == null ? null : rule.apply(current.resolveBy());
        if (Objects.equals(acknowledgeBy, current.acknowledgeBy()) && Objects.equals(resolveBy, current.resolveBy())) {
            return false;
        }
        dueTimes.move(instances, rule);
        lifecycle.moveDueTimes(current.id(), acknowledgeBy, resolveBy);
        changes.applied(change.id(), issueId, CalendarChanges.Outcome.MOVED);
        auditTrail.record(AuditAction.SLA_TARGETS_MOVED, current.id(), details(current, change, from, acknowledgeBy,
                resolveBy));
        return true;
    }

    private static Map<String, Object> details(IssueDueTimes before, PendingCalendarChange change, Instant from,
            Instant acknowledgeBy, Instant resolveBy) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("level", before.level().name());
        change.reason().forEach((key, value) -> details.put("reason." + key, value));
        details.put("reason.changedAt", change.changedAt().toString());
        if (before.pausedAt() != null && before.pausedAt().equals(from)) {
            details.put("pausedAt", from.toString());
        }
        details.put("before.acknowledgeBy", String.valueOf(before.acknowledgeBy()));
        details.put("acknowledgeBy", String.valueOf(acknowledgeBy));
        details.put("before.resolveBy", String.valueOf(before.resolveBy()));
        details.put("resolveBy", String.valueOf(resolveBy));
        return details;
    }

    /** The engine keeps milliseconds, the issue's row microseconds. */
    private static boolean sameMillisecond(Instant engineDue, Instant target) {
        return target != null && engineDue.toEpochMilli() == target.toEpochMilli();
    }

    private static Instant moved(Instant due, DueTimeShift shift, Instant from) {
        return due == null ? null : shift.moved(due, from);
    }
}
