package jp.tsunagu.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;

import jp.tsunagu.audit.AbstractAuditIntegrationTest;
import jp.tsunagu.audit.ChainVerification;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The scheduled job writes the committed chain head; the verifier then checks the chain against it. */
class CheckpointJobTest extends AbstractAuditIntegrationTest {

    @Autowired
    CheckpointJob job;

    @Autowired
    CheckpointFile file;

    @Test
    void theDailyCheckpointIsTheChainHeadAndTheVerifierMatchesIt() throws Exception {
        api.as("sato").raise(mediumIssueOf("shimin-ka"));
        ChainHead head = jdbc.sql(ChainHead.SELECT).query(ChainHead.ROW).single();

        job.writeDailyCheckpoint();
        job.writeDailyCheckpoint();

        List<Checkpoint> written = file.readAll();
        assertThat(written).last().satisfies(c -> {
            assertThat(c.seq()).isEqualTo(head.seq());
            assertThat(c.hash()).isEqualTo(head.hash());
        });
        assertThat(Files.readAllLines(file.path())).as("the same head is written once").hasSize(written.size())
                .doesNotHaveDuplicates();
        ChainVerification result = verifier.verify();
        assertThat(result.valid()).as(result.toString()).isTrue();
        assertThat(result.checkpointsMatched()).isEqualTo(written.size());
    }
}
