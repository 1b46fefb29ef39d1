package jp.tsunagu.notification.internal;

import static jp.tsunagu.testsupport.DemoPeople.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import jp.tsunagu.notification.AbstractNotificationIntegrationTest;
import jp.tsunagu.notification.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The administrator switches an endpoint off and on, changes its events and removes it, through the API and the
 * page; a removed section takes its endpoints with it. Calls still queued for an endpoint switched off or removed
 * never reach its address, and every change is audited without the address's path.
 */
class WebhookAdministrationTest extends AbstractNotificationIntegrationTest {

    static final String SECRET = "test-secret-0123456789";

    @Autowired
    OutboxWorker worker;

    WebhookReceiver receiver;
    /** The audit trail is append-only: each test reads what came after this. */
    long auditedBefore;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = new WebhookReceiver();
        auditedBefore = jdbc.sql("select coalesce(max(seq), 0) from audit_event").query(Long.class).single();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    private String register(String scope, String code, String path) throws Exception {
        String body = api.as("admin").post("/api/admin/webhooks", """
                        {"scope": "%s", "scopeCode": "%s", "url": "%s", "events": ["TASK_ASSIGNED"], "secret": "%s"}"""
                        .formatted(scope, code, receiver.url(path), SECRET))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.endpoint.id");
    }

    private List<String> webhookChanges() {
        return jdbc.sql("""
                select details from audit_event where action = 'ADMINISTRATION_CHANGED' and details like '%webhook%'
                  and details not like '%webhook registered%' and seq > ? order by seq""")
                .param(auditedBefore).query(String.class).list();
    }

    private Map<String, Object> outboxRow() {
        return jdbc.sql("select status, last_error from notification_outbox where channel = 'WEBHOOK'").query()
                .singleRow();
    }

    @Test
    void switchedOffAnEndpointDropsItsQueuedCallAndHearsNothingUntilSwitchedOn() throws Exception {
        String id = register("SECTION", "shimin-ka", "/chat/T0KEN");
        api.as("sato").raise(MEDIUM_ONE_SECTION);

        api.as("admin").patch("/api/admin/webhooks/" + id, "{\"enabled\": false}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enabled").value(false))
                .andExpect(jsonPath("$.events[0]").value("TASK_ASSIGNED"));
        worker.deliverDue();
        api.as("sato").raise(MEDIUM_ONE_SECTION);
        worker.deliverDue();

        assertThat(receiver.calls()).as("the queued call was dropped, and nothing new was queued").isEmpty();
        assertThat(outboxRow()).containsEntry("status", "DROPPED");
        assertThat(webhookChanges()).singleElement().asString()
                .contains("webhook changed", "\"enabled\":false", "\"before.enabled\":true", "\"droppedCalls\":1",
                        "127.0.0.1")
                .doesNotContain("T0KEN");

