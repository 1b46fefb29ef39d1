package jp.tsunagu.escalation.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jp.tsunagu.audit.AuditAction;
import jp.tsunagu.audit.AuditTrail;
import jp.tsunagu.escalation.internal.CalendarChanges.Outcome;
import jp.tsunagu.escalation.internal.CalendarChanges.StoredChange;
import jp.tsunagu.issue.IssueDueTimes;
import jp.tsunagu.sla.BusinessCalendar;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves the open issues' due times after a change of the city's calendar, in the background, on whichever node claims
 * the change first; changes are applied one after the other, in the order they were made. Each issue moves in a
 * transaction of its own that also records it as done, so a worker that dies half-way leaves the rest to the next
 * worker once its lease has run out, and no issue moves twice. One that cannot be moved (for example because the
 * moved due time would run past the holiday data) keeps its due times and is audited as {@code SLA_TARGETS_NOT_MOVED};
 * the change and the other issues stand.
 */
@Component
public class CalendarChangeWorker {

    private static final Logger log = LoggerFactory.getLogger(CalendarChangeWorker.class);

    /** Long enough for a slow batch of {@link #RENEW_EVERY} issues; a dead worker's change waits this long at most. */
    static final Duration LEASE = Duration.ofMinutes(2);
    private static final int RENEW_EVERY = 50;

    /** A timer job that fires at the same moment wins; the move is then tried again on what it left. */
    private static final int ATTEMPTS = 3;

    private final CalendarChanges changes;
    private final OpenIssueCandidates candidates;
    private final CalendarChangeMove move;
    private final BusinessCalendar calendar;
    private final AuditTrail auditTrail;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    CalendarChangeWorker(CalendarChanges changes, OpenIssueCandidates candidates, CalendarChangeMove move,
            BusinessCalendar calendar, AuditTrail auditTrail, PlatformTransactionManager transactions, Clock clock) {
        this.changes = changes;
        this.candidates = candidates;
        this.move = move;
        this.calendar = calendar;
        this.auditTrail = auditTrail;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /**
     * Applies every recorded change that nobody is working on, oldest first.
     *
     * @return how many issues' due times moved
     */
    public int moveDue() {
        int moved = 0;
        for (Optional<StoredChange> next = changes.oldestUnfinished(); next.isPresent();
                next = changes.oldestUnfinished()) {
            String worker = UUID.randomUUID().toString();
            Instant now = clock.instant();
            if (!changes.claim(next.get().id(), worker, now, now.plus(LEASE))) {
                return moved; // another worker has it, and the later changes wait for it
            }
            Optional<Integer> done = apply(next.get(), worker);
            if (done.isEmpty()) {
                return moved;
            }
            moved += done.get();
        }
        return moved;
    }

    /** @return how many issues moved, or empty when the lease ran out and another worker took the change over */
    private Optional<Integer> apply(StoredChange stored, String worker) {
        PendingCalendarChange change;
        try {
            change = pending(stored);
        } catch (RuntimeException unreadable) {
            log.error("Calendar change {} ({}) cannot be read again; open issues keep their due times", stored.id(),
                    stored.reason(), unreadable);
            changes.finish(stored.id(), worker, clock.instant());
            return Optional.of(0);
        }
        List<IssueDueTimes> issues = candidates.touchedBy(change.shift(), change.changedAt(), clock.instant());
        int moved = 0;
        int failed = 0;
        for (int i = 0; i < issues.size(); i++) {
            if (i > 0 && i % RENEW_EVERY == 0 && !changes.renew(stored.id(), worker, clock.instant().plus(LEASE))) {
                log.warn("Calendar change {}: lease ran out after {} issues; another worker goes on", stored.id(), i);
                return Optional.empty();
            }
            String issueId = issues.get(i).id();
            try {
                if (moveWithRetries(issueId, change)) {
                    moved++;
                }
            } catch (RuntimeException e) {
                failed++;
                notMoved(issues.get(i), change, e);
            }
        }
        changes.finish(stored.id(), worker, clock.instant());
        log.info("Calendar changed ({}): due times of {} open issues on the business clock moved, {} could not be moved"
                + " ({} expected when the change was made; change {})", stored.reason(), moved, failed,
                stored.issuesToMove(), stored.id());
        return Optional.of(moved);
    }

    /** The change as stored, with the shift between its calendars built again. */
    PendingCalendarChange pending(StoredChange stored) {
        return new PendingCalendarChange(stored.id(), stored.reason(), stored.changedAt(),
                calendar.shiftBetween(stored.before(), stored.after()));
    }

    private boolean moveWithRetries(String issueId, PendingCalendarChange change) {
        for (int attempt = 1; ; attempt++) {
            try {
                return move.move(issueId, change);
            } catch (OptimisticLockingException timerFiredMeanwhile) {
                if (attempt == ATTEMPTS) {
                    throw timerFiredMeanwhile;
                }
            }
        }
    }

    private void notMoved(IssueDueTimes issue, PendingCalendarChange change, RuntimeException e) {
        log.error("The due times of issue {} could not be moved after the calendar change {}", issue.id(),
                change.reason(), e);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("level", issue.level().name());
        change.reason().forEach((key, value) -> details.put("reason." + key, value));
        details.put("reason.changedAt", change.changedAt().toString());
        details.put("acknowledgeBy", String.valueOf(issue.acknowledgeBy()));
        details.put("resolveBy", String.valueOf(issue.resolveBy()));
        String error = e.getClass().getSimpleName() + ": " + e.getMessage();
        details.put("error", error.length() > 500 ? error.substring(0, 500) : error);
        try {
            ownTransaction.executeWithoutResult(status -> {
                changes.applied(change.id(), issue.id(), Outcome.NOT_MOVED);
                auditTrail.record(AuditAction.SLA_TARGETS_NOT_MOVED, issue.id(), details);
            });
        } catch (RuntimeException auditFailed) {
            log.error("Could not audit that issue {} was not moved", issue.id(), auditFailed);
        }
    }
}
