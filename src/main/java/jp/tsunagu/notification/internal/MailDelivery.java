package jp.tsunagu.notification.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jp.tsunagu.common.Sha256;
import jp.tsunagu.org.Organisation;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends one outbox mail, to the person's own address where one is recorded, else to {@code username@} the city's
 * recipient domain. The notification key travels as {@code X-Tsunagu-Dedup-Key} and, hashed, as the
 * {@code Message-ID}, so a mail sent twice after a crash is the same message to the receiving system.
 */
@Component
class MailDelivery {

    static final String DEDUP_KEY_HEADER = "X-Tsunagu-Dedup-Key";

    private final ObjectProvider<JavaMailSender> sender;
    private final MailTemplates templates;
    private final NotificationProperties properties;
    private final Organisation organisation;

    MailDelivery(ObjectProvider<JavaMailSender> sender, MailTemplates templates, NotificationProperties properties,
            Organisation organisation) {
        this.sender = sender;
        this.templates = templates;
        this.properties = properties;
        this.organisation = organisation;
    }

    void send(OutboxMessage message) throws MessagingException {
        Map<String, String> facts = templates.facts(message.payload());
        send(message.recipient(), message.dedupKey(), templates.subject(message.event(), facts),
                templates.body(message.event(), message.issueId(), facts));
    }

    /**
     * One mail for a person's digest rows. Its key stands for exactly the rows it covers, so that the same digest sent
     * again after a crash carries the same key, and a digest that also covers a further row never passes for a copy.
     */
    void sendDigest(String username, List<OutboxMessage> messages) throws MessagingException {
        send(username, digestKey(username, messages), templates.digestSubject(messages.size()),
                templates.digestBody(messages));
    }

    static String digestKey(String username, List<OutboxMessage> messages) {
        String rows = messages.stream().map(OutboxMessage::id).sorted().map(String::valueOf)
                .collect(Collectors.joining(","));
        // The first 12 bytes of the digest, as hex.
        return "DIGEST:" + username + ":" + messages.size() + ":" + Sha256.hex(rows).substring(0, 24);
    }

    private void send(String username, String key, String subject, String text) throws MessagingException {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) {
            throw new MessagingException("no mail sender is configured (spring.mail.host)");
        }
        Session session = mail instanceof JavaMailSenderImpl impl ? impl.getSession()
                : Session.getInstance(new Properties());
        MimeMessage message = new KeyedMimeMessage(session, "<" + sha256(key) + "@tsunagu>");
        MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
        helper.setFrom(properties.mail().from());
        helper.setTo(organisation.mailAddressOf(username)
                .orElse(username + "@" + properties.mail().recipientDomain()));
        helper.setSubject(subject);
        helper.setText(text);
        message.setHeader(DEDUP_KEY_HEADER, key);
        mail.send(message);
    }

    private static String sha256(String text) {
        return Sha256.hex(text).substring(0, 40);
    }

    /** Keeps the Message-ID we give it instead of generating a new one on every save. */
    private static final class KeyedMimeMessage extends MimeMessage {

        private final String messageId;

        KeyedMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
