package jp.tsunagu.notification.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jp.tsunagu.common.Recent;
import org.springframework.stereotype.Component;

/**
 * The outbox as an operator watches it, per channel (EMAIL, WEBHOOK): calls and mails due and not yet sent, and those
 * that ran out of attempts. A due count that stays up means the mail server or a chat tool does not answer. Read from
 * the shared database at scrape time, at most once per {@link #MAX_AGE}; every node reports the same values.
 */
@Component
class OutboxGauges implements MeterBinder {

    static final Duration MAX_AGE = Duration.ofSeconds(5);

    private record Counts(Map<String, Long> due, Map<String, Long> failed) {
    }

    private final OutboxRepository outbox;
    private final Clock clock;
    private final Recent<Counts> counts = new Recent<>(MAX_AGE, this::read);

    OutboxGauges(OutboxRepository outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (OutboxMessage.Channel channel : OutboxMessage.Channel.values()) {
            Gauge.builder("tsunagu.notifications.due", this,
                            gauges -> gauges.counts.get().due().getOrDefault(channel.name(), 0L))
                    .description("Mails and webhook calls due and not yet sent: the outbox worker's backlog")
                    .tag("channel", channel.name()).register(registry);
            Gauge.builder("tsunagu.notifications.failed", this,
                            gauges -> gauges.counts.get().failed().getOrDefault(channel.name(), 0L))
                    .description("Mails and webhook calls that ran out of attempts")
                    .tag("channel", channel.name()).register(registry);
        }
    }

    private Counts read() {
        return new Counts(outbox.dueByChannel(clock.instant()), outbox.failedByChannel());
    }
}
