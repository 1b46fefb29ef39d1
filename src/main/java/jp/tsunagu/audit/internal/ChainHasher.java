package jp.tsunagu.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** {@code hash = SHA-256(prev_hash || canonical(event))}, the one definition the writer and the verifier share. */
final class ChainHasher {

    static final String GENESIS = "0".repeat(64);

    private ChainHasher() {
    }

    static String hash(String prevHash, long seq, Instant occurredAt, String actor, String action, String issueId,
            String canonicalDetails) {
        String canonicalEvent = "{\"action\":" + CanonicalJson.quote(action)
                + ",\"actor\":" + CanonicalJson.quote(actor)
                + ",\"details\":" + canonicalDetails
                + ",\"issueId\":" + (issueId == null ? "null" : CanonicalJson.quote(issueId))
                + ",\"occurredAt\":" + CanonicalJson.quote(occurredAt.toString())
                + ",\"seq\":" + seq + "}";
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(prevHash.getBytes(StandardCharsets.US_ASCII));
            sha.update(canonicalEvent.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
