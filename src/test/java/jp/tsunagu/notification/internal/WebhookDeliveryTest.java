package jp.tsunagu.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.util.List;

import jp.tsunagu.notification.AbstractNotificationIntegrationTest;
import jp.tsunagu.notification.WebhookReceiver;
import jp.tsunagu.notification.WebhookReceiver.Call;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A chat tool's receiver on a random port: it checks the signature and sees retries with the same key. */
class WebhookDeliveryTest extends AbstractNotificationIntegrationTest {

    static final String SECRET = "test-secret-0123456789";

    @Autowired
    OutboxWorker worker;

    @Autowired
    WebhookDelivery delivery;

    @Autowired
    WebhookRepository webhooks;

    WebhookReceiver receiver;
    List<Call> calls;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = new WebhookReceiver();
        calls = receiver.calls();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    private String url(String path) {
        return receiver.url(path);
    }

    /** Touches a second section, so the routing decision starts it at DEPARTMENT (部内共有). */
    static final String AT_DEPARTMENT = MEDIUM_ONE_SECTION.replace("\"relatedSections\": []",
            "\"relatedSections\": [\"hoken-nenkin\"]");

    private void register(String scope, String code, String path) throws Exception {
        api.as("admin").post("/api/admin/webhooks", """
                {"scope": "%s", "scopeCode": "%s", "url": "%s", "events": ["TASK_ASSIGNED"], "secret": "%s"}"""
                .formatted(scope, code, url(path), SECRET)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.secret").value(SECRET));
    }

    @Test
    void onlyAdministratorsManageWebhooks() throws Exception {
        api.as("suzuki").post("/api/admin/webhooks", "{}").andExpect(status().isForbidden());
        api.as("suzuki").get("/api/admin/webhooks/failures").andExpect(status().isForbidden());
        api.as("admin").post("/api/admin/webhooks", """
                {"scope": "TEAM", "scopeCode": "shimin-ka", "url": "ftp://x", "events": []}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItems("scope", "url", "events")));
    }

    @Test
    void aSignedCallIsRetriedAfterA500WithTheSameKeyAndBody() throws Exception {
        register("SECTION", "shimin-ka", "/chat");
        receiver.answers().add(500);
        String id = api.as("sato").raise(MEDIUM_ONE_SECTION);

        worker.deliverDue();
        assertThat(calls).hasSize(1);
        worker.deliverDue();
        assertThat(calls).as("the backoff holds the retry back").hasSize(1);
        setClock(OPEN_HOURS.plusSeconds(31));
        worker.deliverDue();
        worker.deliverDue();

        assertThat(calls).hasSize(2);
        for (Call call : calls) {
            assertThat(call.signature()).isEqualTo(WebhookSignature.sign(SECRET, call.timestamp(), call.body()));
            assertThat(call.body()).contains("\"issueId\":\"" + id + "\"").contains("\"event\":\"TASK_ASSIGNED\"")
                    .doesNotContain("待ち時間");
        }
        assertThat(calls.get(1).key()).isEqualTo(calls.get(0).key()).startsWith("TASK_ASSIGNED:" + id);
        assertThat(calls.get(1).body()).isEqualTo(calls.get(0).body());
        assertThat(calls.stream().map(Call::key).distinct()).as("the receiver de-duplicates on the key").hasSize(1);
        api.as("admin").get("/api/admin/webhooks/failures").andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void aDepartmentsEndpointHearsOnlyOfIssuesSharedWithTheDepartment() throws Exception {
        register("DEPARTMENT", "shimin-seikatsu", "/department");
        assertThat(jdbc.sql("""
                select details from audit_event where actor = 'admin' and action = 'ADMINISTRATION_CHANGED'
                  and details like '%webhook registered%' order by seq desc""").query(String.class).list().get(0))
                .as("the registration is audited by host, without the secret or the address's path")
                .contains("127.0.0.1").contains("shimin-seikatsu").doesNotContain(SECRET).doesNotContain("/department");
        api.as("sato").raise(MEDIUM_ONE_SECTION);
        worker.deliverDue();
        assertThat(calls).as("an issue at SECTION stays in the section").isEmpty();

        String shared = api.as("sato").raise(AT_DEPARTMENT);
        worker.deliverDue();
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0).body()).contains("\"issueId\":\"" + shared + "\"").contains("\"level\":\"DEPARTMENT\"");
    }

    @Test
    void aCallThatKeepsFailingEndsInTheAdministratorsFailureList() throws Exception {
        register("DEPARTMENT", "shimin-seikatsu", "/broken");
        api.as("sato").raise(AT_DEPARTMENT);
        for (int attempt = 0; attempt < 10; attempt++) {
            setClock(OPEN_HOURS.plusSeconds(7200L * attempt));
            worker.deliverDue();
        }
        assertThat(calls).hasSize(8);
        api.as("admin").get("/api/admin/webhooks/failures")
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].attempts").value(8))
                .andExpect(jsonPath("$.items[0].event").value("TASK_ASSIGNED"))
                .andExpect(jsonPath("$.items[0].lastError").value(org.hamcrest.Matchers.containsString("500")))
                .andExpect(jsonPath("$.items[0].url").value(url("/broken")));
        api.as("admin").get("/api/admin/webhooks").andExpect(jsonPath("$.items[0].scope").value("DEPARTMENT"))
                .andExpect(jsonPath("$.items[0].secret").doesNotExist());
    }

    @Test
    void theAddressAndTheSecretAreStoredSealedAndStillSignAndDeliver() throws Exception {
        register("SECTION", "shimin-ka", "/chat/T0KEN-IN-PATH");

        var row = jdbc.sql("select url, secret, sealed from webhook_endpoint").query().singleRow();
        assertThat((String) row.get("url")).startsWith("v1:").doesNotContain("127.0.0.1").doesNotContain("T0KEN");
        assertThat((String) row.get("secret")).startsWith("v1:").doesNotContain(SECRET);
        assertThat(row.get("sealed")).isEqualTo(true);

        api.as("sato").raise(MEDIUM_ONE_SECTION);
        worker.deliverDue();
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0).path()).isEqualTo("/chat/T0KEN-IN-PATH");
        assertThat(calls.get(0).signature())
                .isEqualTo(WebhookSignature.sign(SECRET, calls.get(0).timestamp(), calls.get(0).body()));
    }

    @Test
    void anEndpointStoredInClearBeforeSealingDeliversAndIsSealedAtTheNextStart() throws Exception {
        jdbc.sql("""
                insert into webhook_endpoint (id, scope_type, scope_code, url, secret, event_types, enabled, created_at,
                    created_by, sealed)
                values ('legacy', 'SECTION', 'shimin-ka', ?, ?, 'TASK_ASSIGNED', true, ?, 'admin', false)""")
                .params(url("/legacy"), SECRET, java.sql.Timestamp.from(OPEN_HOURS)).update();
        api.as("sato").raise(MEDIUM_ONE_SECTION);
        worker.deliverDue();
        assertThat(calls).extracting(Call::path).containsExactly("/legacy");

        webhooks.sealClearRows();

        var row = jdbc.sql("select url, secret, sealed from webhook_endpoint where id = 'legacy'").query().singleRow();
        assertThat((String) row.get("url")).startsWith("v1:").doesNotContain("legacy");
        assertThat((String) row.get("secret")).startsWith("v1:");
        assertThat(row.get("sealed")).isEqualTo(true);
        api.as("sato").raise(MEDIUM_ONE_SECTION);
        worker.deliverDue();
        assertThat(calls).extracting(Call::path).containsExactly("/legacy", "/legacy");
        assertThat(calls.get(1).signature())
                .isEqualTo(WebhookSignature.sign(SECRET, calls.get(1).timestamp(), calls.get(1).body()));
        api.as("admin").get("/api/admin/webhooks").andExpect(jsonPath("$.items[0].url").value(url("/legacy")));
    }

    @Test
    void aCrashAfterTheCallSendsAgainOnlyAfterTheLeaseAndTheReceiverKeepsOne() throws Exception {
        register("SECTION", "shimin-ka", "/chat");
        api.as("sato").raise(MEDIUM_ONE_SECTION);
        List<OutboxMessage> claimed = worker.claim();
        assertThat(claimed).filteredOn(m -> m.channel() == OutboxMessage.Channel.WEBHOOK).hasSize(1);
        delivery.send(claimed.stream().filter(m -> m.channel() == OutboxMessage.Channel.WEBHOOK).findFirst().get());
        // The worker dies here: the call went out, the row was never marked.

        worker.deliverDue();
        assertThat(calls).as("the dead worker's lease still holds").hasSize(1);
        setClock(OPEN_HOURS.plus(java.time.Duration.ofMinutes(6)));
        worker.deliverDue();
        assertThat(calls).hasSize(2);
        assertThat(calls.stream().map(Call::key).distinct()).hasSize(1);
        assertThat(jdbc.sql("select count(*) from notification_outbox where status <> 'SENT'").query(Long.class)
                .single()).isZero();
    }
}
