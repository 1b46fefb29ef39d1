package jp.tsunagu.org;

import static jp.tsunagu.testsupport.DemoPeople.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;

import jp.tsunagu.AbstractIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** An administrator's change to a person counts in the browser sessions that person already has open. */
@AutoConfigureMockMvc
class SessionRevalidationTest extends AbstractIntegrationTest {

    static final String PASSWORD = "Kokubunji-2026!";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApiTokens apiTokens;

    @Test
    void aDisabledAuditorIsSignedOutOfTheOpenSessionAtOnceAndThatIsAudited() throws Exception {
        addPerson("kansa-kobayashi", "AUDITOR", "");
        MockHttpSession session = signIn("kansa-kobayashi");
        mvc.perform(get("/audit").session(session)).andExpect(status().isOk());
        long lastSeq = lastSeq();

        mvc.perform(post("/admin/organisation/people/kansa-kobayashi/disable").with(admin()).with(csrf()))
                .andExpect(redirectedUrl("/admin/organisation"));

        mvc.perform(get("/audit/export.csv").session(session)).andExpect(redirectedUrl("/login?ended"));
        assertThat(session.isInvalid()).as("the session has ended").isTrue();
        mvc.perform(get("/login").param("ended", ""))
                .andExpect(content().string(containsString("アカウントの利用が停止されたため、ログアウトしました。")));
        assertThat(jdbc.sql("select details from audit_event where actor = 'kansa-kobayashi' and action = 'LOGOUT'"
                + " and seq > ?").param(lastSeq).query(String.class).list())
                .singleElement().asString().contains("account disabled");
    }

    @Test
    void aRoleChangeTakesEffectInTheOpenSessionBothWays() throws Exception {
        addPerson("kansa-hayashi", "AUDITOR", "");
        MockHttpSession session = signIn("kansa-hayashi");
        mvc.perform(get("/audit").session(session)).andExpect(status().isOk());

        mvc.perform(post("/admin/organisation/placement").with(admin()).with(csrf())
                        .param("username", "kansa-hayashi").param("role", "STAFF").param("sectionCode", "shimin-ka"))
                .andExpect(redirectedUrl("/admin/organisation"));
        mvc.perform(get("/audit").session(session)).andExpect(status().isForbidden());
        mvc.perform(get("/tasks").session(session)).andExpect(status().isOk());

        mvc.perform(post("/admin/organisation/placement").with(admin()).with(csrf())
                        .param("username", "kansa-hayashi").param("role", "AUDITOR"))
                .andExpect(redirectedUrl("/admin/organisation"));
        mvc.perform(get("/audit").session(session)).andExpect(status().isOk());
        assertThat(session.isInvalid()).as("the session carries on with the new role").isFalse();
    }

    @Test
    void theApiChecksTheAccountOnEveryRequest() throws Exception {
        addPerson("api-kimura", "STAFF", "shimin-ka");
        mvc.perform(get("/api/me").with(httpBasic("api-kimura", PASSWORD))).andExpect(status().isOk());
        mvc.perform(post("/admin/organisation/people/api-kimura/disable").with(admin()).with(csrf()))
                .andExpect(redirectedUrl("/admin/organisation"));
        // The password was accepted a moment ago (and is remembered); the disabled account is refused all the same.
        mvc.perform(get("/api/me").with(httpBasic("api-kimura", PASSWORD))).andExpect(status().isUnauthorized());

        addPerson("api-bot-kimura", "SERVICE", "shimin-ka");
        String token = apiTokens.issue("api-bot-kimura", Set.of("shimin-ka"), "OCR", null, "admin").token();
        mvc.perform(get("/api/me").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
        mvc.perform(post("/admin/organisation/people/api-bot-kimura/disable").with(admin()).with(csrf()))
                .andExpect(redirectedUrl("/admin/organisation"));
        mvc.perform(get("/api/me").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
    }

    private void addPerson(String username, String role, String sectionCode) throws Exception {
        mvc.perform(post("/admin/organisation/people").with(admin()).with(csrf())
                        .param("username", username).param("displayName", "小林 誠").param("role", role)
                        .param("sectionCode", sectionCode).param("password", "SERVICE".equals(role) ? "" : PASSWORD))
                .andExpect(redirectedUrl("/admin/organisation"));
    }

    /** Signs in one of this test's auditors, who start at the audit trail. */
    private MockHttpSession signIn(String username) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin().user(username).password(PASSWORD))
                .andExpect(redirectedUrl("/audit"))
                .andReturn().getRequest().getSession(false);
    }

    private long lastSeq() {
        return jdbc.sql("select coalesce(max(seq), 0) from audit_event").query(Long.class).single();
    }
}
