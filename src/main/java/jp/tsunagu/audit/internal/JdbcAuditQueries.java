package jp.tsunagu.audit.internal;

import java.util.List;

import jp.tsunagu.audit.AuditEvent;
import jp.tsunagu.audit.AuditEventFilter;
import jp.tsunagu.audit.AuditEventPage;
import jp.tsunagu.audit.AuditQueries;
import org.springframework.stereotype.Service;

@Service
class JdbcAuditQueries implements AuditQueries {

    private final AuditEventRepository repository;
    private final AuditEventSearch search;

    JdbcAuditQueries(AuditEventRepository repository, AuditEventSearch search) {
        this.repository = repository;
        this.search = search;
    }

    @Override
    public List<AuditEvent> forIssue(String issueId) {
        return repository.forIssue(issueId);
    }

    @Override
    public AuditEventPage search(AuditEventFilter filter, int page, int size) {
        return search.page(filter, page, size);
    }
}
