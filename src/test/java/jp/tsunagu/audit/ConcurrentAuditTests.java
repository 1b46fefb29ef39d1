package jp.tsunagu.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Eight people raise and work on issues at the same moment. Every event of every transaction lands in the chain, the
 * seq has no gap and the chain verifies: the single writer path holds. Runs on H2 and on PostgreSQL.
 */
abstract class ConcurrentAuditTests extends AbstractAuditIntegrationTest {

    static final int THREADS = 8;
    static final int ISSUES_PER_THREAD = 3;
    /** Who acts in each thread, and their section. */
    static final String[][] PEOPLE = {{"sato", "shimin-ka"}, {"suzuki", "shimin-ka"}, {"takahashi", "hoken-nenkin"},
            {"kobayashi", "hoken-nenkin"}, {"yamamoto", "fukushi-somu"}, {"sato", "shimin-ka"},
            {"takahashi", "hoken-nenkin"}, {"yamamoto", "fukushi-somu"}};

    @Test
    void eightThreadsAtOnceLeaveAValidGapFreeChain() throws Exception {
        long before = count("select count(*) from audit_event");
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<String>>> results = new ArrayList<>();
        try {
            for (String[] person : PEOPLE) {
                results.add(pool.submit(work(person[0], person[1], start)));
            }
            start.countDown();
            List<String> issues = new ArrayList<>();
            for (Future<List<String>> result : results) {
                issues.addAll(result.get(5, TimeUnit.MINUTES));
            }

            assertThat(issues).hasSize(THREADS * ISSUES_PER_THREAD).doesNotHaveDuplicates();
            for (String issue : issues) {
                List<String> actions = jdbc.sql("select action from audit_event where issue_id = ? order by seq")
                        .param(issue).query(String.class).list();
                assertThat(actions).as(issue).containsSubsequence("ISSUE_RAISED", "LEVEL_ENTERED",
                        "ISSUE_ACKNOWLEDGED", "COMMENT_ADDED", "ESCALATION_REQUESTED");
            }
        } finally {
            pool.shutdownNow();
        }

        long events = count("select count(*) from audit_event");
        assertThat(events).isGreaterThanOrEqualTo(before + THREADS * ISSUES_PER_THREAD * 5L);
        assertThat(count("select min(seq) from audit_event")).isEqualTo(1);
        assertThat(count("select max(seq) from audit_event")).as("no gap in seq").isEqualTo(events);
        assertThat(count("select last_seq from audit_chain_head where id = 1")).isEqualTo(events);
        ChainVerification verification = verifier.verify();
        assertThat(verification.valid()).as(verification.toString()).isTrue();
        assertThat(verification.checked()).isEqualTo(events);
    }

    Callable<List<String>> work(String person, String section, CountDownLatch start) {
        return () -> {
            start.await();
            List<String> raised = new ArrayList<>();
            for (int i = 0; i < ISSUES_PER_THREAD; i++) {
                String id = api.as(person).raise(mediumIssueOf(section));
                String issue = "/api/issues/" + id;
                api.as(person).post(issue + "/acknowledge", "{}").andExpect(status().isNoContent());
                api.as(person).post(issue + "/comments", "{\"text\": \"同時に確認 " + i + "\"}")
                        .andExpect(status().isCreated());
                api.as(person).post(issue + "/escalation-requests", "{\"reason\": \"部内共有が必要\"}")
                        .andExpect(status().isNoContent());
                raised.add(id);
            }
            return raised;
        };
    }
}
