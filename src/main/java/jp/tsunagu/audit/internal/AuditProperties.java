package jp.tsunagu.audit.internal;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tsunagu.audit.*}. The checkpoint schedule ({@code checkpoint-cron}, {@code checkpoint-zone}) is read by
 * {@link CheckpointJob}'s {@code @Scheduled}.
 *
 * @param checkpointFile where the daily checkpoints are appended; it must live outside the database
 */
@ConfigurationProperties("tsunagu.audit")
public record AuditProperties(@DefaultValue("./data/audit-checkpoints.jsonl") Path checkpointFile) {
}
