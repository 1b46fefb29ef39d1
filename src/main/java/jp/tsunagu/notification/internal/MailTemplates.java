package jp.tsunagu.notification.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.tsunagu.notification.NotificationEvent;
import org.springframework.stereotype.Component;

/**
 * The texts of mails and in-app notifications: Japanese first, English below, and a link to the issue page. They
 * are built from the payload alone (number, severity, level, section), so they cannot carry personal details.
 */
@Component
public class MailTemplates {

    private static final ZoneId CITY_ZONE = ZoneId.of("Asia/Tokyo");
    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final Map<String, String> LEVELS_JA = Map.of("SECTION", "所管課", "DEPARTMENT", "部内",
            "CITY", "庁内");

    private final NotificationProperties properties;
    private final ObjectMapper json;

    MailTemplates(NotificationProperties properties, ObjectMapper json) {
        this.properties = properties;
        this.json = json;
    }

    public Map<String, String> facts(String payload) {
        try {
            return json.readValue(payload, new TypeReference<Map<String, String>>() { });
        } catch (Exception unreadable) {
            throw new IllegalStateException("unreadable notification payload", unreadable);
        }
    }

    public String link(String issueId) {
        return properties.baseUrl().replaceAll("/+$", "") + "/issues/" + issueId;
    }

    /** One line, Japanese. */
    public String headlineJa(NotificationEvent event, Map<String, String> facts) {
        String level = LEVELS_JA.getOrDefault(facts.get("level"), "");
        return switch (event) {
            case TASK_ASSIGNED -> "新しい受付タスクがあります（" + level + "）";
            case SLA_REMINDER -> "受付期限までの時間が半分を過ぎました（" + level + "）";
            case SLA_BREACHED -> ("RESOLVE".equals(facts.get("target")) ? "対応期限を超過しました" : "受付期限を超過しました")
                    + ("true".equals(facts.get("escalated")) ? "。次のレベルへ自動的にエスカレーションしました" : "");
            case ISSUE_SHARED -> "課題が共有されました（" + level + "共有）";
            case APPROVAL_REQUESTED -> "エスカレーションの承認依頼があります";
            case APPROVAL_DECIDED -> "true".equals(facts.get("approved"))
                    ? "エスカレーションの申請が承認されました" : "エスカレーションの申請が差し戻されました（理由は課題の画面でご確認ください）";
            case ISSUE_RESOLVED -> "あなたが登録した課題が解決しました";
        };
    }

    /** One line, English. */
    public String headlineEn(NotificationEvent event, Map<String, String> facts) {
        String level = facts.getOrDefault("level", "").toLowerCase();
        return switch (event) {
            case TASK_ASSIGNED -> "New task to acknowledge at " + level + " level";
            case SLA_REMINDER -> "Half of the time to acknowledge has passed (" + level + " level)";
            case SLA_BREACHED -> ("RESOLVE".equals(facts.get("target")) ? "The resolve target was missed"
                    : "The acknowledge target was missed")
                    + ("true".equals(facts.get("escalated")) ? "; escalated to the next level automatically" : "");
            case ISSUE_SHARED -> "An issue has been shared with you (" + level + " level)";
            case APPROVAL_REQUESTED -> "Your approval of an escalation is requested";
            case APPROVAL_DECIDED -> "true".equals(facts.get("approved"))
                    ? "Your escalation request was approved"
                    : "Your escalation request was sent back (the reason is on the issue's page)";
            case ISSUE_RESOLVED -> "An issue you raised has been resolved";
        };
    }

    public String subject(NotificationEvent event, Map<String, String> facts) {
        return "【Tsunagu】" + headlineJa(event, facts) + " " + facts.get("number") + " / " + headlineEn(event, facts);
    }

    public String body(NotificationEvent event, String issueId, Map<String, String> facts) {
        String due = facts.containsKey("due")
                ? DUE.format(Instant.parse(facts.get("due")).atZone(CITY_ZONE)) : null;
        return headlineJa(event, facts) + "\n"
                + "課題番号: " + facts.get("number") + "　重要度: " + facts.get("severity") + "　所管課: "
                + facts.get("sectionCode") + "\n"
                + (due == null ? "" : "期限: " + due + "\n")
                + "内容はTsunaguでご確認ください。このメールには個人情報を記載していません。\n"
                + link(issueId) + "\n\n"
                + "--\n"
                + headlineEn(event, facts) + "\n"
                + "Issue " + facts.get("number") + ", severity " + facts.get("severity") + ", owning section "
                + facts.get("sectionCode") + (due == null ? "" : ", due " + due + " (JST)") + ".\n"
                + "Please read it in Tsunagu; this mail carries no personal details.\n"
                + link(issueId) + "\n";
    }

    public String digestSubject(int count) {
        return "【Tsunagu】お知らせのまとめ（" + count + "件） / Daily digest (" + count + ")";
    }

    public String digestBody(List<OutboxMessage> messages) {
        StringBuilder body = new StringBuilder("前日からのお知らせです。 / Notifications since yesterday.\n\n");
        for (OutboxMessage message : messages) {
            Map<String, String> facts = facts(message.payload());
            body.append("・").append(facts.get("number")).append(" ").append(headlineJa(message.event(), facts))
                    .append(" / ").append(headlineEn(message.event(), facts)).append("\n  ")
                    .append(link(message.issueId())).append("\n");
        }
        return body.append("\nこのメールには個人情報を記載していません。 / This mail carries no personal details.\n")
                .toString();
    }
}
