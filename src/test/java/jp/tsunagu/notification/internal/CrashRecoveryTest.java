package jp.tsunagu.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.mail.internet.MimeMessage;
import jp.tsunagu.notification.AbstractNotificationIntegrationTest;
import jp.tsunagu.notification.NotificationEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A crash between the commit and the send: the worker claims the committed rows, the SMTP server accepts the first
 * mail, and the worker dies before it marks anything. A restarted worker takes the rows over once the lease has run
 * out; at the receiver each key arrives with one Message-ID, so de-duplication leaves one mail per notification.
 */
class CrashRecoveryTest extends AbstractNotificationIntegrationTest {

    @Autowired
    OutboxWorker worker;

    @Autowired
    MailDelivery mail;

    @Autowired
    OutboxRepository outbox;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void everyNotificationReachesItsReceiverOnceAfterACrash() throws Exception {
        api.as("sato").raise(MEDIUM_ONE_SECTION);
        List<String> keys = jdbc.sql("select dedup_key from notification_outbox where channel = 'EMAIL' order by id")
                .query(String.class).list();
        assertThat(keys).hasSize(2);

        List<OutboxMessage> claimed = worker.claim();
        mail.send(claimed.get(0));
        // Crash: the first mail was accepted, nothing was marked, the second was never tried.

        worker.deliverDue();
        assertThat(MAIL.getReceivedMessages()).as("the lease of the dead worker still holds").hasSize(1);

        setClock(OPEN_HOURS.plus(Duration.ofMinutes(6)));
        assertThat(worker.deliverDue()).isEqualTo(2);
        assertThat(worker.deliverDue()).isZero();

        MimeMessage[] received = MAIL.getReceivedMessages();
        assertThat(received).hasSize(3);
        Map<String, List<MimeMessage>> byKey = Arrays.stream(received)
                .collect(Collectors.groupingBy(m -> header(m, MailDelivery.DEDUP_KEY_HEADER)));
        assertThat(byKey.keySet()).containsExactlyInAnyOrderElementsOf(keys);
        assertThat(byKey.get(keys.get(0))).hasSize(2)
                .extracting(m -> header(m, "Message-ID")).containsOnly(header(byKey.get(keys.get(0)).get(0), "Message-ID"));
        assertThat(byKey.get(keys.get(1))).hasSize(1);
        assertThat(jdbc.sql("select count(*) from notification_outbox where status = 'SENT'").query(Long.class).single())
                .isEqualTo(2);
    }

    @Test
    void aWorkerWhoseLeaseRanOutDoesNotSendWhatAnotherWorkerTookOver() throws Exception {
        api.as("sato").raise(MEDIUM_ONE_SECTION);
        List<OutboxMessage> slow = worker.claim();
        assertThat(slow).hasSize(2);
        // The first worker stalls past its lease (slow endpoints before these rows); a second worker takes them over.
        setClock(OPEN_HOURS.plus(Duration.ofMinutes(6)));
        List<OutboxMessage> other = worker.claim();
        assertThat(other).hasSize(2);

        assertThat(worker.deliver(slow)).as("the stalled worker has lost its rows").isZero();
        assertThat(MAIL.getReceivedMessages()).isEmpty();
        assertThat(worker.deliver(other)).isEqualTo(2);
        assertThat(MAIL.getReceivedMessages()).hasSize(2);
        assertThat(worker.deliver(slow)).isZero();
        assertThat(MAIL.getReceivedMessages()).as("each notification once").hasSize(2);
    }

    @Test
    void aDigestReadersRowsAreClaimedTogetherBeyondTheBatchLimit() {
        Instant now = OPEN_HOURS;
        for (int i = 0; i < 3; i++) {
            outbox.insert(new NewOutboxMessage("k-" + i, OutboxMessage.Channel.EMAIL, NotificationEvent.ISSUE_SHARED,
                    "issue-" + i, "kimura", false, true, "{}", now), now);
        }
        List<OutboxMessage> claimed = new TransactionTemplate(transactions)
                .execute(status -> outbox.claimDue(now, now.plusSeconds(300), "claim-1", 1));
        assertThat(claimed).as("one digest mail, not three").hasSize(3).allMatch(m -> "claim-1".equals(m.claim()));
    }

    @Test
    void aFailedSendIsRetriedWithExponentialBackoff() throws Exception {
        MAIL.stop();
        try {
            api.as("sato").raise(MEDIUM_ONE_SECTION);
            worker.deliverDue();
            assertThat(attempts()).containsOnly(1);
            setClock(OPEN_HOURS.plusSeconds(31));
            worker.deliverDue();
            assertThat(attempts()).containsOnly(2);
            setClock(OPEN_HOURS.plusSeconds(31 + 59));
            worker.deliverDue();
            assertThat(attempts()).as("the second backoff is 60 s").containsOnly(2);
        } finally {
            MAIL.start();
        }
        setClock(OPEN_HOURS.plusSeconds(31 + 61));
        worker.deliverDue();
        assertThat(MAIL.getReceivedMessages()).hasSize(2);
    }

    private List<Integer> attempts() {
        return jdbc.sql("select attempts from notification_outbox where channel = 'EMAIL'").query(Integer.class).list();
    }
}
