package jp.tsunagu.issue.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jp.tsunagu.issue.Category;
import jp.tsunagu.issue.IssueDueTimes;
import jp.tsunagu.issue.IssueStatus;
import jp.tsunagu.issue.Level;
import jp.tsunagu.issue.RaisedIssue;
import jp.tsunagu.issue.Severity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class IssueRepository {

    /** The columns {@link #viewRow} reads, for a query over {@code issue i}. */
    static final String VIEW_COLUMNS = """
            i.*,
              array (select r.section_code from issue_related_section r where r.issue_id = i.id
                     order by r.section_code) as related_sections,
              array (select a.principal from issue_audience a
                     where a.issue_id = i.id and a.reason in ('SHARED_DEPARTMENT', 'SHARED_CITY')
                     order by a.added_at, a.principal) as shared_with""";

    private final JdbcClient jdbc;

    IssueRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(IssueRow row, String idempotencyKey, String idempotencyFingerprint) {
        jdbc.sql("""
                insert into issue (id, number, title, description, category, severity, status, level, section_code,
                    department_code, personal_info, personal_details, created_at, created_by, idempotency_key,
                    idempotency_fingerprint, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(row.id(), row.number(), row.title(), row.description(), row.category().name(),
                        row.severity().name(), row.status().name(), row.level().name(), row.sectionCode(),
                        row.departmentCode(), row.personalInfo(), row.personalDetails(), ts(row.createdAt()),
                        row.createdBy(), idempotencyKey, idempotencyFingerprint, ts(row.createdAt()))
                .update();
    }

    Optional<IssueRow> find(String id) {
        return jdbc.sql("select * from issue where id = ?").param(id).query(IssueRepository::map).optional();
    }

    /**
     * The issue with what its view shows besides its row, and whether any of the reader's principals is in its
     * audience: one statement for {@code GET /api/issues/{id}} and the answer to {@code POST /api/issues}.
     */
    Optional<IssueViewRow> findForView(String id, Collection<String> readerPrincipals) {
        return jdbc.sql("select " + VIEW_COLUMNS + """
                        , exists (select 1 from issue_audience a where a.issue_id = i.id and a.principal in (:principals))
                          as reader_in_audience
                        from issue i where i.id = :id""")
                .param("principals", readerPrincipals).param("id", id)
                .query((rs, rowNum) -> viewRow(rs, rs.getBoolean("reader_in_audience")))
                .optional();
    }

    /** Locks the row until the transaction ends: two actions on one issue run one after the other. */
    Optional<IssueRow> lock(String id) {
        return jdbc.sql("select * from issue where id = ? for update").param(id).query(IssueRepository::map).optional();
    }

    /** One statement for all the open issues on a clock, oldest first. */
    List<IssueDueTimes> openOnCalendar(String calendar) {
        return jdbc.sql("select " + DUE_TIME_COLUMNS + """
                 from issue
                where status <> 'RESOLVED' and sla_calendar = ? and process_instance_id is not null
                order by created_at, id""")
                .param(calendar)
                .query(IssueRepository::dueTimes)
                .list();
    }

    Optional<IssueDueTimes> dueTimes(String id) {
        return jdbc.sql("select " + DUE_TIME_COLUMNS + " from issue where id = ?").param(id)
                .query(IssueRepository::dueTimes).optional();
    }

    private static final String DUE_TIME_COLUMNS =
            "id, process_instance_id, level, level_entered_at, paused_at, acknowledge_by, resolve_by";

    private static IssueDueTimes dueTimes(ResultSet rs, int row) throws SQLException {
        return new IssueDueTimes(rs.getString("id"), rs.getString("process_instance_id"),
                Level.valueOf(rs.getString("level")), instant(rs, "level_entered_at"), instant(rs, "paused_at"),
                instant(rs, "acknowledge_by"), instant(rs, "resolve_by"));
    }

    /** The issue a person raised under this key, and the fingerprint of what they sent (null before V15). */
    Optional<KeyedIssue> findByIdempotencyKey(String createdBy, String key) {
        return jdbc.sql("select id, number, idempotency_fingerprint from issue where created_by = ? and idempotency_key = ?")
                .params(createdBy, key)
                .query((rs, i) -> new KeyedIssue(new RaisedIssue(rs.getString("id"), rs.getString("number"), false),
                        rs.getString("idempotency_fingerprint"))).optional();
    }

    record KeyedIssue(RaisedIssue issue, String fingerprint) {
    }

    void insertRelatedSections(String issueId, Collection<String> sectionCodes) {
        for (String code : sectionCodes) {
            jdbc.sql("insert into issue_related_section (issue_id, section_code) values (?, ?)")
                    .params(issueId, code).update();
        }
    }

    int update(String id, String assignments, Instant now, Object... params) {
        Object[] all = new Object[params.length + 2];
        System.arraycopy(params, 0, all, 0, params.length);
        all[params.length] = ts(now);
        all[params.length + 1] = id;
        return jdbc.sql("update issue set " + assignments + ", updated_at = ? where id = ?").params(all).update();
    }

    static IssueViewRow viewRow(ResultSet rs, boolean readerInAudience) throws SQLException {
        return new IssueViewRow(map(rs, 0), strings(rs, "related_sections"), strings(rs, "shared_with"),
                readerInAudience);
    }

    private static List<String> strings(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        if (array == null) {
            return List.of();
        }
        try {
            return Arrays.stream((Object[]) array.getArray()).map(String.class::cast).toList();
        } finally {
            array.free();
        }
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static IssueRow map(ResultSet rs, int rowNum) throws SQLException {
        return new IssueRow(rs.getString("id"), rs.getString("number"), rs.getString("title"),
                rs.getString("description"), Category.valueOf(rs.getString("category")),
                Severity.valueOf(rs.getString("severity")), IssueStatus.valueOf(rs.getString("status")),
                Level.valueOf(rs.getString("level")), rs.getString("section_code"), rs.getString("department_code"),
                rs.getBoolean("personal_info"), rs.getString("personal_details"), rs.getString("process_instance_id"),
                rs.getString("sla_calendar"), instant(rs, "acknowledge_by"), instant(rs, "resolve_by"),
                rs.getBoolean("ack_breached"), rs.getBoolean("resolve_breached"), instant(rs, "paused_at"),
                rs.getString("paused_from") == null ? null : IssueStatus.valueOf(rs.getString("paused_from")),
                rs.getString("resolution"), instant(rs, "resolved_at"), rs.getString("resolved_by"),
                instant(rs, "created_at"), rs.getString("created_by"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
