package jp.tsunagu.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Checkpoints as JSON lines, {@code {"seq":..,"hash":"..","time":".."}}, in a file outside the database. The file only
 * grows; a line that repeats the last one is not written again, and a repeated line would be harmless anyway.
 */
class CheckpointFile {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final Path path;

    CheckpointFile(Path path) {
        this.path = path;
    }

    Path path() {
        return path;
    }

    /** Every checkpoint in the file; none when there is no file yet. */
    List<Checkpoint> readAll() {
        if (!Files.exists(path)) {
            return List.of();
        }
        try {
            List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
            List<Checkpoint> checkpoints = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).isBlank()) {
                    checkpoints.add(parse(lines.get(i), i + 1));
                }
            }
            return checkpoints;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit checkpoints in " + path, e);
        }
    }

    /**
     * Appends under a file lock, so that nodes sharing the file never interleave their lines, and forces it to disk
     * before returning.
     */
    synchronized void append(Checkpoint checkpoint) {
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND); FileLock ignored = channel.lock()) {
                List<Checkpoint> existing = readAll();
                if (!existing.isEmpty() && sameLink(existing.get(existing.size() - 1), checkpoint)) {
                    return;
                }
                channel.write(ByteBuffer.wrap((line(checkpoint) + "\n").getBytes(StandardCharsets.UTF_8)));
                channel.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the audit checkpoint to " + path, e);
        }
    }

    static String line(Checkpoint checkpoint) {
        return "{\"seq\":" + checkpoint.seq() + ",\"hash\":\"" + checkpoint.hash() + "\",\"time\":\""
                + checkpoint.time() + "\"}";
    }

    private Checkpoint parse(String line, int number) {
        try {
            JsonNode node = JSON.readTree(line);
            if (!node.path("seq").canConvertToLong() || !node.path("hash").isTextual()
                    || !node.path("time").isTextual()) {
                throw new InvalidCheckpointFileException(path, number);
            }
            return new Checkpoint(node.get("seq").asLong(), node.get("hash").asText(),
                    Instant.parse(node.get("time").asText()));
        } catch (JsonProcessingException | java.time.format.DateTimeParseException e) {
            throw new InvalidCheckpointFileException(path, number);
        }
    }

    private static boolean sameLink(Checkpoint a, Checkpoint b) {
        return a.seq() == b.seq() && a.hash().equals(b.hash());
    }

    /** A line that is not a checkpoint: the file was damaged or edited, which the verifier reports. */
    static class InvalidCheckpointFileException extends RuntimeException {

        InvalidCheckpointFileException(Path path, int line) {
            super("line " + line + " of the checkpoint file " + path + " is not a checkpoint");
        }
    }
}
