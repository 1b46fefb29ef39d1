package jp.tsunagu.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Arrays;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import jakarta.mail.internet.MimeMessage;
import jp.tsunagu.notification.AbstractNotificationIntegrationTest;
import jp.tsunagu.org.OrganisationAdministration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The escalation core's scenario, and the mails and in-app notifications it sends. */
class MailScenarioTest extends AbstractNotificationIntegrationTest {

    static final String MARKER = "PII-MARKER-9f3c";

    @Autowired
    OutboxWorker worker;

    @Autowired
    OrganisationAdministration administration;

    @Test
    void theScenarioSendsTheRightMailsToTheRightPeople() throws Exception {
        String id = api.as("sato").raise(MEDIUM_ONE_SECTION);
        String issue = "/api/issues/" + id;
        worker.deliverDue();
        assertThat(subjects("sato")).singleElement().asString().contains("新しい受付タスク").contains("New task");
        assertThat(subjects("suzuki")).singleElement().asString().contains("新しい受付タスク");
        assertThat(mailsTo("takahashi")).isEmpty();
        MimeMessage first = mailsTo("sato").get(0);
        assertThat(text(first)).contains("https://tsunagu.city.example.lg.jp/issues/" + id)
                .contains("個人情報を記載していません").contains("carries no personal details");
        assertThat(header(first, MailDelivery.DEDUP_KEY_HEADER)).startsWith("TASK_ASSIGNED:" + id + ":SECTION:user:sato#");

        api.as("sato").post(issue + "/acknowledge", "{}").andExpect(status().isNoContent());
        api.as("sato").post(issue + "/escalation-requests", "{\"reason\": \"他課の窓口にも影響\"}")
                .andExpect(status().isNoContent());
        MAIL.reset();
        worker.deliverDue();
        assertThat(subjects("suzuki")).singleElement().asString().contains("承認依頼");
        assertThat(mailsTo("sato")).as("nobody is asked to approve their own request").isEmpty();

        api.as("suzuki").post(issue + "/escalation-requests/current/approve", "{}").andExpect(status().isNoContent());
        MAIL.reset();
        worker.deliverDue();
        assertThat(subjects("sato")).anyMatch(s -> s.contains("承認されました"))
                .anyMatch(s -> s.contains("部内共有"));
        assertThat(subjects("takahashi")).singleElement().asString().contains("課題が共有されました");
        assertThat(subjects("kimura")).as("the coordinator's new task says it all: no second mail that it was shared")
                .singleElement().asString().contains("新しい受付タスク");
        assertThat(mailsTo("yamamoto")).isEmpty();

        api.as("kimura").post(issue + "/acknowledge", "{}").andExpect(status().isNoContent());
        api.as("kimura").post(issue + "/resolve", "{\"resolution\": \"部内で対応した\"}").andExpect(status().isNoContent());
        MAIL.reset();
        worker.deliverDue();
        assertThat(subjects("sato")).singleElement().asString().contains("解決しました");

        String inbox = api.as("sato").get("/api/notifications").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        List<String> events = JsonPath.read(inbox, "$.items[*].event");
        assertThat(events).first().isEqualTo("ISSUE_RESOLVED");
        assertThat(events).contains("TASK_ASSIGNED", "APPROVAL_DECIDED", "ISSUE_SHARED");
        int unread = JsonPath.read(inbox, "$.unread");
        Integer newest = JsonPath.read(inbox, "$.items[0].id");
        api.as("suzuki").post("/api/notifications/" + newest + "/read", "{}").andExpect(status().isNotFound());
        api.as("sato").post("/api/notifications/" + newest + "/read", "{}").andExpect(status().isNoContent());
        api.as("sato").get("/api/notifications").andExpect(jsonPath("$.unread").value(unread - 1))
                .andExpect(jsonPath("$.items[0].read").value(true));
    }

