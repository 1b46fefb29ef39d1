package jp.tsunagu.notification.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.tsunagu.notification.NotificationEvent;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The texts of mails, webhooks and in-app notifications, from the message bundles ({@code mail.*}): Japanese first,
 * English below, and a link to the issue page. They are built from the payload alone (number, severity, level,
 * section), so they cannot carry personal details.
 */
@Component
public class MailTemplates {

    private static final ZoneId CITY_ZONE = ZoneId.of("Asia/Tokyo");
    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final NotificationProperties properties;
    private final ObjectMapper json;
    private final MessageSource messages;

    MailTemplates(NotificationProperties properties, ObjectMapper json, MessageSource messages) {
        this.properties = properties;
        this.json = json;
        this.messages = messages;
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
        return headline(event, facts, Locale.JAPANESE);
    }

    /** One line, English. */
    public String headlineEn(NotificationEvent event, Map<String, String> facts) {
        return headline(event, facts, Locale.ENGLISH);
    }

    private String headline(NotificationEvent event, Map<String, String> facts, Locale locale) {
        String level = text("mail.level." + facts.getOrDefault("level", "NONE"), locale);
        return switch (event) {
            case SLA_BREACHED -> text("mail.headline.SLA_BREACHED." + ("RESOLVE".equals(facts.get("target"))
                    ? "RESOLVE" : "ACKNOWLEDGE"), locale)
                    + ("true".equals(facts.get("escalated")) ? text("mail.headline.SLA_BREACHED.escalated", locale) : "");
            case APPROVAL_DECIDED -> text("mail.headline.APPROVAL_DECIDED." + "true".equals(facts.get("approved")),
                    locale);
            default -> text("mail.headline." + event.name(), locale, level);
        };
    }

    public String subject(NotificationEvent event, Map<String, String> facts) {
        return "【Tsunagu】" + headlineJa(event, facts) + " " + facts.get("number") + " / " + headlineEn(event, facts);
    }

    /** Japanese first, English below; routing facts and the link only, never free text. */
    public String body(NotificationEvent event, String issueId, Map<String, String> facts) {
        String due = facts.containsKey("due")
                ? DUE.format(Instant.parse(facts.get("due")).atZone(CITY_ZONE)) : null;
        return bodyIn(Locale.JAPANESE, event, issueId, facts, due) + "\n--\n" + bodyIn(Locale.ENGLISH, event, issueId, facts, due);
    }

    private String bodyIn(Locale locale, NotificationEvent event, String issueId, Map<String, String> facts, String due) {
        return headline(event, facts, locale) + "\n"
                + text("mail.body.facts", locale, facts.get("number"), facts.get("severity"), facts.get("sectionCode"))
                + "\n"
                + (due == null ? "" : text("mail.body.due", locale, due) + "\n")
                + text("mail.body.readInTsunagu", locale) + "\n"
                + link(issueId) + "\n";
    }

    public String digestSubject(int count) {
        return "【Tsunagu】" + text("mail.digest.subject", Locale.JAPANESE, count) + " / "
                + text("mail.digest.subject", Locale.ENGLISH, count);
    }

    public String digestBody(List<OutboxMessage> messages) {
        StringBuilder body = new StringBuilder(text("mail.digest.intro", Locale.JAPANESE)).append(" / ")
                .append(text("mail.digest.intro", Locale.ENGLISH)).append("\n\n");
        for (OutboxMessage message : messages) {
            Map<String, String> facts = facts(message.payload());
            body.append("・").append(facts.get("number")).append(" ").append(headlineJa(message.event(), facts))
                    .append(" / ").append(headlineEn(message.event(), facts)).append("\n  ")
                    .append(link(message.issueId())).append("\n");
        }
        return body.append("\n").append(text("mail.noPersonalDetails", Locale.JAPANESE)).append(" / ")
                .append(text("mail.noPersonalDetails", Locale.ENGLISH)).append("\n").toString();
    }

    private String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
