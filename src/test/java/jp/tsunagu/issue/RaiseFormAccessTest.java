package jp.tsunagu.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jp.tsunagu.audit.AbstractAuditIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockMultipartFile;

/**
 * Auditors change nothing and administrators read no issue content, so neither raises an issue. The raise form used
 * to open for them with an empty list of sections, and sending it came back as a "required" error that nobody could
 * fix and the audit trail did not record. Now the form and its post refuse them, and each refusal is audited. The CSV
 * import, which raises many at once, showed them its form and then a report that refused every row; it refuses them
 * up front too.
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

    @ParameterizedTest
    @ValueSource(strings = {"watanabe", "admin"})
    void theImportPageItsPostAndItsApiRefuseThoseWhoNeverRaiseAndTheRefusalsAreAudited(String person) throws Exception {
        long denied = deniedCount(person);
        long issues = count("select count(*) from issue");
        String csv = "title,description,category,severity,sectionCode\r\n監査の試み,説明,OTHER,LOW,shimin-ka\r\n";
        MockMultipartFile file = new MockMultipartFile("file", "ocr.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));

        mvc.perform(get("/issues/import").with(user(person)))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("この操作を行う権限がありません")));
        mvc.perform(multipart("/issues/import").file(file).with(user(person)).with(csrf()))
                .andExpect(status().isForbidden());
        // Without a file too: the refusal comes before anything about the form.
        mvc.perform(multipart("/issues/import").with(user(person)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/issues/import").with(httpBasic(person, "demo")).contentType("text/csv").content(csv))
                .andExpect(status().isForbidden());

        assertThat(deniedCount(person)).isEqualTo(denied + 4);
        assertThat(count("select count(*) from issue")).isEqualTo(issues);
    }

    /** Through the API too, whatever fields they send: an invalid body used to answer 400 and leave no trace. */
    @ParameterizedTest
    @ValueSource(strings = {"watanabe", "admin"})
    void theApiRefusesThemBeforeItChecksTheBody(String person) throws Exception {
        long denied = deniedCount(person);

        api.as(person).post("/api/issues", mediumIssueOf("shimin-ka").replace("窓口の待ち時間が長い", ""))
                .andExpect(status().isForbidden());
        api.as(person).post("/api/issues", mediumIssueOf("shimin-ka")).andExpect(status().isForbidden());

        assertThat(deniedCount(person)).isEqualTo(denied + 2);
        api.as("sato").post("/api/issues", mediumIssueOf("shimin-ka").replace("窓口の待ち時間が長い", ""))
                .andExpect(status().isBadRequest());
    }

    @Test
    void staffStillGetTheForm() throws Exception {
        mvc.perform(get("/issues/new").with(user("sato"))).andExpect(status().isOk());
        mvc.perform(get("/issues/import").with(user("sato"))).andExpect(status().isOk());
    }

    long deniedCount(String person) {
        return count("select count(*) from audit_event where action = 'ACCESS_DENIED' and actor = ? and details = ?",
                person, REFUSAL);
    }
}
