package jp.tsunagu.escalation.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jp.tsunagu.sla.CalendarDays;
import jp.tsunagu.sla.OpeningDaysChanged;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The calendar changes whose open issues' due times are being moved (table {@code calendar_change}), who works on
 * each (a lease that any node takes over once it has run out), and which issues each has been applied to
 * ({@code calendar_change_issue}).
 */
@Repository
class CalendarChanges {

    /** An issue the change moved, or one it could not move (audited as {@code SLA_TARGETS_NOT_MOVED}). */
    enum Outcome { MOVED, NOT_MOVED }

    /** A change as stored: enough to move the due times on any node, after a restart too. */
    record StoredChange(long id, Map<String, String> reason, Instant changedAt, CalendarDays before,
            CalendarDays after, int issuesToMove) {
    }

    private final JdbcClient jdbc;

    CalendarChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long record(OpeningDaysChanged change, int issuesToMove) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into calendar_change (reason, changed_at, closures_before, closures_after, holidays_before,
                    holidays_after, issues_to_move)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(reasonText(change.reason()), Timestamp.from(change.changedAt()),
                        datesText(change.before().closures()), datesText(change.after().closures()),
                        change.before().holidayData(), change.after().holidayData(), issuesToMove)
                .update(key, "id");
        return key.getKey().longValue();
    }

    /** The oldest change not finished yet: changes are applied one after the other, in the order they were made. */
    Optional<StoredChange> oldestUnfinished() {
        return jdbc.sql("select * from calendar_change where finished_at is null order by id fetch first 1 rows only")
                .query(CalendarChanges::map).optional();
    }

    /** @return whether this worker has the change now (nobody had it, or the other worker's lease ran out) */
    boolean claim(long id, String worker, Instant now, Instant leaseUntil) {
        return jdbc.sql("""
                update calendar_change set lease_owner = ?, lease_until = ?
                where id = ? and finished_at is null and (lease_until is null or lease_until < ?)""")
                .params(worker, Timestamp.from(leaseUntil), id, Timestamp.from(now)).update() == 1;
    }

    /** @return false when the lease ran out and another worker took the change over */
    boolean renew(long id, String worker, Instant leaseUntil) {
        return jdbc.sql("update calendar_change set lease_until = ? where id = ? and lease_owner = ?"
                        + " and finished_at is null")
                .params(Timestamp.from(leaseUntil), id, worker).update() == 1;
    }

    void finish(long id, String worker, Instant now) {
        jdbc.sql("update calendar_change set finished_at = ?, lease_until = null where id = ? and lease_owner = ?")
                .params(Timestamp.from(now), id, worker).update();
    }

    /** Call with the issue's row locked: then no other worker applies the same change to it meanwhile. */
    boolean appliedTo(long id, String issueId) {
        return jdbc.sql("select count(*) from calendar_change_issue where change_id = ? and issue_id = ?")
                .params(id, issueId).query(Long.class).single() > 0;
    }

    void applied(long id, String issueId, Outcome outcome) {
        jdbc.sql("insert into calendar_change_issue (change_id, issue_id, outcome) values (?, ?, ?)")
                .params(id, issueId, outcome.name()).update();
    }

    Map<Outcome, Long> outcomes(long id) {
        Map<Outcome, Long> counts = new TreeMap<>();
        jdbc.sql("select outcome, count(*) from calendar_change_issue where change_id = ? group by outcome").param(id)
                .query((rs, i) -> counts.put(Outcome.valueOf(rs.getString(1)), rs.getLong(2))).list();
        return counts;
    }

    private static StoredChange map(ResultSet rs, int row) throws SQLException {
        return new StoredChange(rs.getLong("id"), reason(rs.getString("reason")),
                rs.getTimestamp("changed_at").toInstant(),
                new CalendarDays(dates(rs.getString("closures_before")), rs.getBytes("holidays_before")),
                new CalendarDays(dates(rs.getString("closures_after")), rs.getBytes("holidays_after")),
                rs.getInt("issues_to_move"));
    }

    /** {@code what=closure added;date=2027-03-09}: the reason's keys and values are plain words and dates. */
    private static String reasonText(Map<String, String> reason) {
        return new TreeMap<>(reason).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(";"));
    }

    private static Map<String, String> reason(String text) {
        Map<String, String> reason = new TreeMap<>();
        for (String pair : text.split(";")) {
            int equals = pair.indexOf('=');
            reason.put(pair.substring(0, equals), pair.substring(equals + 1));
        }
        return reason;
    }

    private static String datesText(Set<LocalDate> dates) {
        return new TreeSet<>(dates).stream().map(LocalDate::toString).collect(Collectors.joining(","));
    }

    private static Set<LocalDate> dates(String text) {
        return text.isEmpty() ? Set.of() : Arrays.stream(text.split(",")).map(LocalDate::parse)
                .collect(Collectors.toSet());
    }
}
