package jp.tsunagu.escalation.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jp.tsunagu.issue.Level;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Requests to move an issue to the next level, with who asked, why, and who decided. */
@Repository
class EscalationRequestRepository {

    private final JdbcClient jdbc;

    EscalationRequestRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String insert(String issueId, Level level, String requestedBy, String reason, Instant at) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                insert into escalation_request (id, issue_id, level, requested_by, reason, requested_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(id, issueId, level.name(), requestedBy, reason, Timestamp.from(at)).update();
        return id;
    }

    Optional<OpenRequest> open(String issueId) {
        return jdbc.sql("""
                select id, requested_by, reason from escalation_request
                where issue_id = ? and decision is null order by requested_at desc""")
                .param(issueId)
                .query((rs, i) -> new OpenRequest(rs.getString("id"), rs.getString("requested_by"), rs.getString("reason")))
                .list().stream().findFirst();
    }

    void decide(String requestId, boolean approved, String decidedBy, String comment, Instant at) {
        jdbc.sql("update escalation_request set decision = ?, decided_by = ?, comment = ?, decided_at = ? where id = ?")
                .params(approved ? "APPROVED" : "REJECTED", decidedBy, comment, Timestamp.from(at), requestId).update();
    }

    record OpenRequest(String id, String requestedBy, String reason) {
    }
}
