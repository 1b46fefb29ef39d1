package jp.tsunagu.org;

import static jp.tsunagu.testsupport.DemoPeople.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import jp.tsunagu.AbstractIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The administrator issues a service account's API token on the page, reads it once, and revokes it there; the token
 * signs the bot in until then, for its sections only, and both changes are audited.
 */
@AutoConfigureMockMvc
class ApiTokenPageTest extends AbstractIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aTokenIssuedOnThePageIsShownOnceWorksForItsSectionsAndStopsWhenRevoked() throws Exception {
        long auditedBefore = jdbc.sql("select coalesce(max(seq), 0) from audit_event").query(Long.class).single();
        String label = "AI-OCR 申請書 " + UUID.randomUUID().toString().substring(0, 8);
        MvcResult issued = mvc.perform(post("/admin/api-tokens").with(admin()).with(csrf())
                        .param("username", "rpa-bot").param("sections", "shimin-ka", "keizai").param("label", label))
                .andExpect(redirectedUrl("/admin/api-tokens"))
                .andExpect(flash().attribute("successKey", "admin.tokens.issued"))
                .andReturn();
        String token = (String) issued.getFlashMap().get("newToken");
        assertThat(token).startsWith("tsu_");

        mvc.perform(get("/admin/api-tokens").with(admin()).flashAttrs(issued.getFlashMap()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(token)))
                .andExpect(content().string(containsString("トークンを発行しました。")));
        String page = mvc.perform(get("/admin/api-tokens").with(admin())).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).doesNotContain(token).contains(label, "RPA（市民課）", "市民課", "経済課", "token-revoke");

        mvc.perform(get("/api/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk()).andExpect(jsonPath("$.username").value("rpa-bot"));

        String id = jdbc.sql("select id from api_token where label = ?").param(label).query(String.class).single();
        mvc.perform(post("/admin/api-tokens/" + id + "/revoke").with(admin()).with(csrf()))
                .andExpect(redirectedUrl("/admin/api-tokens"))
                .andExpect(flash().attribute("successKey", "admin.tokens.revoked"));
        mvc.perform(get("/api/me").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
        mvc.perform(post("/admin/api-tokens/" + id + "/revoke").with(admin()).with(csrf()))
                .andExpect(flash().attribute("errorKey", "admin.tokens.error.gone"));
        String after = mvc.perform(get("/admin/api-tokens").with(admin())).andReturn().getResponse()
                .getContentAsString();
        String row = after.substring(after.indexOf("data-token=\"" + id + "\""));
        assertThat(row.substring(0, row.indexOf("</tr>")))
                .as("a revoked token is listed as such, with nothing left to do").contains("失効")
                .doesNotContain("token-revoke");

        assertThat(jdbc.sql("""
                select details from audit_event where actor = 'admin' and action = 'ADMINISTRATION_CHANGED'
                  and details like '%api token%' and seq > ? order by seq""")
                .param(auditedBefore).query(String.class).list())
                .hasSize(2)
                .satisfies(changes -> assertThat(changes.get(0)).contains("api token issued", "keizai", "shimin-ka"))
                .satisfies(changes -> assertThat(changes.get(1)).contains("api token revoked", id))
                .allSatisfy(change -> assertThat(change).doesNotContain(token));
    }

    @Test
    void aRefusedFormComesBackWithItsErrorsInTheReadersLanguageAndNoTokenIssued() throws Exception {
        long tokens = jdbc.sql("select count(*) from api_token").query(Long.class).single();
        mvc.perform(post("/admin/api-tokens").with(admin()).with(csrf())
                        .param("username", "sato").param("label", "x".repeat(201)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("連携用アカウントを選んでください。")))
                .andExpect(content().string(not(containsString("name=\"newToken\""))));
        mvc.perform(post("/admin/api-tokens").with(admin()).with(csrf())
                        .param("username", "rpa-bot").param("label", "x".repeat(201)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("登録できる課を1つ以上選んでください。")));
        mvc.perform(post("/admin/api-tokens").with(admin()).with(csrf()).param("lang", "en")
                        .param("username", "rpa-bot").param("sections", "shimin-ka").param("label", "x".repeat(201)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("The name must be at most 200 characters.")))
                .andExpect(content().string(containsString("value=\"shimin-ka\" checked")));
        assertThat(jdbc.sql("select count(*) from api_token").query(Long.class).single()).isEqualTo(tokens);
    }

    @Test
    void onlyAdministratorsReachThePage() throws Exception {
        mvc.perform(get("/admin/api-tokens").with(user("suzuki").roles("SECTION_CHIEF")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/api-tokens").with(user("suzuki").roles("SECTION_CHIEF")).with(csrf())
                        .param("username", "rpa-bot").param("sections", "shimin-ka"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/api-tokens/t-1/expiry").with(user("suzuki").roles("SECTION_CHIEF")).with(csrf())
                        .param("expiresOn", "2030-01-01"))
                .andExpect(status().isForbidden());
    }
}
