package jp.tsunagu.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import jp.tsunagu.audit.AbstractAuditIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Auditors change nothing and administrators read no issue content, so neither raises an issue. The raise form used
 * to open for them with an empty list of sections, and sending it came back as a "required" error that nobody could
 * fix and the audit trail did not record. Now the form and its post refuse them, and each refusal is audited.
 */
class RaiseFormAccessTest extends AbstractAuditIntegrationTest {

    static final String REFUSAL = "{\"reason\":\"Your role does not raise issues\"}";

    @ParameterizedTest
    @ValueSource(strings = {"watanabe", "admin"})
    void theFormAndItsPostRefuseThoseWhoNeverRaiseAndTheRefusalsAreAudited(String person) throws Exception {
        long denied = deniedCount(person);
        long issues = count("select count(*) from issue");

        mvc.perform(get("/issues/new").with(user(person)))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("この操作を行う権限がありません")));
        // What the form sends from their browser: no section, since the list offers none.
        mvc.perform(post("/issues").with(user(person)).with(csrf()).param("title", "監査の試み")
                        .param("description", "").param("category", "OTHER").param("severity", "LOW")
                        .param("idempotencyToken", UUID.randomUUID().toString()))
                .andExpect(status().isForbidden());

        assertThat(deniedCount(person)).isEqualTo(denied + 2);
        assertThat(count("select count(*) from issue")).isEqualTo(issues);
    }

    @Test
    void staffStillGetTheForm() throws Exception {
        mvc.perform(get("/issues/new").with(user("sato"))).andExpect(status().isOk());
    }

    long deniedCount(String person) {
        return count("select count(*) from audit_event where action = 'ACCESS_DENIED' and actor = ? and details = ?",
                person, REFUSAL);
    }
}
