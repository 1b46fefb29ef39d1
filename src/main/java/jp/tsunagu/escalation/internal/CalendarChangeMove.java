package jp.tsunagu.escalation.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import jp.tsunagu.audit.AuditAction;
import jp.tsunagu.audit.AuditTrail;
import jp.tsunagu.issue.IssueDueTimes;
import jp.tsunagu.issue.IssueLifecycle;
import jp.tsunagu.issue.IssueStatus;
import jp.tsunagu.sla.DueTimeShift;
import jp.tsunagu.sla.OpeningDaysChanged;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves one open issue's due times after the city's calendar changed, and audits it as {@code SLA_TARGETS_MOVED}, in
 * one transaction. The issue's row is locked first, as every breach timer locks it, so a timer firing at the same
 * moment runs before or after, never alongside.
 */
@Component
class CalendarChangeMove {

    private final IssueLifecycle lifecycle;
    private final ProcessDueTimes dueTimes;
    private final AuditTrail auditTrail;

    CalendarChangeMove(IssueLifecycle lifecycle, ProcessDueTimes dueTimes, AuditTrail auditTrail) {
        this.lifecycle = lifecycle;
        this.dueTimes = dueTimes;
        this.auditTrail = auditTrail;
    }

    /**
     * A paused issue's clock stopped when it was paused: the opening time left then is counted again from then, and
     * the resume moves the due times by the pause as usual.
     */
    static Instant countingFrom(IssueDueTimes issue, Instant now) {
        return issue.pausedAt() != null ? issue.pausedAt() : now;
    }

    /** Whether the change touches the issue's targets, from the stored due times alone (no engine query). */
    static boolean touches(IssueDueTimes issue, DueTimeShift shift, Instant now) {
        Instant from = countingFrom(issue, now);
        return !Objects.equals(moved(issue.acknowledgeBy(), shift, from), issue.acknowledgeBy())
                || !Objects.equals(moved(issue.resolveBy(), shift, from), issue.resolveBy());
    }

    /**
     * @param seen the due times when the change was read; if a timer or a person changed them since, they were
     *             computed on the new calendar already and stay
     * @return whether the due times moved
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean move(IssueDueTimes seen, OpeningDaysChanged change, Instant now) {
        if (lifecycle.lock(seen.id()).status() == IssueStatus.RESOLVED) {
            return false;
        }
        IssueDueTimes current = lifecycle.dueTimes(seen.id());
        if (current.level() != seen.level() || !Objects.equals(current.acknowledgeBy(), seen.acknowledgeBy())
                || !Objects.equals(current.resolveBy(), seen.resolveBy())) {
            return false;
        }
        Instant from = countingFrom(current, now);
        Instant acknowledgeBy = moved(current.acknowledgeBy(), change.shift(), from);
        Instant resolveBy = moved(current.resolveBy(), change.shift(), from);
        if (Objects.equals(acknowledgeBy, current.acknowledgeBy()) && Objects.equals(resolveBy, current.resolveBy())) {
            return false;
        }
        dueTimes.move(dueTimes.instances(current.processInstanceId()), due -> change.shift().moved(due, from));
        lifecycle.moveDueTimes(current.id(), acknowledgeBy, resolveBy);
        auditTrail.record(AuditAction.SLA_TARGETS_MOVED, current.id(), details(current, change, from, acknowledgeBy,
                resolveBy));
        return true;
    }

    private static Map<String, Object> details(IssueDueTimes before, OpeningDaysChanged change, Instant from,
            Instant acknowledgeBy, Instant resolveBy) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("level", before.level().name());
        change.reason().forEach((key, value) -> details.put("reason." + key, value));
        if (before.pausedAt() != null) {
            details.put("pausedAt", from.toString());
        }
        details.put("before.acknowledgeBy", String.valueOf(before.acknowledgeBy()));
        details.put("acknowledgeBy", String.valueOf(acknowledgeBy));
        details.put("before.resolveBy", String.valueOf(before.resolveBy()));
        details.put("resolveBy", String.valueOf(resolveBy));
        return details;
    }

    private static Instant moved(Instant due, DueTimeShift shift, Instant from) {
        return due == null ? null : shift.moved(due, from);
    }
}
