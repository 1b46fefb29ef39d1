package jp.tsunagu.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import jp.tsunagu.TsunaguApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --verify-audit} starts the application without a web server on a database of its own and answers with the
 * exit code. The packaged jar runs the same code from {@code TsunaguApplication.main}.
 */
class VerifyAuditCommandTest {

    @TempDir
    Path dir;

    @Test
    void recognisesTheArgument() {
        assertThat(VerifyAuditCommand.isRequested("--spring.profiles.active=demo", "--verify-audit")).isTrue();
        assertThat(VerifyAuditCommand.isRequested("--spring.profiles.active=demo")).isFalse();
    }

    @Test
    void answers0ForAnIntactChainAnd1ForABrokenOne() throws Exception {
        String database = "--spring.datasource.url=jdbc:h2:mem:verify-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Path checkpoints = dir.resolve("checkpoints.jsonl");
        String[] args = {"--verify-audit", "--spring.profiles.active=demo,test", database,
                "--tsunagu.audit.checkpoint-file=" + checkpoints};

        assertThat(VerifyAuditCommand.run(TsunaguApplication.class, args)).isEqualTo(VerifyAuditCommand.VALID);

        // A checkpoint saw an event that the (empty) chain no longer has.
        Files.writeString(checkpoints, "{\"seq\":3,\"hash\":\"" + "a".repeat(64)
                + "\",\"time\":\"2026-04-01T15:05:00Z\"}\n");
        assertThat(VerifyAuditCommand.run(TsunaguApplication.class, args)).isEqualTo(VerifyAuditCommand.BROKEN);
    }

    @Test
    void answers2WhenItCannotReachTheDatabase() {
        assertThat(VerifyAuditCommand.run(TsunaguApplication.class, "--verify-audit",
                "--spring.profiles.active=demo,test", "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/none",
                "--spring.datasource.hikari.connection-timeout=250", "--tsunagu.audit.checkpoint-file=" + dir.resolve("c")))
                .isEqualTo(VerifyAuditCommand.FAILED);
    }
}
