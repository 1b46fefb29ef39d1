package jp.tsunagu.audit.internal;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import javax.sql.DataSource;

import jp.tsunagu.audit.AuditEvent;
import jp.tsunagu.audit.AuditEventFilter;
import jp.tsunagu.audit.AuditEventPage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The auditors' searches: a page, or every match streamed in seq order for the export. */
@Repository
class AuditEventSearch {

    private static final String COLUMNS = "seq, occurred_at, actor, action, issue_id, details, prev_hash, hash";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    AuditEventSearch(DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(JdbcChainVerifier.FETCH_SIZE);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    AuditEventPage page(AuditEventFilter filter, int page, int size) {
        Where where = Where.of(filter);
        Long total = jdbc.queryForObject("select count(*) from audit_event" + where.sql(), Long.class,
                where.params().toArray());
        List<Object> params = new ArrayList<>(where.params());
        params.add(size);
        params.add((long) page * size);
        List<AuditEvent> items = jdbc.query("select " + COLUMNS + " from audit_event" + where.sql()
                + " order by seq limit ? offset ?", AuditEventRepository.EVENT, params.toArray());
        return new AuditEventPage(items, total == null ? 0 : total);
    }

    /** Hands every match to {@code each}, one at a time, from a cursor: the result is never held in memory. */
    void forEach(AuditEventFilter filter, Consumer<AuditEvent> each) {
        Where where = Where.of(filter);
        readOnly.executeWithoutResult(status -> {
            try (Stream<AuditEvent> events = jdbc.queryForStream("select " + COLUMNS + " from audit_event"
                    + where.sql() + " order by seq", AuditEventRepository.EVENT, where.params().toArray())) {
                events.forEach(each);
            }
        });
    }

    private record Where(String sql, List<Object> params) {

        static Where of(AuditEventFilter filter) {
            List<String> conditions = new ArrayList<>();
            List<Object> params = new ArrayList<>();
            if (filter.from() != null) {
                conditions.add("occurred_at >= ?");
                params.add(Timestamp.from(filter.from()));
            }
            if (filter.to() != null) {
                conditions.add("occurred_at < ?");
                params.add(Timestamp.from(filter.to()));
            }
            if (filter.actor() != null) {
                conditions.add("actor = ?");
                params.add(filter.actor());
            }
            if (filter.action() != null) {
                conditions.add("action = ?");
                params.add(filter.action().name());
            }
            if (filter.issueId() != null) {
                conditions.add("issue_id = ?");
                params.add(filter.issueId());
            }
            return new Where(conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions), params);
        }
    }
}
