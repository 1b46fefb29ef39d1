package jp.tsunagu.security;

import static jp.tsunagu.testsupport.DemoPeople.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import jp.tsunagu.AbstractIntegrationTest;
import jp.tsunagu.testsupport.DemoPeople;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A local (database) account signs in by its name in any case, as a directory account does: one person, one name,
 * one lock. Failed sign-ins are audited with the name as typed; no two accounts can differ only by case.
 */
@AutoConfigureMockMvc
class LocalSignInNameCaseTest extends AbstractIntegrationTest {

    static final String USER = "case-probe";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void aPersonOfOurOwn() {
        DemoPeople.probe(jdbc, USER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"case-probe", "Case-Probe", "CASE-PROBE", " case-probe "})
    void theApiSignsInTheOnePersonWhateverTheCase(String typed) throws Exception {
        mvc.perform(get("/api/me").with(httpBasic(typed, "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value(USER));
    }

    @Test
    void thePageSignsInTheOnePersonAndAuditsTheLoginUnderTheirName() throws Exception {
        long lastSeq = lastSeq();
        mvc.perform(post("/login").param("username", "CASE-Probe").param("password", "demo").with(csrf()))
                .andExpect(redirectedUrl("/tasks"));
        assertThat(events(lastSeq)).containsExactly(USER + " LOGIN");
    }

    @Test
    void aFailedSignInIsAuditedWithTheNameAsTyped() throws Exception {
        long lastSeq = lastSeq();
        mvc.perform(post("/login").param("username", "Case-Probe").param("password", "wrong").with(csrf()))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(get("/api/me").with(httpBasic("CASE-PROBE", "wrong"))).andExpect(status().isUnauthorized());
        assertThat(events(lastSeq)).containsExactly("Case-Probe LOGIN_FAILED", "CASE-PROBE LOGIN_FAILED");
    }

    /** Otherwise each spelling of a name would get five guesses of its own. */
    @Test
    void failuresUnderEverySpellingCountTowardsOneLock() throws Exception {
        for (String typed : List.of("case-probe", "Case-probe", "cASE-probe", "CASE-PROBE", "case-PROBE")) {
            mvc.perform(get("/api/me").with(httpBasic(typed, "wrong"))).andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/me").with(httpBasic("Case-Probe", "demo"))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/me").with(httpBasic(USER, "demo"))).andExpect(status().isUnauthorized());
        assertThat(jdbc.sql("select count(*) from audit_event where actor = ? and action = 'ACCOUNT_LOCKED'")
                .param(USER).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theAdministratorCannotAddANameThatDiffersOnlyByCase() throws Exception {
        mvc.perform(post("/admin/organisation/people").with(admin()).with(csrf())
                        .param("username", "Case-Probe").param("displayName", "大文字 違い").param("role", "STAFF")
                        .param("sectionCode", "keizai").param("password", "a-long-password"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("半角の英小文字・数字・ハイフンで1〜64文字にしてください。")));
        assertThat(jdbc.sql("select count(*) from person where lower(username) = ?").param(USER).query(Long.class)
                .single()).isEqualTo(1);
    }

    /** Nor can SQL written by hand: the table holds lower-case names only (V20). */
    @Test
    void theTableRefusesANameWithCapitals() {
        assertThatThrownBy(() -> jdbc.sql("""
                insert into person (username, display_name, role, section_code, department_code)
                values ('Case-Probe', '大文字 違い', 'STAFF', 'keizai', 'shimin-seikatsu')""").update())
                .isInstanceOf(DataIntegrityViolationException.class)
                .satisfies(refused -> assertThat(refused.getMessage())
                        .containsIgnoringCase("person_username_lower_case"));
    }

    private List<String> events(long afterSeq) {
        return jdbc.sql("""
                select actor || ' ' || action from audit_event where seq > ? and lower(actor) = ?
                  and action in ('LOGIN', 'LOGIN_FAILED') order by seq""")
                .params(afterSeq, USER).query(String.class).list();
    }

    private long lastSeq() {
        return jdbc.sql("select coalesce(max(seq), 0) from audit_event").query(Long.class).single();
    }
}
