package jp.tsunagu.audit.internal;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jp.tsunagu.audit.AuditAction;
import jp.tsunagu.audit.AuditTrail;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Collects a transaction's events and appends them in {@code beforeCommit}: the chain head is locked only for the
 * moment of the append, not for the whole business transaction, and a rollback discards the events with the change.
 */
@Service
class ChainedAuditTrail implements AuditTrail {

    private final Object bufferKey = new Object();
    private final AuditEventRepository repository;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    ChainedAuditTrail(AuditEventRepository repository, Clock clock, PlatformTransactionManager transactions) {
        this.repository = repository;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public void record(AuditAction action, String issueId, Map<String, ?> details) {
        record(currentActor(), action, issueId, details);
    }

    @Override
    public void record(String actor, AuditAction action, String issueId, Map<String, ?> details) {
        PendingEvent event = pending(actor, action, issueId, details);
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.isActualTransactionActive()) {
            buffer().add(event);
        } else {
            ownTransaction.executeWithoutResult(status -> buffer().add(event));
        }
    }

    @Override
    public void recordIndependently(String actor, AuditAction action, String issueId, Map<String, ?> details) {
        PendingEvent event = pending(actor, action, issueId, details);
        ownTransaction.executeWithoutResult(status -> buffer().add(event));
    }

    /** The signed-in person, or {@code system} when the engine's job executor acts on its own. */
    static String currentActor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
            return SYSTEM_ACTOR;
        }
        return auth.getName();
    }

    private PendingEvent pending(String actor, AuditAction action, String issueId, Map<String, ?> details) {
        String safeActor = actor.length() > 64 ? actor.substring(0, 64) : actor;
        return new PendingEvent(clock.instant().truncatedTo(ChronoUnit.MILLIS), safeActor, action.name(), issueId,
                CanonicalJson.of(details));
    }

    @SuppressWarnings("unchecked")
    private List<PendingEvent> buffer() {
        List<PendingEvent> events = (List<PendingEvent>) TransactionSynchronizationManager.getResource(bufferKey);
        if (events == null) {
            List<PendingEvent> fresh = new ArrayList<>();
            TransactionSynchronizationManager.bindResource(bufferKey, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    if (!fresh.isEmpty()) {
                        repository.append(fresh);
                    }
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(bufferKey);
                }
            });
            events = fresh;
        }
        return events;
    }
}
