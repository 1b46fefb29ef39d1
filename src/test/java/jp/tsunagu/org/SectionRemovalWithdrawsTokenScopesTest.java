package jp.tsunagu.org;

import static jp.tsunagu.testsupport.DemoPeople.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.util.List;
import java.util.Set;

import jp.tsunagu.AbstractIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** A removed section leaves no token able to act for it, now or once a section of the same code is added again. */
@AutoConfigureMockMvc
class SectionRemovalWithdrawsTokenScopesTest extends AbstractIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApiTokens apiTokens;

    @Test
    void aTokenLeftWithoutSectionsIsRevokedAndAnotherLosesTheSectionForGood() throws Exception {
        addSection();
        ApiTokens.IssuedToken onlyThere = apiTokens.issue("rpa-bot", Set.of("kankyo-ka"), "環境課だけ", null, "admin");
        ApiTokens.IssuedToken alsoThere =
                apiTokens.issue("rpa-bot", Set.of("kankyo-ka", "shimin-ka"), "環境課と市民課", null, "admin");
        long lastSeq = jdbc.sql("select coalesce(max(seq), 0) from audit_event").query(Long.class).single();

        mvc.perform(post("/admin/organisation/unit-removals").with(admin()).with(csrf())
                        .param("unit", "section:kankyo-ka"))
                .andExpect(redirectedUrl("/admin/organisation"));

        assertThat(token(onlyThere.id())).isEqualTo(new Stored("kankyo-ka", true));
        assertThat(token(alsoThere.id())).isEqualTo(new Stored("shimin-ka", false));
        List<String> audited = jdbc.sql("select details from audit_event where seq > ?"
                + " and action = 'ADMINISTRATION_CHANGED' and details like '%api token%' order by seq")
                .param(lastSeq).query(String.class).list();
        assertThat(audited).satisfiesExactlyInAnyOrder(
                revoked -> assertThat(revoked).contains("api token revoked", onlyThere.id(), "kankyo-ka"),
                narrowed -> assertThat(narrowed).contains("api token scope narrowed", alsoThere.id(), "shimin-ka"));

        addSection();
        assertThat(token(alsoThere.id())).as("the section added again is not in the old scope")
                .isEqualTo(new Stored("shimin-ka", false));
        assertThat(token(onlyThere.id()).revoked()).isTrue();
        apiTokens.revoke(alsoThere.id(), "admin");
    }

    private void addSection() throws Exception {
        mvc.perform(post("/admin/organisation/sections").with(admin()).with(csrf())
                        .param("departmentCode", "shimin-seikatsu").param("code", "kankyo-ka")
                        .param("nameJa", "環境課").param("nameEn", "Environment Section"))
                .andExpect(redirectedUrl("/admin/organisation"));
    }

    private Stored token(String id) {
        return jdbc.sql("select sections, revoked_at is not null as revoked from api_token where id = ?").param(id)
                .query((rs, i) -> new Stored(rs.getString("sections"), rs.getBoolean("revoked"))).single();
    }

    record Stored(String sections, boolean revoked) {
    }
}
