package jp.tsunagu.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Date;

import jp.tsunagu.AbstractIntegrationTest;
import jp.tsunagu.testsupport.DemoPeople;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@AutoConfigureMockMvc
class LoginLockoutTest extends AbstractIntegrationTest {

    static final String USER = "lockout-probe";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void aPersonOfOurOwn() {
        DemoPeople.probe(jdbc, USER);
    }

    @Test
    void fiveFailuresInFifteenMinutesLockTheAccountUntilTheWindowPasses() throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/api/me").with(httpBasic(USER, "wrong"))).andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/me").with(httpBasic(USER, "demo"))).andExpect(status().isUnauthorized());
        assertThat(jdbc.sql("select count(*) from audit_event where actor = ? and action = 'ACCOUNT_LOCKED'")
                .param(USER).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_event where actor = ? and action = 'LOGIN_FAILED'")
                .param(USER).query(Long.class).single()).isGreaterThanOrEqualTo(6);

        ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + 16 * 60 * 1000));
        mvc.perform(get("/api/me").with(httpBasic(USER, "demo"))).andExpect(status().isOk());
    }

    @Test
    void aSuccessfulSignInClearsTheCount() throws Exception {
        for (int i = 0; i < 4; i++) {
            mvc.perform(get("/api/me").with(httpBasic(USER, "wrong"))).andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/me").with(httpBasic(USER, "demo"))).andExpect(status().isOk());
        mvc.perform(get("/api/me").with(httpBasic(USER, "wrong"))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/me").with(httpBasic(USER, "demo"))).andExpect(status().isOk());
    }

    @Test
    void aSuccessfulSignInAlsoClearsFailuresThatHaveLeftTheWindow() throws Exception {
        for (int i = 0; i < 3; i++) {
            mvc.perform(get("/api/me").with(httpBasic(USER, "wrong"))).andExpect(status().isUnauthorized());
        }
        ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + 16 * 60 * 1000));
        mvc.perform(get("/api/me").with(httpBasic(USER, "demo"))).andExpect(status().isOk());
        assertThat(jdbc.sql("select count(*) from login_failure where username = ?").param(USER).query(Long.class)
                .single()).isZero();
    }

    @Test
    void aPasswordAcceptedAMomentAgoDoesNotGetPastTheLock() throws Exception {
        mvc.perform(get("/api/me").with(httpBasic(USER, "demo"))).andExpect(status().isOk());
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/api/me").with(httpBasic(USER, "wrong"))).andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/me").with(httpBasic(USER, "demo"))).andExpect(status().isUnauthorized());
    }
}
