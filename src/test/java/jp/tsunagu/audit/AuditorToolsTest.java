package jp.tsunagu.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Search, timeline, export and verification as the auditor watanabe uses them. */
class AuditorToolsTest extends AbstractAuditIntegrationTest {

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    IssueTimeline timelines;

    String issueId;

    @BeforeEach
    void anAcknowledgedAndCommentedIssue() throws Exception {
        issueId = api.as("sato").raise(mediumIssueOf("shimin-ka"));
        api.as("sato").post("/api/issues/" + issueId + "/acknowledge", "{}").andExpect(status().isNoContent());
        api.as("suzuki").post("/api/issues/" + issueId + "/comments", "{\"text\": \"=1+1 本日中に確認\"}")
                .andExpect(status().isCreated());
    }

    @Test
    void searchesByIssueActionActorAndTimeInSeqOrderAndPages() throws Exception {
        String all = body("/api/audit/events?issueId=" + issueId);
        assertThat(JsonPath.<List<String>>read(all, "$.items[*].action"))
                .containsExactly("ISSUE_RAISED", "LEVEL_ENTERED", "ISSUE_ACKNOWLEDGED", "COMMENT_ADDED");
        assertThat(JsonPath.<Integer>read(all, "$.total")).isEqualTo(4);
        assertThat(JsonPath.<String>read(all, "$.items[0].details.title")).isEqualTo("窓口の待ち時間が長い");

        api.as("watanabe").get("/api/audit/events?issueId=" + issueId + "&action=ISSUE_ACKNOWLEDGED")
                .andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.items[0].actor").value("sato"));
        assertThat(JsonPath.<List<String>>read(body("/api/audit/events?issueId=" + issueId + "&actor=suzuki"),
                "$.items[*].action")).containsExactly("COMMENT_ADDED");
        String secondPage = body("/api/audit/events?issueId=" + issueId + "&page=1&size=2");
        assertThat(JsonPath.<Integer>read(secondPage, "$.total")).isEqualTo(4);
        assertThat(JsonPath.<List<String>>read(secondPage, "$.items[*].action"))
                .containsExactly("ISSUE_ACKNOWLEDGED", "COMMENT_ADDED");

        String raisedAt = JsonPath.read(all, "$.items[0].occurredAt");
        Instant raised = Instant.parse(raisedAt);
        api.as("watanabe").get("/api/audit/events?issueId=" + issueId + "&from=" + raised.plusSeconds(3600))
                .andExpect(jsonPath("$.total").value(0));
        api.as("watanabe").get("/api/audit/events?issueId=" + issueId + "&from=" + raised + "&to="
                        + raised.plusSeconds(3600)).andExpect(jsonPath("$.total").value(4));
    }

