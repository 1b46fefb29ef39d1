package jp.tsunagu.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import jp.tsunagu.AbstractIntegrationTest;
import jp.tsunagu.testsupport.DemoPeople;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The trail says who tried to sign in, from where, and why it failed, in words an auditor reads. */
@AutoConfigureMockMvc
class SignInAuditTest extends AbstractIntegrationTest {

    static final String USER = "signin-audit-probe";
    static final String ADDRESS = "203.0.113.7";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void aPersonOfOurOwn() {
        DemoPeople.probe(jdbc, USER);
        jdbc.sql("delete from login_failure where username = 'nobody-by-this-name'").update();
    }

    @Test
    void loginsAndFailuresRecordTheRemoteAddressAndAReadableReason() throws Exception {
        long lastSeq = lastSeq();
        mvc.perform(signIn("wrong")).andExpect(redirectedUrl("/login?error"));
        mvc.perform(signIn("demo")).andExpect(redirectedUrl("/tasks"));
        jdbc.sql("update person set enabled = false where username = ?").param(USER).update();
        mvc.perform(get("/api/me").with(httpBasic(USER, "demo")).with(from("198.51.100.2")))
                .andExpect(status().isUnauthorized());

        assertThat(events(lastSeq)).containsExactly(
                "LOGIN_FAILED {\"reason\":\"BAD_CREDENTIALS\",\"remoteAddress\":\"203.0.113.7\"}",
                "LOGIN {\"remoteAddress\":\"203.0.113.7\"}",
                "LOGIN_FAILED {\"reason\":\"DISABLED\",\"remoteAddress\":\"198.51.100.2\"}");
    }

    @Test
    void aLockedAccountsFailureSaysLocked() throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/api/me").with(httpBasic(USER, "wrong"))).andExpect(status().isUnauthorized());
        }
        long lastSeq = lastSeq();
        mvc.perform(get("/api/me").with(httpBasic(USER, "demo")).with(from(ADDRESS)))
                .andExpect(status().isUnauthorized());
        assertThat(events(lastSeq)).containsExactly(
                "LOGIN_FAILED {\"reason\":\"LOCKED\",\"remoteAddress\":\"203.0.113.7\"}");
    }

    /** Locked by name, as an account would be: outside, a guessed name and a real one look the same. */
    @Test
    void aUsernameNobodyHasIsLockedAndAuditedLikeAnAccount() throws Exception {
        long lastSeq = lastSeq();
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/api/me").with(httpBasic("nobody-by-this-name", "guess")).with(from(ADDRESS)))
                    .andExpect(status().isUnauthorized());
        }
        assertThat(events(lastSeq)).last().isEqualTo(
                "ACCOUNT_LOCKED {\"failures\":5,\"remoteAddress\":\"203.0.113.7\",\"window\":\"PT15M\"}");
    }

    private static MockHttpServletRequestBuilder signIn(String password) {
        return post("/login").param("username", USER).param("password", password).with(csrf()).with(from(ADDRESS));
    }

    private List<String> events(long afterSeq) {
        return jdbc.sql("select action || ' ' || details from audit_event where seq > ? and actor in (?, ?) order by seq")
                .params(afterSeq, USER, "nobody-by-this-name").query(String.class).list();
    }

    private long lastSeq() {
        return jdbc.sql("select coalesce(max(seq), 0) from audit_event").query(Long.class).single();
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
