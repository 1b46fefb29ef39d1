package jp.tsunagu.notification;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import jp.tsunagu.AbstractIntegrationTest;
import jp.tsunagu.testsupport.Api;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The whole application with mail switched on and pointed at an in-memory SMTP server (GreenMail) on a free port.
 * Every notification test shares this one context; each starts from empty notification tables.
 */
@AutoConfigureMockMvc
public abstract class AbstractNotificationIntegrationTest extends AbstractIntegrationTest {

    /** Wednesday 10 June 2026, 10:00 in Tokyo: the city hall is open. */
    protected static final Instant OPEN_HOURS = Instant.parse("2026-06-10T01:00:00Z");

    protected static final String MEDIUM_ONE_SECTION = """
            {"title": "窓口の待ち時間が長い", "description": "午前中の待ち時間が90分を超えた。",
             "category": "CITIZEN_SERVICE", "severity": "MEDIUM", "sectionCode": "shimin-ka",
             "relatedSections": [], "personalInfo": false}""";

    static final int SMTP_PORT = freePort();

    @RegisterExtension
    protected static final GreenMailExtension MAIL = new GreenMailExtension(
            new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("tsunagu.notification.mail.enabled", () -> "true");
        registry.add("tsunagu.notification.base-url", () -> "https://tsunagu.city.example.lg.jp");
    }

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected JdbcClient jdbc;

    protected Api api;

    @BeforeEach
    void startFromEmptyNotificationTables() {
        api = new Api(mvc);
        for (String table : List.of("notification_outbox", "notification_inbox", "notification_preference",
                "webhook_endpoint", "issue_import")) {
            jdbc.sql("delete from " + table).update();
        }
        setClock(OPEN_HOURS);
    }

    protected static void setClock(Instant now) {
        ClockUtil.setCurrentTime(Date.from(now));
    }

    protected static List<MimeMessage> mailsTo(String username) {
        return Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().startsWith(username + "@"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    protected static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected static String text(MimeMessage message) {
        try {
            return subject(message) + "\n" + message.getContent();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected static String header(MimeMessage message, String name) {
        try {
            return message.getHeader(name, null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
