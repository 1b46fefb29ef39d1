package jp.tsunagu.issue.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.tsunagu.common.Paging;
import jp.tsunagu.issue.IssueAccess;
import jp.tsunagu.issue.IssueFilter;
import jp.tsunagu.issue.IssuePage;
import jp.tsunagu.issue.IssueQueries;
import jp.tsunagu.issue.IssueView;
import jp.tsunagu.org.Person;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class JdbcIssueQueries implements IssueQueries {

    static final int MAX_PAGE_SIZE = 100;

    private final JdbcClient jdbc;
    private final AudienceIssueAccess access;
    private final IssueViews views;
    private final Clock clock;

    JdbcIssueQueries(JdbcClient jdbc, AudienceIssueAccess access, IssueViews views, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.views = views;
        this.clock = clock;
    }

    /** One statement, so no transaction of its own: every raise over HTTP answers with it. */
    @Override
    @Transactional(propagation = Propagation.SUPPORTS)
    public IssueView view(String issueId, Person person) {
        return views.of(access.requireVisibleView(issueId, person));
    }

    @Override
    public IssuePage list(IssueFilter filter, Person person) {
        long offset = Paging.offset(filter.page(), filter.size(), MAX_PAGE_SIZE);
        Where where = where(filter, person);
        long total = jdbc.sql("select count(*) from issue i" + where.condition()).params(where.params())
                .query(Long.class).single();
        Map<String, Object> params = new HashMap<>(where.params());
        params.put("limit", filter.size());
        params.put("offset", offset);
        return new IssuePage(views(where.condition(), params), total);
    }

    /**
     * Every visible issue that matches, newest first, in one read (no pages that a new issue could shift), or none
     * when more than {@code max} match. The page and size of the filter are not used.
     */
    Optional<List<IssueView>> all(IssueFilter filter, Person person, int max) {
        Where where = where(filter, person);
        Map<String, Object> params = new HashMap<>(where.params());
        params.put("limit", max + 1);
        params.put("offset", 0L);
        List<IssueView> views = views(where.condition(), params);
        return views.size() > max ? Optional.empty() : Optional.of(views);
    }

    /** The condition has already kept only the issues the reader may see. */
    private List<IssueView> views(String condition, Map<String, Object> params) {
        return jdbc.sql("select " + IssueRepository.VIEW_COLUMNS + " from issue i" + condition
                        + " order by i.created_at desc, i.id limit :limit offset :offset")
                .params(params).query((rs, rowNum) -> IssueRepository.viewRow(rs, true)).list().stream()
                .map(views::of).toList();
    }

    private record Where(String condition, Map<String, Object> params) {
    }

    private Where where(IssueFilter filter, Person person) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (!IssueAccess.seesEverything(person)) {
            where.add("exists (select 1 from issue_audience a where a.issue_id = i.id and a.principal in (:principals))");
            params.put("principals", person.principals());
        }
        if (filter.level() != null) {
            where.add("i.level = :level");
            params.put("level", filter.level().name());
        }
        if (filter.status() != null) {
            where.add("i.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.section() != null && !filter.section().isBlank()) {
            where.add("i.section_code = :section");
            params.put("section", filter.section());
        }
        if (Boolean.TRUE.equals(filter.overdue())) {
            where.add("""
                    i.status <> 'RESOLVED' and i.paused_at is null and (i.ack_breached or i.resolve_breached
                      or (i.status = 'OPEN' and i.acknowledge_by < :now) or i.resolve_by < :now)""");
            params.put("now", Timestamp.from(clock.instant()));
        }
        if (filter.raisedBy() != null) {
            where.add("i.created_by = :raisedBy");
            params.put("raisedBy", filter.raisedBy());
        }
        if (filter.q() != null && !filter.q().isBlank()) {
            where.add("(lower(i.title) like :q escape '\\' or i.number like :q escape '\\')");
            params.put("q", "%" + escapeLike(filter.q().toLowerCase()) + "%");
        }
        return new Where(where.isEmpty() ? "" : " where " + String.join(" and ", where), params);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
