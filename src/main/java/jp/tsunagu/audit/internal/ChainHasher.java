package jp.tsunagu.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** {@code hash = SHA-256(prev_hash || canonical(event))}, the one definition the writer and the verifier share. */
final class ChainHasher {

    static final String GENESIS = "0".repeat(64);
    private static final HexFormat HEX = HexFormat.of();
    /** One digest per thread (digest() resets it): looking one up for every event costs more than the hash. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(ChainHasher::sha256);

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
        MessageDigest sha = SHA_256.get();
        sha.update(prevHash.getBytes(StandardCharsets.US_ASCII));
        sha.update(canonicalEvent.getBytes(StandardCharsets.UTF_8));
        return HEX.formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
