package jp.tsunagu.operations.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jp.tsunagu.escalation.IssueAcknowledged;
import jp.tsunagu.escalation.SlaBreached;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Breaches and time to acknowledge, counted after commit: a timer job that loses a race and rolls back, or is
 * retried on another node, counts once.
 */
@Component
class EscalationMeters {

    private final MeterRegistry registry;

    EscalationMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(SlaBreached breached) {
        Counter.builder("tsunagu.sla.breaches")
                .description("Missed SLA targets; escalated=true when the breach moved the issue up a level")
                .tag("target", breached.target().name())
                .tag("level", breached.level().name())
                .tag("escalated", Boolean.toString(breached.escalated()))
                .register(registry)
                .increment();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(IssueAcknowledged acknowledged) {
        Timer.builder("tsunagu.acknowledge.time")
                .description("From the acknowledge task's creation at a level to its acknowledgement (wall time)")
                .tag("level", acknowledged.level().name())
                .publishPercentileHistogram()
                .register(registry)
                .record(acknowledged.waited());
    }
}
