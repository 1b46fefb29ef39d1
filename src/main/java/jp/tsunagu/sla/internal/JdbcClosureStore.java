package jp.tsunagu.sla.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jp.tsunagu.sla.BusinessCalendar.Closure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** One-off closure days added by an administrator, kept in the database. */
@Repository
class JdbcClosureStore implements ClosureStore {

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcClosureStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Set<LocalDate> dates() {
        return new HashSet<>(all().stream().map(Closure::date).toList());
    }

    @Override
    public List<Closure> all() {
        return jdbc.sql("select closure_date, reason from calendar_closure order by closure_date")
                .query((rs, i) -> new Closure(rs.getDate("closure_date").toLocalDate(), rs.getString("reason"))).list();
    }

    @Override
    public void add(LocalDate date, String reason, String addedBy) {
        remove(date);
        jdbc.sql("insert into calendar_closure (closure_date, reason, added_by, added_at) values (?, ?, ?, ?)")
                .params(Date.valueOf(date), reason, addedBy, Timestamp.from(clock.instant())).update();
    }

    @Override
    public void remove(LocalDate date) {
        jdbc.sql("delete from calendar_closure where closure_date = ?").param(Date.valueOf(date)).update();
    }
}
