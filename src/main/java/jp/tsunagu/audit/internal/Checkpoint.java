package jp.tsunagu.audit.internal;

import java.time.Instant;

/** The chain head as it was at {@code time}, kept outside the database so that a rewritten table contradicts it. */
record Checkpoint(long seq, String hash, Instant time) {
}