    @Test
    void aRaiserIsToldOfAResolutionOnlyWhenSomebodyElseResolved() throws Exception {
        String own = api.as("sato").raise(MEDIUM_ONE_SECTION);
        api.as("sato").post("/api/issues/" + own + "/acknowledge", "{}").andExpect(status().isNoContent());
        api.as("sato").post("/api/issues/" + own + "/resolve", "{\"resolution\": \"自分で対応した\"}")
                .andExpect(status().isNoContent());
        String byColleague = api.as("sato").raise(MEDIUM_ONE_SECTION);
        api.as("suzuki").post("/api/issues/" + byColleague + "/acknowledge", "{}").andExpect(status().isNoContent());
        api.as("suzuki").post("/api/issues/" + byColleague + "/resolve", "{\"resolution\": \"課長が対応した\"}")
                .andExpect(status().isNoContent());

        String inbox = api.as("sato").get("/api/notifications?size=100").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        List<String> resolvedIssues = JsonPath.read(inbox, "$.items[?(@.event == 'ISSUE_RESOLVED')].issueId");
        assertThat(resolvedIssues).contains(byColleague).doesNotContain(own);
    }

    @Test
    void noMailNotificationOrWebhookCarriesPersonalDetails() throws Exception {
        String id = api.as("sato").raise("""
                {"title": "個人情報の誤送付", "description": "書類を誤って送付した。",
                 "category": "PERSONAL_INFORMATION", "severity": "HIGH", "sectionCode": "shimin-ka",
                 "relatedSections": [], "personalInfo": true, "personalDetails": "%s 国分寺市本町1-2-3"}"""
                .formatted(MARKER));
        String level = JsonPath.read(api.as("sato").get("/api/issues/" + id).andReturn().getResponse()
                .getContentAsString(), "$.level");
        String responder = "CITY".equals(level) ? "ito" : "kimura";
        api.as(responder).post("/api/issues/" + id + "/acknowledge", "{}").andExpect(status().isNoContent());
        api.as(responder).post("/api/issues/" + id + "/resolve", "{\"resolution\": \"回収した\"}")
                .andExpect(status().isNoContent());
        worker.deliverDue();

        assertThat(MAIL.getReceivedMessages()).isNotEmpty();
        assertThat(Arrays.stream(MAIL.getReceivedMessages()).map(AbstractNotificationIntegrationTest::text))
                .noneMatch(text -> text.contains(MARKER) || text.contains("本町"));
        assertThat(jdbc.sql("select payload from notification_outbox").query(String.class).list())
                .isNotEmpty().noneMatch(payload -> payload.contains(MARKER));
        assertThat(api.as("sato").get("/api/notifications").andReturn().getResponse().getContentAsString())
                .doesNotContain(MARKER).contains(id);
    }

    private static List<String> subjects(String username) {
        return mailsTo(username).stream().map(AbstractNotificationIntegrationTest::subject).toList();
    }

    @Test
    void aPersonWithTheirOwnAddressIsMailedThereAndTheOthersAtTheUsualOne() throws Exception {
        administration.changeNameAndMailAddress("suzuki", "鈴木 一郎", "ichiro.suzuki@mail.city.example.lg.jp");
        try {
            api.as("sato").raise(MEDIUM_ONE_SECTION);
            worker.deliverDue();

            assertThat(recipientsOf(MAIL.getReceivedMessages())).contains("ichiro.suzuki@mail.city.example.lg.jp",
                    "sato@city.example.lg.jp").doesNotContain("suzuki@city.example.lg.jp");
        } finally {
            administration.changeNameAndMailAddress("suzuki", "鈴木 一郎", null);
        }
    }

    private static List<String> recipientsOf(MimeMessage[] messages) throws Exception {
        List<String> recipients = new java.util.ArrayList<>();
        for (MimeMessage message : messages) {
            Arrays.stream(message.getAllRecipients()).map(Object::toString).forEach(recipients::add);
        }
        return recipients;
    }
}
