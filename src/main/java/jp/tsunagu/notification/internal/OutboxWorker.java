package jp.tsunagu.notification.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what the outbox holds, at least once: claim due rows (short transaction), send outside any transaction, then
 * mark each row sent or count a failed attempt with exponential backoff. A crash after the send and before the mark
 * sends the row again once its lease has run out; the receiver drops the second copy by its key.
 */
@Component
public class OutboxWorker {

    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);
    private static final int MAX_BATCHES_PER_RUN = 20;

    private final OutboxRepository outbox;
    private final MailDelivery mail;
    private final WebhookDelivery webhooks;
    private final NotificationProperties properties;
    private final Clock clock;
    private final TransactionTemplate transaction;

    OutboxWorker(OutboxRepository outbox, MailDelivery mail, WebhookDelivery webhooks,
            NotificationProperties properties, Clock clock, PlatformTransactionManager transactions) {
        this.outbox = outbox;
        this.mail = mail;
        this.webhooks = webhooks;
        this.properties = properties;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Sends every row that is due now; returns how many rows were sent. */
    public int deliverDue() {
        int sent = 0;
        for (int batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
            List<OutboxMessage> claimed = claim();
            if (claimed.isEmpty()) {
                break;
            }
            sent += deliver(claimed);
        }
        return sent;
    }

    List<OutboxMessage> claim() {
        Instant now = clock.instant();
        String claim = UUID.randomUUID().toString();
        return transaction.execute(status -> outbox.claimDue(now, now.plus(properties.worker().lease()), claim,
                properties.worker().batchSize()));
    }

    int deliver(List<OutboxMessage> claimed) {
        int sent = 0;
        Map<String, List<OutboxMessage>> digests = new LinkedHashMap<>();
        for (OutboxMessage message : claimed) {
            if (message.digest()) {
                digests.computeIfAbsent(message.recipient(), r -> new ArrayList<>()).add(message);
            } else if (attempt(List.of(message), () -> sendOne(message))) {
                sent++;
            }
        }
        for (Map.Entry<String, List<OutboxMessage>> digest : digests.entrySet()) {
            if (attempt(digest.getValue(), () -> mail.sendDigest(digest.getKey(), digest.getValue()))) {
                sent += digest.getValue().size();
            }
        }
        return sent;
    }

    private void sendOne(OutboxMessage message) throws Exception {
        switch (message.channel()) {
            case EMAIL -> mail.send(message);
            case WEBHOOK -> webhooks.send(message);
        }
    }

    private boolean attempt(List<OutboxMessage> messages, Send send) {
        Instant start = clock.instant();
        Instant leaseUntil = start.plus(properties.worker().lease());
        // Renew before sending; a row whose lease ran out is another worker's now, and is not sent twice from here.
        if (!messages.stream().allMatch(m -> outbox.renewClaim(m.id(), m.claim(), start, leaseUntil))) {
            log.info("Lease on notification {} ran out before it was sent; another worker has it",
                    messages.get(0).dedupKey());
            return false;
        }
        try {
            send.run();
        } catch (UndeliverableException undeliverable) {
            for (OutboxMessage message : messages) {
                log.info("Notification {} dropped: {}", message.dedupKey(), undeliverable.getMessage());
                outbox.markDropped(message.id(), message.claim(), undeliverable.getMessage());
            }
            return false;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception failure) {
            Instant now = clock.instant();
            for (OutboxMessage message : messages) {
                log.warn("Notification {} failed (attempt {}): {}", message.dedupKey(), message.attempts() + 1,
                        failure.toString());
                outbox.markAttemptFailed(message.id(), message.claim(), failure.toString(),
                        now.plus(properties.retry().backoffAfter(message.attempts() + 1)),
                        properties.retry().maxAttempts());
            }
            return false;
        }
        Instant now = clock.instant();
        messages.forEach(message -> outbox.markSent(message.id(), message.claim(), now));
        return true;
    }

    @FunctionalInterface
    private interface Send {
        void run() throws Exception;
    }
}
