package jp.tsunagu.issue.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import jp.tsunagu.AbstractIntegrationTest;
import jp.tsunagu.audit.AuditEvent;
import jp.tsunagu.audit.AuditQueries;
import jp.tsunagu.testsupport.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

@AutoConfigureMockMvc
class JdbcIssueCommentsTest extends AbstractIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditQueries auditQueries;

    /** Who outside the audience tried to look, and the refusals' English reasons, are for the auditors' timeline. */
    @Test
    void theIssuesHistoryLeavesOutRefusedAttemptsWhichTheAuditTrailKeeps() throws Exception {
        Api api = new Api(mvc);
        String id = api.as("sato").raise("""
                {"title": "拒否の記録", "description": "説明", "category": "OTHER", "severity": "LOW",
                 "sectionCode": "shimin-ka", "relatedSections": [], "personalInfo": false}""");
        api.as("yamamoto").get("/api/issues/" + id).andExpect(status().isNotFound());
        api.as("sato").post("/api/issues/" + id + "/escalation-requests/current/approve", "{}");

        List<String> actions = JsonPath.read(api.as("sato").get("/api/issues/" + id + "/history").andReturn()
                .getResponse().getContentAsString(), "$.items[*].action");
        String page = mvc.perform(get("/issues/" + id).with(user("suzuki"))).andReturn().getResponse()
                .getContentAsString();

        assertThat(actions).contains("ISSUE_RAISED").doesNotContain("ACCESS_DENIED");
        assertThat(page).contains("拒否の記録").doesNotContain("山本", "アクセス拒否", "data-action=\"ACCESS_DENIED\"",
                "not in the issue's audience");
        assertThat(auditQueries.forIssue(id)).extracting(AuditEvent::actor, AuditEvent::action)
                .contains(tuple("yamamoto", "ACCESS_DENIED"));
    }
}
