package jp.tsunagu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Date;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import jp.tsunagu.testsupport.Api;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The escalation core end to end through the REST API, as issue #2 numbers its steps. Runs on H2 and on PostgreSQL.
 */
@AutoConfigureMockMvc
abstract class EscalationScenarioTests extends AbstractIntegrationTest {

    static final String MEDIUM_ONE_SECTION = """
            {"title": "窓口の待ち時間が長い", "description": "午前中の待ち時間が90分を超えた。",
             "category": "CITIZEN_SERVICE", "severity": "MEDIUM", "sectionCode": "shimin-ka",
             "relatedSections": [], "personalInfo": false}""";

    @Autowired
    MockMvc mvc;

    @Autowired
    ManagementService management;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
    }

    @Test
    void issueTravelsFromSectionToDepartmentToCityAndIsResolved() throws Exception {
        // 2. sato raises a MEDIUM issue of one section: the DMN starts it at SECTION.
        String id = api.as("sato").raise(MEDIUM_ONE_SECTION);
        String issue = "/api/issues/" + id;
        api.as("sato").get(issue).andExpect(status().isOk())
                .andExpect(jsonPath("$.level").value("SECTION"))
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.number").value(org.hamcrest.Matchers.matchesPattern("\\d{4}-\\d{6}")))
                .andExpect(jsonPath("$.sla.acknowledgeBy").isNotEmpty());

        // 3. sato and suzuki see the acknowledge task; sato acknowledges, comments, requests escalation.
        api.as("suzuki").get("/api/tasks").andExpect(jsonPath("$.items[?(@.issue.id == '" + id + "')].kind").value(hasItem("ACKNOWLEDGE")));
        api.as("sato").get("/api/tasks").andExpect(jsonPath("$.items[?(@.issue.id == '" + id + "')].kind").value(hasItem("ACKNOWLEDGE")));
        String whole = api.as("suzuki").get("/api/tasks").andReturn().getResponse().getContentAsString();
        int all = JsonPath.read(whole, "$.total");
        api.as("suzuki").get("/api/tasks?size=1").andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.total").value(all));
        // Paged like the other lists: the last page of one holds the whole list's last task; past it, none.
        api.as("suzuki").get("/api/tasks?size=1&page=" + (all - 1))
                .andExpect(jsonPath("$.items[0].taskId").value(JsonPath.<String>read(whole, "$.items[-1].taskId")))
                .andExpect(jsonPath("$.total").value(all));
        api.as("suzuki").get("/api/tasks?size=1&page=" + all).andExpect(jsonPath("$.items.length()").value(0))
                .andExpect(jsonPath("$.total").value(all));
        // Latest first is exactly the reverse; the filters find the task or leave it out.
        api.as("suzuki").get("/api/tasks?sort=due-desc&size=1&page=" + (all - 1))
                .andExpect(jsonPath("$.items[0].taskId").value(JsonPath.<String>read(whole, "$.items[0].taskId")));
        api.as("suzuki").get("/api/tasks?kind=ACKNOWLEDGE&level=SECTION&section=shimin-ka&severity=MEDIUM")
                .andExpect(jsonPath("$.items[*].issue.id").value(hasItem(id)));
        api.as("suzuki").get("/api/tasks?kind=RESPOND").andExpect(jsonPath("$.items[*].issue.id").value(not(hasItem(id))));
        api.as("sato").post(issue + "/acknowledge", "{}").andExpect(status().isNoContent());
        api.as("sato").post(issue + "/acknowledge", "{}").andExpect(status().isConflict());
        api.as("sato").post(issue + "/comments", "{\"text\": \"本日中に原因を確認します\"}").andExpect(status().isCreated());
        api.as("sato").post(issue + "/escalation-requests", "{\"reason\": \"他課の窓口にも影響\"}").andExpect(status().isNoContent());
        api.as("sato").get(issue).andExpect(jsonPath("$.status").value("ESCALATION_REQUESTED"));

        // 4. sato may not approve her own request; suzuki, the chief, approves.
        api.as("sato").post(issue + "/escalation-requests/current/approve", "{}").andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from audit_event where issue_id = ? and actor = 'sato' and action = 'ACCESS_DENIED'")
                .param(id).query(Long.class).single()).as("a 403 is audited").isEqualTo(1);
        api.as("takahashi").get(issue).andExpect(status().isNotFound());
        api.as("suzuki").post(issue + "/escalation-requests/current/approve", "{\"comment\": \"部内で共有\"}")
                .andExpect(status().isNoContent());
        api.as("sato").get(issue).andExpect(jsonPath("$.level").value("DEPARTMENT"))
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.sharedWith").value(hasItem("department:shimin-seikatsu")));
        api.as("takahashi").get(issue).andExpect(status().isOk());
        api.as("yamamoto").get(issue).andExpect(status().isNotFound());

        // 5. kimura acknowledges at DEPARTMENT and requests city-wide escalation; tanaka approves.
        api.as("kimura").get("/api/tasks").andExpect(jsonPath("$.items[?(@.issue.id == '" + id + "')].kind").value(hasItem("ACKNOWLEDGE")));
        api.as("kimura").post(issue + "/acknowledge", "{}").andExpect(status().isNoContent());
        api.as("kimura").post(issue + "/escalation-requests", "{\"reason\": \"全庁的な対応が必要\"}").andExpect(status().isNoContent());
        api.as("nakamura").get(issue).andExpect(status().isNotFound());
        api.as("tanaka").post(issue + "/escalation-requests/current/approve", "{}").andExpect(status().isNoContent());
        api.as("sato").get(issue).andExpect(jsonPath("$.level").value("CITY"))
                .andExpect(jsonPath("$.sharedWith").value(hasItem("role:CITY_COORDINATOR")));
        api.as("nakamura").get(issue).andExpect(status().isOk());
        api.as("ito").get(issue).andExpect(status().isOk());

        // 6. ito acknowledges and resolves; the issue leaves every task list.
        api.as("ito").post(issue + "/escalation-requests", "{\"reason\": \"さらに上へ\"}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("cityIsTop"));
        api.as("ito").post(issue + "/acknowledge", "{}").andExpect(status().isNoContent());
        api.as("ito").post(issue + "/resolve", "{\"resolution\": \"窓口を増設し、予約制を導入した\"}").andExpect(status().isNoContent());
        api.as("sato").get(issue).andExpect(jsonPath("$.status").value("RESOLVED"))
                .andExpect(jsonPath("$.resolution").value("窓口を増設し、予約制を導入した"));
        for (String person : List.of("sato", "suzuki", "kimura", "tanaka", "ito", "nakamura")) {
            api.as(person).get("/api/tasks").andExpect(jsonPath("$.items[*].issue.id").value(not(hasItem(id))));
        }

        // The audit timeline tells the whole story.
        String history = api.as("sato").get(issue + "/history").andReturn().getResponse().getContentAsString();
        List<String> actions = JsonPath.read(history, "$.items[*].action");
        assertThat(actions).containsSubsequence("ISSUE_RAISED", "LEVEL_ENTERED", "ISSUE_ACKNOWLEDGED", "COMMENT_ADDED",
                "ESCALATION_REQUESTED", "ESCALATION_APPROVED", "LEVEL_RAISED", "LEVEL_ENTERED", "ISSUE_SHARED",
                "ISSUE_ACKNOWLEDGED", "ESCALATION_REQUESTED", "ESCALATION_APPROVED", "LEVEL_RAISED", "LEVEL_ENTERED",
                "ISSUE_SHARED", "ISSUE_ACKNOWLEDGED", "ISSUE_RESOLVED");
    }

    @Test
    void cityCoordinatorsWhoApprovedTheStepToCityAreSharedWithCityWideToo() throws Exception {
        // A 保険年金課 issue touching 市民課 starts at DEPARTMENT. tanaka, the only head of 市民生活部, requests the step
        // to CITY, so the city coordinators approve it: they join the audience as approvers first.
        String id = api.as("takahashi").raise(MEDIUM_ONE_SECTION.replace("\"shimin-ka\"", "\"hoken-nenkin\"")
                .replace("\"relatedSections\": []", "\"relatedSections\": [\"shimin-ka\"]"));
        String issue = "/api/issues/" + id;
        api.as("takahashi").get(issue).andExpect(jsonPath("$.level").value("DEPARTMENT"));
        api.as("tanaka").post(issue + "/acknowledge", "{}").andExpect(status().isNoContent());
        api.as("tanaka").post(issue + "/escalation-requests", "{\"reason\": \"全庁的な対応が必要\"}")
                .andExpect(status().isNoContent());
        api.as("ito").post(issue + "/escalation-requests/current/approve", "{}").andExpect(status().isNoContent());

        api.as("takahashi").get(issue).andExpect(jsonPath("$.level").value("CITY"))
                .andExpect(jsonPath("$.sharedWith").value(org.hamcrest.Matchers.containsInAnyOrder(
                        "department:shimin-seikatsu", "role:DEPARTMENT_HEAD", "role:CITY_COORDINATOR")));
        String shared = jdbc.sql("""
                select details from audit_event where issue_id = ? and action = 'ISSUE_SHARED' and details like '%CITY%'""")
                .param(id).query(String.class).single();
        assertThat(shared).as("the 庁内共有 is audited with everyone it reached")
                .contains("role:DEPARTMENT_HEAD", "role:CITY_COORDINATOR");
        // Having approved, ito may still read the personal details for a purpose, as every approver may.
        api.as("ito").post(issue + "/personal-details/reveal", "{\"purpose\": \"対応方針の検討\"}")
                .andExpect(status().isOk());
    }

    @Test
    void rejectionNeedsACommentAndSendsTheIssueBackToRespond() throws Exception {
        String id = api.as("sato").raise(MEDIUM_ONE_SECTION);
        String issue = "/api/issues/" + id;
        api.as("sato").post(issue + "/acknowledge", "{}").andExpect(status().isNoContent());
        api.as("sato").post(issue + "/escalation-requests", "{\"reason\": \"念のため\"}").andExpect(status().isNoContent());

        // Who may act is checked before what they sent: 404 for one who cannot see it, 403 for one who may not act.
        api.as("nakamura").post(issue + "/escalation-requests/current/reject", "{}").andExpect(status().isNotFound());
        api.as("watanabe").post(issue + "/escalation-requests/current/reject", "{}").andExpect(status().isForbidden());
        api.as("sato").post(issue + "/escalation-requests/current/reject", "{}").andExpect(status().isForbidden());
        api.as("sato").post(issue + "/resolve", "{}").andExpect(status().isConflict());
        api.as("suzuki").post(issue + "/escalation-requests/current/reject", "{}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("comment"));
        api.as("suzuki").post(issue + "/escalation-requests/current/reject", "{\"comment\": \"課内で対応可能\"}")
                .andExpect(status().isNoContent());

        api.as("sato").get(issue).andExpect(jsonPath("$.level").value("SECTION"))
                .andExpect(jsonPath("$.status").value("IN_PROGRESS"));
        api.as("sato").get("/api/tasks").andExpect(jsonPath("$.items[?(@.issue.id == '" + id + "')].kind").value(hasItem("RESPOND")));
        api.as("sato").post(issue + "/resolve", "{\"resolution\": \"課内で対応した\"}").andExpect(status().isNoContent());
    }

    @Test
    void aMissedAcknowledgementEscalatesByItselfAsTheSystem() throws Exception {
        String id = api.as("sato").raise(MEDIUM_ONE_SECTION);
        String acknowledgeBy = JsonPath.read(api.as("sato").get("/api/issues/" + id).andReturn().getResponse()
                .getContentAsString(), "$.sla.acknowledgeBy");

        ClockUtil.setCurrentTime(Date.from(java.time.OffsetDateTime.parse(acknowledgeBy).toInstant().plusSeconds(1)));
        runDueJobs();

        api.as("sato").get("/api/issues/" + id).andExpect(jsonPath("$.level").value("DEPARTMENT"))
                .andExpect(jsonPath("$.sla.ackBreached").value(false));
        String history = api.as("sato").get("/api/issues/" + id + "/history").andReturn().getResponse().getContentAsString();
        List<String> breachActors = JsonPath.read(history, "$.items[?(@.action == 'SLA_BREACH_ESCALATED')].actor");
        assertThat(breachActors).containsExactly("system");
    }

    @Test
    void badInputIsAProblemWithFieldErrorsAndWritesNothing() throws Exception {
        long before = countIssues();
        api.as("sato").post("/api/issues", """
                {"title": "", "description": "x", "category": "CITIZEN_SERVICE", "severity": "URGENT",
                 "sectionCode": "shimin-ka"}""")
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.containsString("application/problem+json")))
                .andExpect(jsonPath("$.errors[0].field").value("severity"));
        api.as("sato").post("/api/issues", """
                {"title": "", "description": "x", "category": "CITIZEN_SERVICE", "severity": "LOW",
                 "sectionCode": "shimin-ka"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("title"));
        api.as("sato").post("/api/issues", """
                {"title": "t", "description": "x", "category": "CITIZEN_SERVICE", "severity": "LOW",
                 "sectionCode": "shimin-ka", "colour": "red"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("colour"));
        long denied = jdbc.sql("""
                select count(*) from audit_event where actor = 'sato' and action = 'ACCESS_DENIED'
                  and details like '%raise issues for section fukushi-somu%'""").query(Long.class).single();
        api.as("sato").post("/api/issues", """
                {"title": "t", "description": "x", "category": "CITIZEN_SERVICE", "severity": "LOW",
                 "sectionCode": "fukushi-somu"}""")
                .andExpect(status().isForbidden());
        assertThat(countIssues()).isEqualTo(before);
        assertThat(jdbc.sql("""
                select count(*) from audit_event where actor = 'sato' and action = 'ACCESS_DENIED'
                  and details like '%raise issues for section fukushi-somu%'""").query(Long.class).single())
                .as("the refused raise is audited").isEqualTo(denied + 1);
    }

    @Test
    void aRequestNobodyCouldApproveIsRefusedAndChangesNothing() throws Exception {
        // 政策経営課 has no chief, and nobody is coordinator or head of 政策部: ito alone could act, and may not approve
        // her own request.
        String id = api.as("ito").raise(MEDIUM_ONE_SECTION.replace("shimin-ka", "seisaku-keiei"));
        api.as("ito").post("/api/issues/" + id + "/acknowledge", "{}").andExpect(status().isNoContent());
        long events = jdbc.sql("select count(*) from audit_event where issue_id = ?").param(id).query(Long.class).single();

        api.as("ito").post("/api/issues/" + id + "/escalation-requests", "{\"reason\": \"部内共有が必要\"}")
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("Nobody but the requester")));

        api.as("ito").get("/api/issues/" + id).andExpect(jsonPath("$.status").value("IN_PROGRESS"));
        api.as("ito").get("/api/tasks").andExpect(jsonPath("$.items[?(@.issue.id == '" + id + "')].kind").value(
                org.hamcrest.Matchers.contains("RESPOND")));
        assertThat(jdbc.sql("select count(*) from audit_event where issue_id = ?").param(id).query(Long.class).single())
                .isEqualTo(events);
    }

    @Test
    void aTargetBeyondTheHolidayDataIs503AndWritesNothing() throws Exception {
        // The shipped holiday data ends on 2027-12-31; a LOW issue's P10D from 20 December reaches into 2028.
        ClockUtil.setCurrentTime(Date.from(java.time.OffsetDateTime.parse("2027-12-20T10:00:00+09:00").toInstant()));
        long issues = countIssues();
        long processes = processCount();
        long events = jdbc.sql("select count(*) from audit_event").query(Long.class).single();

        api.as("sato").post("/api/issues", MEDIUM_ONE_SECTION.replace("MEDIUM", "LOW"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.containsString("application/problem+json")))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("2028"),
                        org.hamcrest.Matchers.containsString("syukujitsu.csv"),
                        org.hamcrest.Matchers.containsString("nothing was changed"))));

        assertThat(countIssues()).isEqualTo(issues);
        assertThat(processCount()).isEqualTo(processes);
        assertThat(jdbc.sql("select count(*) from audit_event").query(Long.class).single()).isEqualTo(events);
        api.as("sato").post("/api/issues", MEDIUM_ONE_SECTION).andExpect(status().isCreated());
    }

    @Test
    void theViewAndTheListShowRelatedSectionsAndSharingAndOnlyToTheAudience() throws Exception {
        // Two related sections: the DMN starts the issue at DEPARTMENT, which shares it department-wide.
        String id = api.as("sato").raise("""
                {"title": "関連課と共有先の表示確認", "description": "二つの課にまたがる。",
                 "category": "CITIZEN_SERVICE", "severity": "MEDIUM", "sectionCode": "shimin-ka",
                 "relatedSections": ["keizai", "hoken-nenkin", "keizai"], "personalInfo": false}""");
        for (String reader : List.of("sato", "takahashi", "watanabe")) {
            api.as(reader).get("/api/issues/" + id).andExpect(status().isOk())
                    .andExpect(jsonPath("$.level").value("DEPARTMENT"))
                    .andExpect(jsonPath("$.relatedSections").value(org.hamcrest.Matchers.contains("hoken-nenkin", "keizai")))
                    .andExpect(jsonPath("$.sharedWith").value(org.hamcrest.Matchers.contains("department:shimin-seikatsu")));
        }
        api.as("sato").get("/api/issues?q=関連課と共有先").andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(id))
                .andExpect(jsonPath("$.items[0].relatedSections").value(org.hamcrest.Matchers.contains("hoken-nenkin", "keizai")))
                .andExpect(jsonPath("$.items[0].sharedWith").value(org.hamcrest.Matchers.contains("department:shimin-seikatsu")));
        api.as("yamamoto").get("/api/issues/" + id).andExpect(status().isNotFound());
        api.as("yamamoto").get("/api/issues?q=関連課と共有先").andExpect(jsonPath("$.total").value(0));
        assertThat(jdbc.sql("select count(*) from audit_event where issue_id = ? and actor = 'yamamoto' and action = 'ACCESS_DENIED'")
                .param(id).query(Long.class).single()).as("the 404 is audited").isEqualTo(1);
        assertThat(jdbc.sql("select principal || '=' || reason from issue_audience where issue_id = ? and level = 'SECTION' order by principal")
                .param(id).query(String.class).list()).as("each principal once, with the first reason")
                .containsExactly("section:hoken-nenkin=RELATED_SECTION", "section:keizai=RELATED_SECTION",
                        "section:shimin-ka=OWNING_SECTION", "user:sato=RAISER");
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheSameIssue() throws Exception {
        String key = java.util.UUID.randomUUID().toString();
        var first = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/issues")
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic("sato", "demo"))
                .header("Idempotency-Key", key).contentType("application/json").content(MEDIUM_ONE_SECTION))
                .andExpect(status().isCreated()).andReturn();
        long processes = processCount();
        var second = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/issues")
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic("sato", "demo"))
                .header("Idempotency-Key", key).header("Prefer", "return=minimal")
                .contentType("application/json").content(MEDIUM_ONE_SECTION))
                .andExpect(status().isOk()).andReturn();
        assertThat(second.getResponse().getHeader("Location")).isEqualTo(first.getResponse().getHeader("Location"));
        assertThat(processCount()).isEqualTo(processes);
        assertThat(second.getResponse().getHeader("Preference-Applied")).isEqualTo("return=minimal");
        assertThat(com.jayway.jsonpath.JsonPath.<String>read(second.getResponse().getContentAsString(), "$.number"))
                .as("the earlier issue's number, found by its key")
                .isEqualTo(com.jayway.jsonpath.JsonPath.<String>read(first.getResponse().getContentAsString(), "$.number"));

        // The same key with a different request is refused, and nothing is raised.
        long issues = countIssues();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/issues")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic("sato", "demo"))
                        .header("Idempotency-Key", key).contentType("application/json")
                        .content(MEDIUM_ONE_SECTION.replace("窓口の待ち時間が長い", "別の件")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
        assertThat(countIssues()).isEqualTo(issues);
        assertThat(processCount()).isEqualTo(processes);
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    org.camunda.bpm.engine.RuntimeService runtime;

    long countIssues() {
        return jdbc.sql("select count(*) from issue").query(Long.class).single();
    }

    long processCount() {
        return runtime.createProcessInstanceQuery().processDefinitionKey("issue-escalation").count();
    }

    /** One job at a time: a breach removes its level's other timers, so a list fetched up front goes stale. */
    void runDueJobs() {
        for (int i = 0; i < 1000; i++) {
            List<Job> due = management.createJobQuery().executable().active().listPage(0, 1);
            if (due.isEmpty()) {
                return;
            }
            management.executeJob(due.get(0).getId());
        }
        throw new AssertionError("jobs keep falling due");
    }
}
