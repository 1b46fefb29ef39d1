package jp.tsunagu.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import jp.tsunagu.notification.AbstractNotificationIntegrationTest;
import jp.tsunagu.sla.SlaPolicyTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Mail about an issue on the continuous clock goes at night too: its timers fire at night. Which severity that is, is
 * the administrator's choice (管理 → SLA方針), not always CRITICAL.
 */
class UrgentMailTest extends AbstractNotificationIntegrationTest {

    /** Wednesday 10 June 2026, 22:00 in Tokyo: the city hall is closed. */
    private static final Instant NIGHT = Instant.parse("2026-06-10T13:00:00Z");

    @Autowired
    SlaPolicyTable policies;

    @AfterEach
    void restoreThePolicy() {
        policies.restoreDefault("HIGH");
    }

    @Test
    void aSeverityOnTheContinuousClockIsMailedAtNight() throws Exception {
        policies.change("HIGH", "continuous", "PT1H", "PT8H", "admin");
        setClock(NIGHT);

        String id = api.as("sato").raise(MEDIUM_ONE_SECTION.replace("\"MEDIUM\"", "\"HIGH\""));

        assertThat(mails(id)).isNotEmpty().allSatisfy(mail -> {
            assertThat(mail.urgent()).isTrue();
            assertThat(mail.notBefore()).isEqualTo(NIGHT);
        });
    }

    @Test
    void aSeverityOnTheBusinessClockWaitsForTheMorning() throws Exception {
        setClock(NIGHT);

        String id = api.as("sato").raise(MEDIUM_ONE_SECTION);

        assertThat(mails(id)).isNotEmpty().allSatisfy(mail -> {
            assertThat(mail.urgent()).isFalse();
            assertThat(mail.notBefore()).isEqualTo(Instant.parse("2026-06-10T23:30:00Z"));
        });
    }

    private List<Mail> mails(String issueId) {
        return jdbc.sql("select urgent, next_attempt_at from notification_outbox where issue_id = ? and channel = 'EMAIL'")
                .param(issueId)
                .query((rs, i) -> new Mail(rs.getBoolean("urgent"), rs.getTimestamp("next_attempt_at").toInstant())).list();
    }

    private record Mail(boolean urgent, Instant notBefore) {
    }
}
