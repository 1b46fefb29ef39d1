package jp.tsunagu.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import jp.tsunagu.AbstractIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The administrator changes the organisation through the page; the change signs people in, and it is audited. */
@AutoConfigureMockMvc
class OrganisationAdministrationPageTest extends AbstractIntegrationTest {

    static final String PASSWORD = "Kokubunji-2026!";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    static RequestPostProcessor admin() {
        return user("admin").roles("ADMIN");
    }

    @Test
    void adminAddsASectionAndAPersonWhoSignsInUntilDisabled() throws Exception {
        long lastSeq = jdbc.sql("select coalesce(max(seq), 0) from audit_event").query(Long.class).single();

        mvc.perform(post("/admin/organisation/sections").with(admin()).with(csrf())
                        .param("departmentCode", "fukushi").param("code", "kosodate-ka")
                        .param("nameJa", "子育て支援課").param("nameEn", "Child Support Section"))
                .andExpect(redirectedUrl("/admin/organisation"));
        mvc.perform(post("/admin/organisation/people").with(admin()).with(csrf())
                        .param("username", "mori").param("displayName", "森 さくら").param("role", "STAFF")
                        .param("sectionCode", "kosodate-ka").param("departmentCode", "").param("password", PASSWORD))
                .andExpect(redirectedUrl("/admin/organisation"));

        mvc.perform(get("/api/me").with(httpBasic("mori", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("mori"))
                .andExpect(jsonPath("$.roles[0]").value("STAFF"))
                .andExpect(jsonPath("$.section").value("kosodate-ka"))
                .andExpect(jsonPath("$.sectionName").value("子育て支援課"))
                .andExpect(jsonPath("$.department").value("fukushi"));
        assertThat(jdbc.sql("select password_hash from person where username = 'mori'").query(String.class).single())
                .as("bcrypt").startsWith("$2a$");

        mvc.perform(get("/admin/organisation").with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("子育て支援課"), containsString("森 さくら"))));

        mvc.perform(post("/admin/organisation/placement").with(admin()).with(csrf())
                        .param("username", "mori").param("role", "SECTION_CHIEF").param("sectionCode", "kosodate-ka"))
                .andExpect(redirectedUrl("/admin/organisation"));
        mvc.perform(get("/api/me").with(httpBasic("mori", PASSWORD)))
                .andExpect(jsonPath("$.roles[0]").value("SECTION_CHIEF"));

        mvc.perform(post("/admin/organisation/people/mori/disable").with(admin()).with(csrf()))
                .andExpect(redirectedUrl("/admin/organisation"));
        mvc.perform(get("/api/me").with(httpBasic("mori", PASSWORD))).andExpect(status().isUnauthorized());

        List<String> changes = jdbc.sql("""
                select details from audit_event where action = 'ADMINISTRATION_CHANGED' and actor = 'admin'
                and seq > ? order by seq""").param(lastSeq).query(String.class).list();
        assertThat(changes).hasSize(4);
        assertThat(changes.get(0)).contains("section added", "kosodate-ka");
        assertThat(changes.get(1)).contains("person added", "mori");
        assertThat(changes.get(2)).contains("person placement changed", "SECTION_CHIEF");
        assertThat(changes.get(3)).contains("person disabled", "mori");
        assertThat(jdbc.sql("select count(*) from audit_event where details like ?").param("%" + PASSWORD + "%")
                .query(Long.class).single()).as("no password in the audit trail").isZero();
        String hash = jdbc.sql("select password_hash from person where username = 'mori'").query(String.class).single();
        assertThat(jdbc.sql("select count(*) from audit_event where details like ?").param("%" + hash + "%")
                .query(Long.class).single()).as("no password hash either").isZero();
    }

    @Test
    void aBadCodeIsShownAtItsFieldAndNothingIsWritten() throws Exception {
        long sections = jdbc.sql("select count(*) from section").query(Long.class).single();
        long audit = auditCount();

        mvc.perform(post("/admin/organisation/sections").with(admin()).with(csrf())
                        .param("departmentCode", "fukushi").param("code", "Bad Code!")
                        .param("nameJa", "誤り課").param("nameEn", "Wrong Section"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(
                        containsString("id=\"section-code-error\""),
                        containsString("半角の英小文字・数字・ハイフンで1〜64文字にしてください。"),
                        containsString("aria-describedby=\"section-code-error\""),
                        containsString("value=\"誤り課\""))));

        mvc.perform(post("/admin/organisation/sections").with(admin()).with(csrf())
                        .param("departmentCode", "fukushi").param("code", "shimin-ka")
                        .param("nameJa", "重複課").param("nameEn", "Duplicate"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("すでに使われています。")));

        mvc.perform(post("/admin/organisation/people").with(admin()).with(csrf())
                        .param("username", "nobody").param("displayName", "誰か").param("role", "STAFF")
                        .param("sectionCode", "no-such-section").param("password", PASSWORD))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("id=\"person-section-error\""),
                        containsString("登録されていません。"))))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString(PASSWORD))));

        assertThat(jdbc.sql("select count(*) from section").query(Long.class).single()).isEqualTo(sections);
        assertThat(jdbc.sql("select count(*) from person where username = 'nobody'").query(Long.class).single()).isZero();
        assertThat(auditCount()).isEqualTo(audit);
    }

    @Test
    void onlyTheAdministratorMayChangeTheOrganisation() throws Exception {
        mvc.perform(post("/admin/organisation/departments").with(user("sato").roles("STAFF")).with(csrf())
                        .param("code", "sneaky").param("nameJa", "裏部").param("nameEn", "Sneaky"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/organisation/people/sato/disable").with(user("watanabe").roles("AUDITOR")).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from department where code = 'sneaky'").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select enabled from person where username = 'sato'").query(Boolean.class).single()).isTrue();
    }

    private long auditCount() {
        return jdbc.sql("select count(*) from audit_event").query(Long.class).single();
    }
}
