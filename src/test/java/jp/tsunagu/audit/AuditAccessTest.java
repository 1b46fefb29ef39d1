package jp.tsunagu.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;

/** Only auditors use the audit tools; every refusal is itself in the audit trail. */
class AuditAccessTest extends AbstractAuditIntegrationTest {

    String issueId;

    @BeforeEach
    void anIssue() throws Exception {
        issueId = api.as("sato").raise(mediumIssueOf("shimin-ka"));
    }

    List<String> endpoints() {
        return List.of("/api/audit/verify", "/api/audit/events", "/api/audit/export.csv",
                "/api/audit/issues/" + issueId + "/timeline");
    }

    /** One person of every demo role but AUDITOR (there is no SERVICE account in the demo organisation). */
    @ParameterizedTest
    @ValueSource(strings = {"sato", "suzuki", "kimura", "tanaka", "ito", "admin"})
    void everyoneButTheAuditorIsRefusedAndTheRefusalIsAudited(String person) throws Exception {
        for (String endpoint : endpoints()) {
            long before = deniedCount(person, endpoint);

            api.as(person).get(endpoint)
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.status").value(403))
                    .andExpect(jsonPath("$.title").value("Forbidden"));

            assertThat(deniedCount(person, endpoint)).as(person + " on " + endpoint).isEqualTo(before + 1);
        }
    }

    @Test
    void theAuditorMayUseEveryEndpoint() throws Exception {
        for (String endpoint : endpoints()) {
            api.as("watanabe").get(endpoint).andExpect(status().isOk());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/audit", "/audit/verify", "/admin", "/admin/organisation"})
    void aRefusedPageShowsTheErrorPageAndTheRefusalIsAudited(String page) throws Exception {
        long before = deniedCount("sato", page);

        mvc.perform(get(page).with(user("sato").roles("STAFF")))
                .andExpect(status().isForbidden())
                // sendError: the servlet container renders the application's error page, not problem+json
                .andExpect(status().reason("Forbidden"));

        assertThat(deniedCount("sato", page)).isEqualTo(before + 1);
    }

    @Test
    void withoutCredentialsTheAnswerIs401() throws Exception {
        for (String endpoint : endpoints()) {
            mvc.perform(get(endpoint).with(anonymous())).andExpect(status().isUnauthorized());
        }
    }

    long deniedCount(String person, String path) {
        return count("select count(*) from audit_event where action = 'ACCESS_DENIED' and actor = ? and details = ?",
                person, "{\"method\":\"GET\",\"path\":\"" + path + "\"}");
    }
}
