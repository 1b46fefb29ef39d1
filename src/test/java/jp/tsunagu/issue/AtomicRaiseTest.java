package jp.tsunagu.issue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.atomic.AtomicBoolean;

import jp.tsunagu.AbstractIntegrationTest;
import jp.tsunagu.testsupport.Api;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The issue row, its process instance and its audit event commit together or not at all: a failure at the last moment
 * before commit, after all three were written, leaves none of them behind.
 */
@AutoConfigureMockMvc
class AtomicRaiseTest extends AbstractIntegrationTest {

    static final AtomicBoolean FAIL_AT_COMMIT = new AtomicBoolean();

    @TestConfiguration
    static class FailingCommit {

        @EventListener
        void on(IssueRaised raised) {
            if (FAIL_AT_COMMIT.get()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public int getOrder() {
                        return LOWEST_PRECEDENCE;
                    }

                    @Override
                    public void beforeCommit(boolean readOnly) {
                        throw new IllegalStateException("the database went away");
                    }
                });
            }
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RuntimeService runtime;

    @AfterEach
    void healthyAgain() {
        FAIL_AT_COMMIT.set(false);
    }

    @Test
    void aFailedCommitLeavesNoIssueNoProcessAndNoAuditEvent() throws Exception {
        long issues = count("issue");
        long events = count("audit_event");
        long processes = runtime.createProcessInstanceQuery().count();
        FAIL_AT_COMMIT.set(true);

        new Api(mvc).as("sato").post("/api/issues", """
                {"title": "途中で失敗", "description": "コミット直前に失敗する", "category": "OTHER", "severity": "LOW",
                 "sectionCode": "shimin-ka", "relatedSections": [], "personalInfo": false}""")
                .andExpect(status().is5xxServerError());

        assertThat(count("issue")).isEqualTo(issues);
        assertThat(count("audit_event")).isEqualTo(events);
        assertThat(count("work_item")).isEqualTo(jdbc.sql("select count(*) from work_item w join issue i on i.id = w.issue_id")
                .query(Long.class).single());
        assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(processes);

        FAIL_AT_COMMIT.set(false);
        new Api(mvc).as("sato").post("/api/issues", """
                {"title": "成功", "description": "d", "category": "OTHER", "severity": "LOW",
                 "sectionCode": "shimin-ka", "relatedSections": [], "personalInfo": false}""")
                .andExpect(status().isCreated());
        assertThat(count("issue")).isEqualTo(issues + 1);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
