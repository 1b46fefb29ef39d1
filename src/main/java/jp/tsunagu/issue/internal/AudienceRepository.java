package jp.tsunagu.issue.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.tsunagu.issue.AudienceReason;
import jp.tsunagu.issue.Level;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The principals who may see an issue. Only ever grows: sharing is never taken back. */
@Repository
class AudienceRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    AudienceRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /**
     * The first audience of an issue just written, in one batch and without reading: each principal once, with the
     * first reason given for it.
     */
    void addToNewIssue(String issueId, Level level, Map<String, AudienceReason> reasonsByPrincipal, Instant at) {
        insert(issueId, level, reasonsByPrincipal, at);
    }

    /**
     * Adds the principals not yet in the audience for this reason and returns them. A principal may be there for
     * several reasons: the city coordinators who approved the step to CITY are shared with city-wide on arrival too.
     */
    List<String> add(String issueId, Level level, AudienceReason reason, Collection<String> principals, Instant at) {
        if (principals.isEmpty()) {
            return List.of();
        }
        List<String> existing = jdbc.sql("select principal from issue_audience where issue_id = ? and reason = ?")
                .params(issueId, reason.name()).query(String.class).list();
        Map<String, AudienceReason> added = new LinkedHashMap<>();
        principals.stream().filter(p -> !existing.contains(p)).forEach(p -> added.put(p, reason));
        insert(issueId, level, added, at);
        return List.copyOf(added.keySet());
    }

    private void insert(String issueId, Level level, Map<String, AudienceReason> reasonsByPrincipal, Instant at) {
        List<Object[]> rows = new ArrayList<>();
        reasonsByPrincipal.forEach((principal, reason) ->
                rows.add(new Object[] {issueId, principal, reason.name(), level.name(), Timestamp.from(at)}));
        batch.batchUpdate("insert into issue_audience (issue_id, principal, reason, level, added_at) values (?, ?, ?, ?, ?)",
                rows);
    }

    boolean anyOf(String issueId, Collection<String> principals) {
        return jdbc.sql("select count(*) from issue_audience where issue_id = :id and principal in (:principals)")
                .param("id", issueId).param("principals", principals).query(Long.class).single() > 0;
    }
}
