package jp.tsunagu.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;

import jp.tsunagu.notification.AbstractNotificationIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/** Quiet hours and the daily digest, on a driven clock. */
class QuietHoursTest extends AbstractNotificationIntegrationTest {

    /** Wednesday 10 June 2026, 20:00 in Tokyo: closed. */
    static final Instant WEDNESDAY_EVENING = Instant.parse("2026-06-10T11:00:00Z");
    /** Thursday 11 June 2026, 08:30 in Tokyo: the next opening. */
    static final Instant THURSDAY_OPENING = Instant.parse("2026-06-10T23:30:00Z");

    @Autowired
    OutboxWorker worker;

    @Test
    void nonUrgentMailRaisedAfterHoursWaitsForTheNextOpening() throws Exception {
        setClock(WEDNESDAY_EVENING);
        api.as("sato").raise(MEDIUM_ONE_SECTION);
        worker.deliverDue();
        assertThat(MAIL.getReceivedMessages()).isEmpty();
        assertThat(api.as("sato").get("/api/notifications").andReturn().getResponse().getContentAsString())
                .as("in-app notifications are not held back").contains("TASK_ASSIGNED");

        setClock(THURSDAY_OPENING.minusSeconds(60));
        worker.deliverDue();
        assertThat(MAIL.getReceivedMessages()).isEmpty();

        setClock(THURSDAY_OPENING);
        worker.deliverDue();
        assertThat(mailsTo("sato")).hasSize(1);
        assertThat(mailsTo("suzuki")).hasSize(1);
    }

    @Test
    void criticalMailGoesAtOnceEvenAtNight() throws Exception {
        setClock(WEDNESDAY_EVENING);
        api.as("sato").raise("""
                {"title": "庁舎の停電", "description": "窓口が停止している。", "category": "SAFETY",
                 "severity": "CRITICAL", "sectionCode": "shimin-ka", "relatedSections": [], "personalInfo": false}""");
        worker.deliverDue();
        assertThat(mailsTo("ito")).isNotEmpty();
    }

    @Test
    void aDigestReaderGetsOneMailAtTheNextDaysOpening() throws Exception {
        mvc.perform(put("/api/me/notification-preference").with(httpBasic("suzuki", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"mode\": \"DAILY_DIGEST\"}"))
                .andExpect(status().isOk());
        api.as("suzuki").get("/api/me/notification-preference").andExpect(jsonPath("$.mode").value("DAILY_DIGEST"));

        api.as("sato").raise(MEDIUM_ONE_SECTION);
        api.as("sato").raise(MEDIUM_ONE_SECTION.replace("待ち時間", "案内表示"));
        worker.deliverDue();
        assertThat(mailsTo("sato")).hasSize(2);
        assertThat(mailsTo("suzuki")).isEmpty();

        setClock(THURSDAY_OPENING);
        worker.deliverDue();
        assertThat(mailsTo("suzuki")).singleElement()
                .satisfies(mail -> assertThat(subject(mail)).contains("お知らせのまとめ（2件）"));
    }
}