    @Test
    void refusesFiltersItCannotUse() throws Exception {
        api.as("watanabe").get("/api/audit/events?action=HACKED").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("action"));
        api.as("watanabe").get("/api/audit/events?size=0").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
        api.as("watanabe").get("/api/audit/events?from=2026-05-01T00:00:00Z&to=2026-04-01T00:00:00Z")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("to"));
    }

    @Test
    void theTimelineMergesAuditEventsWithTheEnginesActivitiesAndJobsInTimeOrder() throws Exception {
        String acknowledgeBy = JsonPath.read(api.as("sato").get("/api/issues/" + issueId).andReturn().getResponse()
                .getContentAsString(), "$.sla.acknowledgeBy");
        api.as("sato").post("/api/issues/" + issueId + "/escalation-requests", "{\"reason\": \"他課にも影響\"}")
                .andExpect(status().isNoContent());
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(acknowledgeBy).toInstant().plusSeconds(86400 * 30)));
        runDueJobsOfThisIssue();

        String timeline = body("/api/audit/issues/" + issueId + "/timeline");

        assertThat(JsonPath.<List<String>>read(timeline, "$.items[*].source"))
                .contains("AUDIT_TRAIL", "ENGINE_ACTIVITY", "ENGINE_JOB");
        assertThat(JsonPath.<List<String>>read(timeline, "$.items[?(@.source == 'ENGINE_ACTIVITY')].details.processDefinitionKey"))
                .as("the called level sub-process is part of it").contains("issue-escalation", "issue-level");
        assertThat(JsonPath.<List<String>>read(timeline, "$.items[?(@.source == 'ENGINE_JOB')].what"))
                .contains("JOB_CREATED", "JOB_SUCCEEDED");
        assertThat(JsonPath.<List<String>>read(timeline, "$.items[?(@.source == 'AUDIT_TRAIL')].what"))
                .containsSubsequence("ISSUE_RAISED", "ISSUE_ACKNOWLEDGED", "COMMENT_ADDED", "ESCALATION_REQUESTED");
        List<Instant> times = JsonPath.<List<String>>read(timeline, "$.items[*].at").stream().map(Instant::parse).toList();
        assertThat(times).isSorted();
    }

    @Test
    void anIssueIsFoundByTheNumberUsersSee() throws Exception {
        String number = JsonPath.read(api.as("sato").get("/api/issues/" + issueId).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8), "$.number");
        assertThat(timelines.issueIdOf(number)).contains(issueId);
        assertThat(timelines.issueIdOf("1999-999999")).isEmpty();
        assertThat(timelines.issueIdOf("%")).as("no wildcard reaches the query").isEmpty();
    }

    /** The event search names each event's issue by its number, read for the whole page in one query. */
    @Test
    void theEventSearchNamesTheIssueByItsNumber() throws Exception {
        String number = JsonPath.read(api.as("sato").get("/api/issues/" + issueId).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8), "$.number");

        assertThat(timelines.numbersOf(List.of(issueId, "no-such-issue"))).containsExactly(Map.entry(issueId, number));
        assertThat(timelines.numbersOf(List.of())).isEmpty();
        String page = mvc.perform(get("/audit").param("issueId", issueId).with(user("watanabe").roles("AUDITOR")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("aria-label=\"課題 " + number + " のタイムラインを開く\">" + number + "</a>")
                .doesNotContain("課題 " + issueId);
    }

    /** The page takes what the auditor typed: a number is looked up on the issue table, anything else is an id. */
    @Test
    void theTimelinePageFindsAnIssueByItsNumberAndByItsIdAndOnlyForAuditors() throws Exception {
        String number = JsonPath.read(api.as("sato").get("/api/issues/" + issueId).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8), "$.number");
        String heading = "課題 " + number + "「窓口の待ち時間が長い」（課題ID: " + issueId + "）";

        assertThat(timelinePage(number, "watanabe", "AUDITOR", 200)).contains(heading, "id=\"audit-timeline\"");
        assertThat(timelinePage(issueId, "watanabe", "AUDITOR", 200)).contains(heading, "id=\"audit-timeline\"");
        assertThat(timelines.issueIdOf(issueId)).as("an id is no number").isEmpty();
        assertThat(timelinePage("1999-999999", "watanabe", "AUDITOR", 404)).contains("該当する課題が見つかりません。")
                .doesNotContain("id=\"audit-timeline\"");
        timelinePage(number, "sato", "STAFF", 403);
    }

    private String timelinePage(String typed, String username, String role, int expected) throws Exception {
        return mvc.perform(get("/audit/timeline").param("issueId", typed).with(user(username).roles(role)))
                .andExpect(status().is(expected)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void anIssueNobodyKnowsHasNoTimeline() throws Exception {
        api.as("watanabe").get("/api/audit/issues/00000000-0000-0000-0000-000000000000/timeline")
                .andExpect(status().isNotFound());
    }

    @Test
    void theCsvExportIsUtf8WithBomCrlfAndHeaderAndIsItselfAudited() throws Exception {
        long exportsBefore = count("select count(*) from audit_event where action = 'AUDIT_EXPORTED' and actor = 'watanabe'");

        byte[] csv = api.as("watanabe").get("/api/audit/export.csv?issueId=" + issueId)
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"audit-events.csv\""))
                .andReturn().getResponse().getContentAsByteArray();

        assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        String[] lines = text.split("\r\n", -1);
        assertThat(lines[0]).isEqualTo("seq,occurred_at,actor,action,issue_id,details,prev_hash,hash");
        assertThat(lines).as("header, four events, and the end of the last line").hasSize(6);
        assertThat(lines[5]).isEmpty();
        assertThat(text).doesNotContain("\r\r").contains("窓口の待ち時間が長い").contains(",COMMENT_ADDED,");
        assertThat(text.replace("\r\n", "")).doesNotContain("\n");

        assertThat(count("select count(*) from audit_event where action = 'AUDIT_EXPORTED' and actor = 'watanabe'"
                + " and details = ?", "{\"issueId\":\"" + issueId + "\"}")).isEqualTo(1);
        assertThat(count("select count(*) from audit_event where action = 'AUDIT_EXPORTED' and actor = 'watanabe'"))
                .isEqualTo(exportsBefore + 1);
    }

    @Test
    void theVerifierFindsTheWholeChainIntact() throws Exception {
        long events = count("select count(*) from audit_event");

        String result = body("/api/audit/verify");

        assertThat(JsonPath.<Boolean>read(result, "$.valid")).isTrue();
        assertThat(JsonPath.<Number>read(result, "$.checked").longValue()).isGreaterThanOrEqualTo(events);
        assertThat(JsonPath.<Object>read(result, "$.firstBrokenSeq")).isNull();
    }

    @Test
    void personalDetailsNeverReachTheAuditTrail() throws Exception {
        String marker = "PD-MARKER-" + java.util.UUID.randomUUID();
        String id = api.as("sato").raise("""
                {"title": "個人情報を含む書類の誤送付", "description": "郵送先の誤り。",
                 "category": "PERSONAL_INFORMATION", "severity": "HIGH", "sectionCode": "shimin-ka",
                 "relatedSections": [], "personalInfo": true,
                 "personalDetails": "氏名: 山田 太郎 住所: 国分寺市 %s"}""".formatted(marker));
        api.as("sato").get("/api/issues/" + id).andExpect(status().isOk());
        api.as("watanabe").get("/api/audit/export.csv?issueId=" + id).andExpect(status().isOk());

        assertThat(count("select count(*) from audit_event where issue_id = ?", id)).isPositive();
        assertThat(count("select count(*) from audit_event where details like ? or actor like ? or issue_id like ?",
                "%" + marker + "%", "%" + marker + "%", "%" + marker + "%")).isZero();
        assertThat(count("select count(*) from audit_event where details like ?", "%山田 太郎%")).isZero();
        assertThat(api.as("watanabe").get("/api/audit/export.csv").andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).doesNotContain(marker).contains(id);
    }

    String body(String path) throws Exception {
        return api.as("watanabe").get(path).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** Only this issue's jobs: other tests' issues share the database. */
    void runDueJobsOfThisIssue() {
        String root = runtime.createProcessInstanceQuery().processInstanceBusinessKey(issueId).rootProcessInstances().singleResult().getId();
        for (int i = 0; i < 100; i++) {
            List<Job> due = management.createJobQuery().rootProcessInstanceId(root).executable().listPage(0, 1);
            if (due.isEmpty()) {
                return;
            }
            management.executeJob(due.get(0).getId());
        }
        throw new AssertionError("jobs keep falling due");
    }
}
