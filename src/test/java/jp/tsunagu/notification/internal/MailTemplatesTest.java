package jp.tsunagu.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jp.tsunagu.notification.NotificationEvent;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The mails' words are the pages' words, and a mail is built from routing facts only. */
class MailTemplatesTest {

    private final MailTemplates templates = new MailTemplates(
            new NotificationProperties("https://tsunagu.example/", null, null, null, null), new ObjectMapper(),
            bundles());

    private final Map<String, String> facts = Map.of("number", "2026-000123", "severity", "MEDIUM",
            "level", "SECTION", "sectionCode", "shimin-ka", "approved", "false");

    @Test
    void aRejectedRequestIsSentBackAsThePagesSayAndPointsToTheReason() {
        assertThat(templates.headlineJa(NotificationEvent.APPROVAL_DECIDED, facts))
                .contains("申請", "差し戻されました", "課題の画面").doesNotContain("却下", "依頼");
        assertThat(templates.headlineEn(NotificationEvent.APPROVAL_DECIDED, facts))
                .contains("sent back").doesNotContain("rejected");
        assertThat(templates.headlineJa(NotificationEvent.ISSUE_SHARED, Map.of("level", "DEPARTMENT")))
                .isEqualTo("課題が共有されました（部内共有）");
        assertThat(templates.headlineEn(NotificationEvent.SLA_BREACHED, Map.of("level", "SECTION", "escalated", "true")))
                .isEqualTo("The acknowledge target was missed; escalated to the next level automatically");
        assertThat(templates.headlineJa(NotificationEvent.APPROVAL_DECIDED, Map.of("level", "SECTION", "approved", "true")))
                .isEqualTo("エスカレーションの申請が承認されました");
    }

    @Test
    void theBodyCarriesTheRoutingFactsAndTheLinkOnly() {
        String body = templates.body(NotificationEvent.APPROVAL_DECIDED, "i-1", facts);
        assertThat(body).contains("課題番号: 2026-000123　重要度: MEDIUM　所管課: shimin-ka",
                "Issue 2026-000123, severity MEDIUM, owning section shimin-ka.", "https://tsunagu.example/issues/i-1",
                "このメールには個人情報を記載していません。", "this mail carries no personal details");
        assertThat(body.indexOf("課題番号")).as("Japanese first").isLessThan(body.indexOf("Issue 2026"));
    }

    /** The application's bundles as WebPageConfiguration sets them up: Japanese by default, never the server's locale. */
    private static ResourceBundleMessageSource bundles() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