        api.as("admin").patch("/api/admin/webhooks/" + id, "{\"enabled\": true}")
                .andExpect(jsonPath("$.enabled").value(true));
        String heard = api.as("sato").raise(MEDIUM_ONE_SECTION);
        worker.deliverDue();
        assertThat(receiver.calls()).singleElement()
                .satisfies(call -> assertThat(call.body()).contains("\"issueId\":\"" + heard + "\""));
    }

    @Test
    void changedEventsDecideWhatIsSentAndAnEmptyChoiceIsRefused() throws Exception {
        String id = register("SECTION", "shimin-ka", "/chat");
        api.as("admin").patch("/api/admin/webhooks/" + id, "{\"events\": []}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("events"));
        api.as("admin").patch("/api/admin/webhooks/" + id, "{\"events\": [null]}")
                .andExpect(status().isBadRequest());
        api.as("admin").patch("/api/admin/webhooks/" + id, "{\"events\": [\"ISSUE_RESOLVED\"]}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.events.length()").value(1))
                .andExpect(jsonPath("$.events[0]").value("ISSUE_RESOLVED"))
                .andExpect(jsonPath("$.enabled").value(true));
        api.as("admin").patch("/api/admin/webhooks/" + id, "{\"events\": [\"ISSUE_RESOLVED\"]}")
                .andExpect(status().isOk());

        api.as("sato").raise(MEDIUM_ONE_SECTION);
        worker.deliverDue();

        assertThat(receiver.calls()).as("a new task is no longer an event it wants").isEmpty();
        assertThat(webhookChanges()).as("the repeat changed nothing and is not audited").singleElement().asString()
                .contains("\"before.events\":[\"TASK_ASSIGNED\"]", "\"events\":[\"ISSUE_RESOLVED\"]")
                .doesNotContain("droppedCalls");
    }

    @Test
    void aRemovedEndpointIsGoneWithItsQueuedCalls() throws Exception {
        String id = register("SECTION", "shimin-ka", "/chat");
        api.as("sato").raise(MEDIUM_ONE_SECTION);

        api.as("admin").delete("/api/admin/webhooks/" + id).andExpect(status().isNoContent());
        worker.deliverDue();

        assertThat(receiver.calls()).isEmpty();
        assertThat(outboxRow()).containsEntry("status", "DROPPED").containsEntry("last_error", "webhook removed");
        api.as("admin").get("/api/admin/webhooks").andExpect(jsonPath("$.total").value(0));
        assertThat(webhookChanges()).singleElement().asString()
                .contains("webhook removed", id, "shimin-ka", "\"droppedCalls\":1");
        api.as("admin").delete("/api/admin/webhooks/" + id).andExpect(status().isNotFound());
        api.as("admin").patch("/api/admin/webhooks/" + id, "{\"enabled\": true}").andExpect(status().isNotFound());
    }

    /**
     * A call queued by a transaction that read the endpoint just before it was switched off or removed, and committed
     * just after its queued calls were dropped: the worker drops it when it comes to it, without an attempt.
     */
    @Test
    void aCallQueuedJustBeforeItsEndpointWentIsDroppedByTheWorker() throws Exception {
        String off = register("SECTION", "shimin-ka", "/off");
        String gone = register("SECTION", "shimin-ka", "/gone");
        api.as("sato").raise(MEDIUM_ONE_SECTION);
        jdbc.sql("update webhook_endpoint set enabled = false where id = ?").param(off).update();
        jdbc.sql("delete from webhook_endpoint where id = ?").param(gone).update();

        worker.deliverDue();

        assertThat(receiver.calls()).isEmpty();
        assertThat(jdbc.sql("""
                select recipient, status, last_error, attempts from notification_outbox where channel = 'WEBHOOK'""")
                .query((rs, i) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getInt(4))
                .list())
                .containsExactlyInAnyOrder(off + " DROPPED webhook switched off 0", gone + " DROPPED webhook removed 0");
    }

    @Test
    void onlyAdministratorsChangeOrRemoveEndpoints() throws Exception {
        String id = register("SECTION", "shimin-ka", "/chat");
        api.as("suzuki").patch("/api/admin/webhooks/" + id, "{\"enabled\": false}")
                .andExpect(status().isForbidden());
        api.as("suzuki").delete("/api/admin/webhooks/" + id).andExpect(status().isForbidden());
        mvc.perform(post("/admin/webhooks/" + id + "/remove").with(user("suzuki").roles("SECTION_CHIEF")).with(csrf()))
                .andExpect(status().isForbidden());
        api.as("admin").get("/api/admin/webhooks").andExpect(jsonPath("$.items[0].enabled").value(true));
    }

    @Test
    void aRemovedSectionTakesItsEndpointsWithIt() throws Exception {
        mvc.perform(post("/admin/organisation/sections").with(admin()).with(csrf())
                        .param("departmentCode", "fukushi").param("code", "kari-ka")
                        .param("nameJa", "仮設課").param("nameEn", "Temporary Section"))
                .andExpect(redirectedUrl("/admin/organisation"));
        String id = register("SECTION", "kari-ka", "/kari");
        register("SECTION", "shimin-ka", "/chat");

        mvc.perform(post("/admin/organisation/unit-removals").with(admin()).with(csrf())
                        .param("unit", "section:kari-ka"))
                .andExpect(redirectedUrl("/admin/organisation"));

        api.as("admin").get("/api/admin/webhooks")
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].scopeCode").value("shimin-ka"));
        assertThat(webhookChanges()).singleElement().asString()
                .contains("webhook removed with its section", id, "kari-ka").doesNotContain("/kari");
        assertThat(jdbc.sql("select actor from audit_event where details like '%webhook removed with%' and seq > ?")
                .param(auditedBefore).query(String.class).single()).isEqualTo("admin");
    }

    @Test
    void thePageRegistersAnEndpointShowsItsSecretOnceAndSwitchesItOffAndOn() throws Exception {
        MvcResult registered = mvc.perform(post("/admin/webhooks").with(admin()).with(csrf())
                        .param("unit", "department:shimin-seikatsu").param("url", receiver.url("/room/T0KEN"))
                        .param("events", "TASK_ASSIGNED", "SLA_BREACHED").param("secret", ""))
                .andExpect(redirectedUrl("/admin/webhooks"))
                .andExpect(flash().attribute("successKey", "admin.webhooks.registered"))
                .andReturn();
        String secret = (String) registered.getFlashMap().get("newSecret");
        assertThat(secret).as("generated, since none was given").hasSizeGreaterThanOrEqualTo(32);

        mvc.perform(get("/admin/webhooks").with(admin()).flashAttrs(registered.getFlashMap()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(secret)))
                .andExpect(content().string(containsString("送信先を登録しました。")))
                .andExpect(content().string(containsString("市民生活部")))
                .andExpect(content().string(containsString(receiver.url("/…"))))
                .andExpect(content().string(containsString("期限超過")))
                .andExpect(content().string(not(containsString("T0KEN"))));
        String page = mvc.perform(get("/admin/webhooks").with(admin())).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).doesNotContain(secret);
        assertThat(page).as("a switched-on endpoint offers switching off, with the form's CSRF token")
                .containsPattern("(?s)<form class=\"inline-form\" action=\"/admin/webhooks/[^\"]+/disable\" method=\"post\">"
                        + "<input type=\"hidden\" name=\"_csrf\"")
                .contains("webhook-disable", "webhook-remove").doesNotContain("webhook-enable");

        String id = jdbc.sql("select id from webhook_endpoint").query(String.class).single();
        mvc.perform(post("/admin/webhooks/" + id + "/disable").with(admin()).with(csrf()))
                .andExpect(redirectedUrl("/admin/webhooks"))
                .andExpect(flash().attribute("successKey", "admin.webhooks.disabled"));
        mvc.perform(get("/admin/webhooks").with(admin()))
                .andExpect(content().string(containsString("停止中")))
                .andExpect(content().string(containsString("webhook-enable")))
                .andExpect(content().string(not(containsString("webhook-disable"))));
        mvc.perform(post("/admin/webhooks/" + id + "/enable").with(admin()).with(csrf()))
                .andExpect(flash().attribute("successKey", "admin.webhooks.enabled"));
        mvc.perform(post("/admin/webhooks/" + id + "/remove").with(admin()).with(csrf()))
                .andExpect(flash().attribute("successKey", "admin.webhooks.removed"));
        mvc.perform(post("/admin/webhooks/" + id + "/remove").with(admin()).with(csrf()))
                .andExpect(redirectedUrl("/admin/webhooks"))
                .andExpect(flash().attribute("errorKey", "admin.webhooks.error.gone"));
        assertThat(jdbc.sql("select actor from audit_event where details like '%webhook%' and seq > ?")
                .param(auditedBefore).query(String.class).list())
                .as("registered, switched off, on, removed").hasSize(4).containsOnly("admin");
    }

    @Test
    void thePageChangesAnEndpointsEventsAndRefusesAnEmptyChoiceLeavingThemAsTheyWere() throws Exception {
        String id = register("SECTION", "shimin-ka", "/chat");
        String page = mvc.perform(get("/admin/webhooks").with(admin())).andReturn().getResponse().getContentAsString();
        assertThat(page).as("the change form shows the events in force, ticked")
                .containsPattern("(?s)<form class=\"action-form webhook-events-form\" action=\"/admin/webhooks/" + id
                        + "/events\"\\s+method=\"post\"")
                .containsPattern("id=\"events-" + id + "-TASK_ASSIGNED\" value=\"TASK_ASSIGNED\" checked")
                .doesNotContainPattern("id=\"events-" + id + "-SLA_BREACHED\" value=\"SLA_BREACHED\" checked");

        mvc.perform(post("/admin/webhooks/" + id + "/events").with(admin()).with(csrf()))
                .andExpect(redirectedUrl("/admin/webhooks"))
                .andExpect(flash().attribute("errorKey", "admin.webhooks.error.events"));
        api.as("admin").get("/api/admin/webhooks").andExpect(jsonPath("$.items[0].events[0]").value("TASK_ASSIGNED"))
                .andExpect(jsonPath("$.items[0].events.length()").value(1));

        mvc.perform(post("/admin/webhooks/" + id + "/events").with(admin()).with(csrf())
                        .param("events", "SLA_BREACHED", "ISSUE_RESOLVED", "NO_SUCH_EVENT"))
                .andExpect(redirectedUrl("/admin/webhooks"))
                .andExpect(flash().attribute("successKey", "admin.webhooks.events.saved"));
        api.as("admin").get("/api/admin/webhooks").andExpect(jsonPath("$.items[0].events.length()").value(2));
        mvc.perform(get("/admin/webhooks").with(admin()).param("lang", "en"))
                .andExpect(content().string(containsString("Change events")));

        api.as("sato").raise(MEDIUM_ONE_SECTION);
        worker.deliverDue();
        assertThat(receiver.calls()).as("a new task is no longer an event it wants").isEmpty();
        assertThat(webhookChanges()).as("the refused choice is not audited, the saved one is").singleElement()
                .asString().contains("\"before.events\":[\"TASK_ASSIGNED\"]", "SLA_BREACHED", "ISSUE_RESOLVED");
        assertThat(jdbc.sql("select actor from audit_event where details like '%webhook changed%' and seq > ?")
                .param(auditedBefore).query(String.class).single()).isEqualTo("admin");

        mvc.perform(post("/admin/webhooks/no-such-webhook/events").with(admin()).with(csrf())
                        .param("events", "SLA_BREACHED"))
                .andExpect(flash().attribute("errorKey", "admin.webhooks.error.gone"));
        mvc.perform(post("/admin/webhooks/" + id + "/events").with(user("sato")).with(csrf())
                        .param("events", "SLA_BREACHED"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aRefusedRegistrationComesBackWithItsErrorsInTheReadersLanguageAndNothingRegistered() throws Exception {
        mvc.perform(post("/admin/webhooks").with(admin()).with(csrf())
                        .param("unit", "").param("url", "ftp://chat.example/x").param("secret", "short"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("部または課を選んでください。")))
                .andExpect(content().string(containsString("http または https で始まるアドレス")))
                .andExpect(content().string(containsString("送る出来事を1つ以上選んでください。")))
                .andExpect(content().string(containsString("秘密鍵は16〜200文字")))
                .andExpect(content().string(containsString("value=\"ftp://chat.example/x\"")))
                .andExpect(content().string(not(containsString("value=\"short\""))));
        mvc.perform(post("/admin/webhooks").with(admin()).with(csrf()).param("lang", "en")
                        .param("unit", "section:shimin-ka").param("url", "https://chat.example/x"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Choose at least one event.")));
        assertThat(jdbc.sql("select count(*) from webhook_endpoint").query(Long.class).single()).isZero();
    }
}
