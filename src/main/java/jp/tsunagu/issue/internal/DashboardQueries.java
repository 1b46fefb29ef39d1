package jp.tsunagu.issue.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jp.tsunagu.issue.IssueAccess;
import jp.tsunagu.issue.Level;
import jp.tsunagu.org.Person;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboard's figures, read from Tsunagu's own tables (issue, issue_audience, audit_event) and limited to the
 * issues the reader may see. Read-only.
 */
@Service
@Transactional(readOnly = true)
public class DashboardQueries {

    private static final String VISIBLE = """
            (:everything or exists (select 1 from issue_audience a where a.issue_id = i.id and a.principal in (:principals)))""";

    private final JdbcClient jdbc;

    DashboardQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Open issues counted by level and owning section. */
    public List<OpenCount> openByLevelAndSection(Person reader) {
        return jdbc.sql("select i.level, i.section_code, count(*) as n from issue i where i.status <> 'RESOLVED' and "
                        + VISIBLE + " group by i.level, i.section_code order by i.section_code, i.level")
                .param("everything", IssueAccess.seesEverything(reader))
                .param("principals", reader.principals())
                .query((rs, i) -> new OpenCount(Level.valueOf(rs.getString("level")), rs.getString("section_code"),
                        rs.getLong("n")))
                .list();
    }

    /** The creation times of the open issues, for the aging chart. */
    public List<Instant> openCreatedAt(Person reader) {
        return jdbc.sql("select i.created_at from issue i where i.status <> 'RESOLVED' and " + VISIBLE)
                .param("everything", IssueAccess.seesEverything(reader))
                .param("principals", reader.principals())
                .query((rs, i) -> rs.getTimestamp("created_at").toInstant())
                .list();
    }

    /**
     * Arrivals at a level in {@code [from, to)}, each with the time it took to acknowledge (null if not yet) and
     * whether the acknowledge target was breached.
     */
    public List<Arrival> arrivals(Person reader, Instant from, Instant to) {
        List<Row> rows = jdbc.sql("""
                        select e.issue_id, e.action, e.occurred_at, i.section_code from audit_event e
                        join issue i on i.id = e.issue_id
                        where e.action in ('LEVEL_ENTERED', 'ISSUE_ACKNOWLEDGED', 'SLA_BREACH_ESCALATED', 'SLA_BREACH_RENOTIFIED')
                          and e.occurred_at >= :from and e.occurred_at < :to and """ + VISIBLE + " order by e.seq")
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .param("everything", IssueAccess.seesEverything(reader))
                .param("principals", reader.principals())
                .query((rs, i) -> new Row(rs.getString("issue_id"), rs.getString("action"),
                        rs.getTimestamp("occurred_at").toInstant(), rs.getString("section_code")))
                .list();
        Map<String, Arrival> open = new HashMap<>();
        List<Arrival> arrivals = new ArrayList<>();
        for (Row row : rows) {
            switch (row.action()) {
                case "LEVEL_ENTERED" -> {
                    Arrival arrival = new Arrival(row.sectionCode(), row.at(), null, false);
                    open.put(row.issueId(), arrival);
                    arrivals.add(arrival);
                }
                case "ISSUE_ACKNOWLEDGED" -> close(open, arrivals, row.issueId(), row.at(), false);
                // At CITY a breach does not move the issue: the arrival stays open, breached, until acknowledged.
                case "SLA_BREACH_RENOTIFIED" -> markBreached(open, arrivals, row.issueId());
                default -> close(open, arrivals, row.issueId(), null, true);
            }
        }
        return arrivals;
    }

    private static void markBreached(Map<String, Arrival> open, List<Arrival> arrivals, String issueId) {
        Arrival arrival = open.get(issueId);
        if (arrival != null) {
            Arrival breached = new Arrival(arrival.sectionCode(), arrival.arrivedAt(), null, true);
            arrivals.set(arrivals.indexOf(arrival), breached);
            open.put(issueId, breached);
        }
    }

    private static void close(Map<String, Arrival> open, List<Arrival> arrivals, String issueId, Instant at,
            boolean breached) {
        Arrival arrival = open.remove(issueId);
        if (arrival != null) {
            arrivals.set(arrivals.indexOf(arrival), new Arrival(arrival.sectionCode(), arrival.arrivedAt(),
                    at == null ? null : Duration.between(arrival.arrivedAt(), at), breached || arrival.breached()));
        }
    }

    /** Nearest-rank percentile of the durations, in hours; null when there are none. */
    public static Double percentileHours(List<Duration> durations, int percentile) {
        if (durations.isEmpty()) {
            return null;
        }
        List<Duration> sorted = durations.stream().sorted().toList();
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
        return Math.round(sorted.get(Math.max(rank, 1) - 1).toMinutes() / 6.0) / 10.0;
    }

    /** The durations to acknowledge, grouped by owning section. */
    public static Map<String, List<Duration>> acknowledgeTimesBySection(List<Arrival> arrivals) {
        Map<String, List<Duration>> bySection = new TreeMap<>();
        arrivals.stream().filter(a -> a.toAcknowledge() != null).forEach(a ->
                bySection.computeIfAbsent(a.sectionCode(), k -> new ArrayList<>()).add(a.toAcknowledge()));
        return bySection;
    }

    public record OpenCount(Level level, String sectionCode, long count) {
    }

    public record Arrival(String sectionCode, Instant arrivedAt, Duration toAcknowledge, boolean breached) {
    }

    private record Row(String issueId, String action, Instant at, String sectionCode) {
    }
}
