package jp.tsunagu.escalation.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.tsunagu.audit.AuditAction;
import jp.tsunagu.audit.AuditTrail;
import jp.tsunagu.issue.IssueDueTimes;
import jp.tsunagu.issue.IssueLifecycle;
import jp.tsunagu.sla.OpeningDaysChanged;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A change to the city's calendar applies to open issues too: each issue on the business clock whose due times the
 * change touches has them counted again (CRITICAL's continuous clock never moves). One read finds those issues; each
 * moves in a transaction of its own, so that one that cannot be moved (logged and audited as
 * {@code SLA_TARGETS_NOT_MOVED}) never undoes the administrator's change or the other issues' moves.
 */
@Component
class OpenIssuesOnCalendarChange {

    private static final Logger log = LoggerFactory.getLogger(OpenIssuesOnCalendarChange.class);

    /** A timer job that fires at the same moment wins; the move is then tried again on what it left. */
    private static final int ATTEMPTS = 3;

    private final IssueLifecycle lifecycle;
    private final CalendarChangeMove move;
    private final AuditTrail auditTrail;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    OpenIssuesOnCalendarChange(IssueLifecycle lifecycle, CalendarChangeMove move, AuditTrail auditTrail,
            PlatformTransactionManager transactions, Clock clock) {
        this.lifecycle = lifecycle;
        this.move = move;
        this.auditTrail = auditTrail;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    @EventListener
    void on(OpeningDaysChanged change) {
        Instant now = clock.instant();
        List<IssueDueTimes> open = lifecycle.openOnBusinessClock();
        int moved = 0;
        int failed = 0;
        for (IssueDueTimes issue : open) {
            try {
                if (CalendarChangeMove.touches(issue, change.shift(), now) && moveWithRetries(issue, change, now)) {
                    moved++;
                }
            } catch (RuntimeException e) {
                failed++;
                notMoved(issue, change, e);
            }
        }
        log.info("Calendar changed ({}): due times of {} of {} open issues on the business clock moved, {} could not"
                + " be moved", change.reason(), moved, open.size(), failed);
    }

    private boolean moveWithRetries(IssueDueTimes issue, OpeningDaysChanged change, Instant now) {
        for (int attempt = 1; ; attempt++) {
            try {
                return move.move(issue, change, now);
            } catch (OptimisticLockingException timerFiredMeanwhile) {
                if (attempt == ATTEMPTS) {
                    throw timerFiredMeanwhile;
                }
            }
        }
    }

    private void notMoved(IssueDueTimes issue, OpeningDaysChanged change, RuntimeException e) {
        log.error("The due times of issue {} could not be moved after the calendar change {}", issue.id(),
                change.reason(), e);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("level", issue.level().name());
        change.reason().forEach((key, value) -> details.put("reason." + key, value));
        details.put("acknowledgeBy", String.valueOf(issue.acknowledgeBy()));
        details.put("resolveBy", String.valueOf(issue.resolveBy()));
        String error = e.getClass().getSimpleName() + ": " + e.getMessage();
        details.put("error", error.length() > 500 ? error.substring(0, 500) : error);
        try {
            ownTransaction.executeWithoutResult(status ->
                    auditTrail.record(AuditAction.SLA_TARGETS_NOT_MOVED, issue.id(), details));
        } catch (RuntimeException auditFailed) {
            log.error("Could not audit that issue {} was not moved", issue.id(), auditFailed);
        }
    }
}
