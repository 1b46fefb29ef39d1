package jp.tsunagu.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import jp.tsunagu.notification.NotificationEvent;
import org.junit.jupiter.api.Test;

/** A digest's de-duplication key stands for exactly the rows it covers. */
class DigestKeyTest {

    @Test
    void theSameRowsGiveTheSameKeyInAnyOrder() {
        assertThat(MailDelivery.digestKey("kimura", rows(5, 7, 9)))
                .isEqualTo(MailDelivery.digestKey("kimura", rows(9, 5, 7)))
                .startsWith("DIGEST:kimura:3:");
    }

    @Test
    void aDigestWithAFurtherRowBetweenTheSameFirstAndLastIsNotACopy() {
        assertThat(MailDelivery.digestKey("kimura", rows(5, 7, 9)))
                .isNotEqualTo(MailDelivery.digestKey("kimura", rows(5, 9)))
                .isNotEqualTo(MailDelivery.digestKey("kimura", rows(5, 8, 9)));
        assertThat(MailDelivery.digestKey("kimura", rows(5, 9))).isNotEqualTo(MailDelivery.digestKey("sato", rows(5, 9)));
    }

    private static List<OutboxMessage> rows(long... ids) {
        return java.util.Arrays.stream(ids).mapToObj(id -> new OutboxMessage(id, "ISSUE_SHARED:i:SECTION:user:kimura#" + id,
                OutboxMessage.Channel.EMAIL, NotificationEvent.ISSUE_SHARED, "i-" + id, "kimura", false, true, "{}", 0,
                Instant.parse("2026-11-24T00:00:00Z"), "claim")).toList();
    }
}
