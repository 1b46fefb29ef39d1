package jp.tsunagu.audit;

import jp.tsunagu.AbstractIntegrationTest;
import jp.tsunagu.testsupport.Api;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The whole application for the audit tests. Each test context gets a checkpoint file of its own (a checkpoint of
 * one database contradicts any other database), and the daily schedule is off: tests write checkpoints themselves.
 */
@AutoConfigureMockMvc
@TestPropertySource(properties = {"tsunagu.audit.checkpoint-file=target/test-audit/${random.uuid}.jsonl",
        "tsunagu.audit.checkpoint-cron=-"})
public abstract class AbstractAuditIntegrationTest extends AbstractIntegrationTest {

    public static final String MEDIUM_ISSUE = """
            {"title": "窓口の待ち時間が長い", "description": "午前中の待ち時間が90分を超えた。",
             "category": "CITIZEN_SERVICE", "severity": "MEDIUM", "sectionCode": "%s",
             "relatedSections": [], "personalInfo": false}""";

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected ChainVerifier verifier;

    protected Api api;

    @BeforeEach
    void api() {
        api = new Api(mvc);
    }

    protected static String mediumIssueOf(String sectionCode) {
        return MEDIUM_ISSUE.formatted(sectionCode);
    }

    protected long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
