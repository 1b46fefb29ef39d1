package jp.tsunagu.cluster;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HexFormat;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Recomputes the audit chain from {@code audit_event} as {@code ChainHasher} defines it:
 * {@code hash = SHA-256(prev_hash || canonical event)}, seq gap-free from 1, and the chain head at the last event.
 * Returns null when it verifies, else the first broken seq and why.
 */
final class AuditChainCheck {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditChainCheck() {
    }

    static String firstBreak(Connection connection) throws Exception {
        String prev = "0".repeat(64);
        long expectedSeq = 1;
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select seq, occurred_at, actor, action, issue_id, details, prev_hash, hash"
                        + " from audit_event order by seq")) {
            while (rs.next()) {
                long seq = rs.getLong("seq");
                if (seq != expectedSeq) {
                    return "seq " + expectedSeq + ": missing (next is " + seq + ")";
                }
                if (!prev.equals(rs.getString("prev_hash"))) {
                    return "seq " + seq + ": prev_hash does not match the previous hash";
                }
                String issueId = rs.getString("issue_id");
                String canonical = "{\"action\":" + JSON.writeValueAsString(rs.getString("action"))
                        + ",\"actor\":" + JSON.writeValueAsString(rs.getString("actor"))
                        + ",\"details\":" + rs.getString("details")
                        + ",\"issueId\":" + (issueId == null ? "null" : JSON.writeValueAsString(issueId))
                        + ",\"occurredAt\":" + JSON.writeValueAsString(rs.getTimestamp("occurred_at").toInstant().toString())
                        + ",\"seq\":" + seq + "}";
                sha.update(prev.getBytes(StandardCharsets.US_ASCII));
                sha.update(canonical.getBytes(StandardCharsets.UTF_8));
                String hash = HexFormat.of().formatHex(sha.digest());
                if (!hash.equals(rs.getString("hash"))) {
                    return "seq " + seq + ": hash does not match its content";
                }
                prev = hash;
                expectedSeq++;
            }
        }
        try (Statement statement = connection.createStatement();
                ResultSet head = statement.executeQuery("select last_seq, last_hash from audit_chain_head where id = 1")) {
            head.next();
            if (head.getLong(1) != expectedSeq - 1 || !head.getString(2).equals(prev)) {
                return "chain head at seq " + head.getLong(1) + ", last event at " + (expectedSeq - 1);
            }
        }
        return null;
    }
}
