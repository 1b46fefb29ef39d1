package jp.tsunagu.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jp.tsunagu.notification.AbstractNotificationIntegrationTest;
import jp.tsunagu.notification.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An operator sees the outbox's backlog and its failures per channel, and the backlog empty once sent. */
class OutboxGaugesTest extends AbstractNotificationIntegrationTest {

    @Autowired
    OutboxRepository outbox;

    @Autowired
    OutboxWorker worker;

    @Autowired
    Clock clock;

    WebhookReceiver receiver;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    /** A fresh binding for each reading, so that no earlier reading is remembered. */
    private double gauge(String name, String channel) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new OutboxGauges(outbox, clock).bindTo(registry);
        return registry.get(name).tag("channel", channel).gauge().value();
    }

    @Test
    void dueMailAndCallsAreCountedUntilSentAndACallThatKeepsFailingIsCountedAsFailed() throws Exception {
        api.as("admin").post("/api/admin/webhooks", """
                {"scope": "SECTION", "scopeCode": "shimin-ka", "url": "%s", "events": ["TASK_ASSIGNED"]}"""
                .formatted(receiver.url("/broken"))).andReturn();
        assertThat(gauge("tsunagu.notifications.due", "EMAIL")).isZero();

        api.as("sato").raise(MEDIUM_ONE_SECTION);

        assertThat(gauge("tsunagu.notifications.due", "EMAIL")).as("the section's people are mailed").isPositive();
        assertThat(gauge("tsunagu.notifications.due", "WEBHOOK")).isEqualTo(1);
        assertThat(gauge("tsunagu.notifications.failed", "WEBHOOK")).isZero();

        for (int attempt = 0; attempt < 10; attempt++) {
            setClock(OPEN_HOURS.plusSeconds(7200L * attempt));
            worker.deliverDue();
        }

        assertThat(gauge("tsunagu.notifications.due", "EMAIL")).isZero();
        assertThat(gauge("tsunagu.notifications.due", "WEBHOOK")).isZero();
        assertThat(gauge("tsunagu.notifications.failed", "WEBHOOK")).isEqualTo(1);
        assertThat(gauge("tsunagu.notifications.failed", "EMAIL")).isZero();
    }
}
