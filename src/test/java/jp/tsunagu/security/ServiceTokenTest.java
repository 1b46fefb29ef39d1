package jp.tsunagu.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import jp.tsunagu.AbstractIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** A bot signs in with an API token, raises issues only for its token's sections, and is shut out once revoked. */
@AutoConfigureMockMvc
class ServiceTokenTest extends AbstractIntegrationTest {

    static final String RAISE = """
            {"title": "AI-OCR 読取結果", "description": "申請書の記載不備", "category": "CITIZEN_SERVICE", "severity": "LOW",
             "sectionCode": "%s", "relatedSections": [], "personalInfo": false}""";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aTokenIsScopedToItsSectionsHashedAtRestAndRevocable() throws Exception {
        String answer = mvc.perform(post("/api/admin/api-tokens").with(httpBasic("admin", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\": \"rpa-bot\", \"sections\": [\"shimin-ka\", \"keizai\"], \"label\": \"AI-OCR\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String token = JsonPath.read(answer, "$.token");
        String tokenId = JsonPath.read(answer, "$.id");

        String issue = mvc.perform(post("/api/issues").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content(RAISE.formatted("keizai")))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        mvc.perform(get(issue).header("Authorization", "Bearer " + token)).andExpect(status().isOk());
        mvc.perform(post("/api/issues").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content(RAISE.formatted("fukushi-somu")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/me").header("Authorization", "Bearer tsu_not-a-token")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/me").with(httpBasic("rpa-bot", ""))).andExpect(status().isUnauthorized());

        assertThat(jdbc.sql("select count(*) from api_token where token_hash = ?").param(token).query(Long.class).single())
                .as("only a hash is stored").isZero();
        assertThat(jdbc.sql("select count(*) from audit_event where details like ?").param("%" + token + "%")
                .query(Long.class).single()).isZero();

        mvc.perform(post("/api/admin/api-tokens").with(httpBasic("sato", "demo")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\": \"rpa-bot\", \"sections\": [\"shimin-ka\"]}")).andExpect(status().isForbidden());
        mvc.perform(post("/api/admin/api-tokens").with(httpBasic("admin", "demo")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\": \"sato\", \"sections\": [\"shimin-ka\"]}")).andExpect(status().isBadRequest());

        mvc.perform(delete("/api/admin/api-tokens/" + tokenId).with(httpBasic("admin", "demo"))).andExpect(status().isNoContent());
        mvc.perform(get("/api/me").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
    }

    @Test
    void aBotRaisesButNeverCommentsAndAWrongTokenIsAFailedLogin() throws Exception {
        String token = issueToken();
        String issue = mvc.perform(post("/api/issues").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content(RAISE.formatted("shimin-ka")))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        long denied = count("select count(*) from audit_event where actor = 'rpa-bot' and action = 'ACCESS_DENIED'");
        mvc.perform(post(issue + "/comments").header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\": \"自動追記\"}"))
                .andExpect(status().isForbidden());
        assertThat(count("select count(*) from audit_event where actor = 'rpa-bot' and action = 'ACCESS_DENIED'"))
                .isEqualTo(denied + 1);

        long failures = count("select count(*) from audit_event where action = 'LOGIN_FAILED'");
        mvc.perform(get("/api/me").header("Authorization", "Bearer tsu_not-a-token")).andExpect(status().isUnauthorized());
        assertThat(count("select count(*) from audit_event where action = 'LOGIN_FAILED'")).isEqualTo(failures + 1);
    }

    @Test
    void aTokenWorksOnlyWhileItsAccountIsAServiceAccountAndAServiceAccountHasNoPassword() throws Exception {
        // People of their own, since the test context's organisation is shared with the other tests.
        String suffix = Long.toString(System.nanoTime(), 36);
        String bot = "bot-" + suffix;
        String clerk = "clerk-" + suffix;
        addPerson(bot, "SERVICE", "");
        addPerson(clerk, "STAFF", "a-long-password");
        String token = issueToken(bot);
        mvc.perform(get("/api/me").header("Authorization", "Bearer " + token)).andExpect(status().isOk());

        place(bot, "STAFF");
        mvc.perform(get("/api/me").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
        assertThat(count("select count(*) from api_token where username = '" + bot + "' and revoked_at is null")).isZero();

        mvc.perform(get("/api/me").with(httpBasic(clerk, "a-long-password"))).andExpect(status().isOk());
        place(clerk, "SERVICE");
        mvc.perform(get("/api/me").with(httpBasic(clerk, "a-long-password"))).andExpect(status().isUnauthorized());
        assertThat(count("select count(*) from person where username = '" + clerk + "' and password_hash is null"))
                .isEqualTo(1);
    }

    private void addPerson(String username, String role, String password) throws Exception {
        mvc.perform(post("/admin/organisation/people").with(user("admin").roles("ADMIN")).with(csrf())
                        .param("username", username).param("displayName", username).param("role", role)
                        .param("sectionCode", "shimin-ka").param("password", password))
                .andExpect(redirectedUrl("/admin/organisation"));
    }

    private void place(String username, String role) throws Exception {
        mvc.perform(post("/admin/organisation/placement").with(user("admin").roles("ADMIN")).with(csrf())
                        .param("username", username).param("role", role).param("sectionCode", "shimin-ka"))
                .andExpect(redirectedUrl("/admin/organisation"));
    }

    private String issueToken() throws Exception {
        return issueToken("rpa-bot");
    }

    private String issueToken(String username) throws Exception {
        String answer = mvc.perform(post("/api/admin/api-tokens").with(httpBasic("admin", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\": \"" + username + "\", \"sections\": [\"shimin-ka\"]}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(answer, "$.token");
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
