package jp.tsunagu.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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
}
