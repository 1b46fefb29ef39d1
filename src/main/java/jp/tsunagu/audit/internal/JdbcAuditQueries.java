package jp.tsunagu.audit.internal;

import java.util.List;

import jp.tsunagu.audit.AuditEvent;
import jp.tsunagu.audit.AuditQueries;
import org.springframework.stereotype.Service;

@Service
class JdbcAuditQueries implements AuditQueries {

    private final AuditEventRepository repository;

    JdbcAuditQueries(AuditEventRepository repository) {
        this.repository = repository;
    }

    @Override
    public List<AuditEvent> forIssue(String issueId) {
        return repository.forIssue(issueId);
    }
}
