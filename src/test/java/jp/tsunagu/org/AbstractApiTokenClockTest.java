package jp.tsunagu.org;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;

import jp.tsunagu.AbstractIntegrationTest;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * API tokens over time: each test starts at a fixed now, on the engine's clock, which the app's {@code Clock} reads,
 * and moves it with {@link #at}; {@link AbstractIntegrationTest} resets it afterwards.
 */
@AutoConfigureMockMvc
abstract class AbstractApiTokenClockTest extends AbstractIntegrationTest {

    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    Instant now;
    LocalDate today;

    @BeforeEach
    void aFixedNow() {
        now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        today = LocalDate.ofInstant(now, TOKYO);
        at(now);
    }

    long lastAuditSeq() {
        return jdbc.sql("select coalesce(max(seq), 0) from audit_event").query(Long.class).single();
    }

    static void at(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }
}
