package jp.tsunagu.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jp.tsunagu.notification.NotificationEvent;
import org.junit.jupiter.api.Test;

/** The mails' words are the pages' words, and a mail is built from routing facts only. */
class MailTemplatesTest {

    private final MailTemplates templates = new MailTemplates(
            new NotificationProperties("https://tsunagu.example/", null, null, null, null), new ObjectMapper());

    private final Map<String, String> facts = Map.of("number", "2026-000123", "severity", "MEDIUM",
            "level", "SECTION", "sectionCode", "shimin-ka", "approved", "false");

    @Test
    void aRejectedRequestIsSentBackAsThePagesSayAndPointsToTheReason() {
        assertThat(templates.headlineJa(NotificationEvent.APPROVAL_DECIDED, facts))
                .contains("申請", "差し戻されました", "課題の画面").doesNotContain("却下", "依頼");
        assertThat(templates.headlineEn(NotificationEvent.APPROVAL_DECIDED, facts))
                .contains("sent back").doesNotContain("rejected");
        assertThat(templates.headlineJa(NotificationEvent.APPROVAL_DECIDED, Map.of("level", "SECTION", "approved", "true")))
                .isEqualTo("エスカレーションの申請が承認されました");
    }

    @Test
    void theBodyCarriesTheRoutingFactsAndTheLinkOnly() {
        String body = templates.body(NotificationEvent.APPROVAL_DECIDED, "i-1", facts);
        assertThat(body).contains("2026-000123", "shimin-ka", "https://tsunagu.example/issues/i-1",
                "このメールには個人情報を記載していません。");
    }
}
