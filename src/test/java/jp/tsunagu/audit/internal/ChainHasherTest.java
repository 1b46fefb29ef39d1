package jp.tsunagu.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class ChainHasherTest {

    static final Instant AT = Instant.parse("2026-04-01T00:30:00.123Z");

    @Test
    void hashesThePreviousHashFollowedByTheCanonicalEventInUtf8() throws Exception {
        String expected = sha256(ChainHasher.GENESIS
                + "{\"action\":\"ISSUE_RAISED\",\"actor\":\"sato\",\"details\":{\"title\":\"窓口の待ち時間\"},"
                + "\"issueId\":\"i-1\",\"occurredAt\":\"2026-04-01T00:30:00.123Z\",\"seq\":1}");

        assertThat(ChainHasher.hash(ChainHasher.GENESIS, 1, AT, "sato", "ISSUE_RAISED", "i-1",
                "{\"title\":\"窓口の待ち時間\"}")).isEqualTo(expected).hasSize(64);
    }

    @Test
    void writesAMissingIssueAsJsonNullAndAWholeSecondWithoutFraction() throws Exception {
        String expected = sha256(ChainHasher.GENESIS + "{\"action\":\"LOGIN_FAILED\",\"actor\":\"=cmd\",\"details\":{},"
                + "\"issueId\":null,\"occurredAt\":\"2026-04-01T00:30:00Z\",\"seq\":7}");

        assertThat(ChainHasher.hash(ChainHasher.GENESIS, 7, Instant.parse("2026-04-01T00:30:00Z"), "=cmd",
                "LOGIN_FAILED", null, "{}")).isEqualTo(expected);
    }

    @Test
    void everyFieldAndThePreviousHashChangeTheHash() {
        String base = ChainHasher.hash(ChainHasher.GENESIS, 1, AT, "sato", "ISSUE_RAISED", "i-1", "{}");

        assertThat(new String[] {
                ChainHasher.hash("1".repeat(64), 1, AT, "sato", "ISSUE_RAISED", "i-1", "{}"),
                ChainHasher.hash(ChainHasher.GENESIS, 2, AT, "sato", "ISSUE_RAISED", "i-1", "{}"),
                ChainHasher.hash(ChainHasher.GENESIS, 1, AT.plusMillis(1), "sato", "ISSUE_RAISED", "i-1", "{}"),
                ChainHasher.hash(ChainHasher.GENESIS, 1, AT, "suzuki", "ISSUE_RAISED", "i-1", "{}"),
                ChainHasher.hash(ChainHasher.GENESIS, 1, AT, "sato", "ISSUE_RESOLVED", "i-1", "{}"),
                ChainHasher.hash(ChainHasher.GENESIS, 1, AT, "sato", "ISSUE_RAISED", "i-2", "{}"),
                ChainHasher.hash(ChainHasher.GENESIS, 1, AT, "sato", "ISSUE_RAISED", null, "{}"),
                ChainHasher.hash(ChainHasher.GENESIS, 1, AT, "sato", "ISSUE_RAISED", "i-1", "{\"a\":1}")})
                .doesNotContain(base).doesNotHaveDuplicates();
        assertThat(ChainHasher.hash(ChainHasher.GENESIS, 1, AT, "sato", "ISSUE_RAISED", "i-1", "{}")).isEqualTo(base);
    }

    @Test
    void quotesFieldsSoThatNoFieldCanImitateAnother() {
        String honest = ChainHasher.hash(ChainHasher.GENESIS, 1, AT, "sato", "LOGIN", null, "{}");
        String forged = ChainHasher.hash(ChainHasher.GENESIS, 1, AT, "sato\",\"x\":\"", "LOGIN", null, "{}");

        assertThat(forged).isNotEqualTo(honest);
    }

    static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
