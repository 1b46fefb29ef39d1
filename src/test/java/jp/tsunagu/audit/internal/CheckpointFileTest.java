package jp.tsunagu.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointFileTest {

    static final Instant NOON = Instant.parse("2026-04-01T03:00:00Z");

    @TempDir
    Path dir;

    @Test
    void noFileMeansNoCheckpoints() {
        assertThat(new CheckpointFile(dir.resolve("none.jsonl")).readAll()).isEmpty();
    }

    @Test
    void appendsOneJsonLinePerCheckpointCreatingTheDirectory() throws Exception {
        Path path = dir.resolve("sub/checkpoints.jsonl");
        CheckpointFile file = new CheckpointFile(path);

        file.append(new Checkpoint(5, "a".repeat(64), NOON));
        file.append(new Checkpoint(9, "b".repeat(64), NOON.plusSeconds(86400)));

        assertThat(Files.readAllLines(path, StandardCharsets.UTF_8)).containsExactly(
                "{\"seq\":5,\"hash\":\"" + "a".repeat(64) + "\",\"time\":\"2026-04-01T03:00:00Z\"}",
                "{\"seq\":9,\"hash\":\"" + "b".repeat(64) + "\",\"time\":\"2026-04-02T03:00:00Z\"}");
        assertThat(file.readAll()).containsExactly(new Checkpoint(5, "a".repeat(64), NOON),
                new Checkpoint(9, "b".repeat(64), NOON.plusSeconds(86400)));
    }

    @Test
    void theSameCheckpointFromASecondNodeIsNotWrittenTwice() {
        CheckpointFile file = new CheckpointFile(dir.resolve("c.jsonl"));

        file.append(new Checkpoint(5, "a".repeat(64), NOON));
        file.append(new Checkpoint(5, "a".repeat(64), NOON.plusMillis(3)));

        assertThat(file.readAll()).hasSize(1);
    }

    @Test
    void aDamagedLineIsReportedWithItsNumber() throws Exception {
        Path path = dir.resolve("damaged.jsonl");
        Files.writeString(path, "{\"seq\":5,\"hash\":\"aa\",\"time\":\"2026-04-01T03:00:00Z\"}\n\nnot json\n");

        assertThatThrownBy(() -> new CheckpointFile(path).readAll())
                .isInstanceOf(CheckpointFile.InvalidCheckpointFileException.class)
                .hasMessageContaining("line 3");
    }
}
