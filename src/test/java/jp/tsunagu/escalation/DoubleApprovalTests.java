package jp.tsunagu.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jp.tsunagu.AbstractIntegrationTest;
import jp.tsunagu.common.ConflictException;
import jp.tsunagu.issue.Category;
import jp.tsunagu.issue.IssueIntake;
import jp.tsunagu.issue.IssueLifecycle;
import jp.tsunagu.issue.Level;
import jp.tsunagu.issue.RaiseIssueRequest;
import jp.tsunagu.issue.Severity;
import jp.tsunagu.org.Person;
import jp.tsunagu.org.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two chiefs approve the same request at the same moment. Interleaved step by step, as in the engine's own
 * concurrency tests: A has approved but not committed; B must wait on the issue's lock, and once A commits B finds
 * nothing left to approve.
 */
abstract class DoubleApprovalTests extends AbstractIntegrationTest {

    static final Person STAFF = new Person("keizai-staff", "経済 太郎", Role.STAFF, "keizai", "shimin-seikatsu");
    static final Person CHIEF_A = new Person("keizai-chief-a", "経済 課長A", Role.SECTION_CHIEF, "keizai", "shimin-seikatsu");
    static final Person CHIEF_B = new Person("keizai-chief-b", "経済 課長B", Role.SECTION_CHIEF, "keizai", "shimin-seikatsu");

    @Autowired
    IssueIntake intake;

    @Autowired
    EscalationService escalation;

    @Autowired
    IssueLifecycle lifecycle;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @BeforeEach
    void twoChiefsInOneSection() {
        for (Person person : List.of(STAFF, CHIEF_A, CHIEF_B)) {
            if (jdbc.sql("select count(*) from person where username = ?").param(person.username()).query(Long.class).single() == 0) {
                jdbc.sql("insert into person (username, display_name, role, section_code, department_code) values (?, ?, ?, ?, ?)")
                        .params(person.username(), person.displayName(), person.role().name(), person.sectionCode(),
                                person.departmentCode())
                        .update();
            }
        }
    }

    @Test
    void exactlyOneOfTwoSimultaneousApprovalsWins() throws Exception {
        String issueId = intake.raise(new RaiseIssueRequest("同時承認", "二人の課長が同時に承認する", Category.FACILITY,
                Severity.MEDIUM, "keizai", List.of(), false, null), STAFF, Optional.empty()).id();
        escalation.acknowledge(issueId, STAFF);
        escalation.requestEscalation(issueId, STAFF, "部内で共有したい");

        CountDownLatch aApproved = new CountDownLatch(1);
        CountDownLatch aMayCommit = new CountDownLatch(1);
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        CompletableFuture<Void> a = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(status -> {
            escalation.approveEscalation(issueId, CHIEF_A, "A");
            aApproved.countDown();
            awaitRelease(aMayCommit);
        }));
        assertThat(aApproved.await(30, TimeUnit.SECONDS)).as("A approved").isTrue();

        CompletableFuture<Void> b = CompletableFuture.runAsync(() -> escalation.approveEscalation(issueId, CHIEF_B, "B"));
        // B is held on the issue's row lock while A's transaction is open.
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> !b.isDone());

        aMayCommit.countDown();
        a.get(30, TimeUnit.SECONDS);
        assertThat(b).failsWithin(Duration.ofSeconds(30)).withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withCauseInstanceOf(ConflictException.class);

        assertThat(lifecycle.summary(issueId).level()).isEqualTo(Level.DEPARTMENT);
        assertThat(jdbc.sql("select count(*) from audit_event where issue_id = ? and action = 'ESCALATION_APPROVED'")
                .param(issueId).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from work_item where issue_id = ?").param(issueId).query(Long.class).single())
                .as("one acknowledge task at DEPARTMENT, nothing doubled").isEqualTo(1);
    }

    private static void awaitRelease(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the latch");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
