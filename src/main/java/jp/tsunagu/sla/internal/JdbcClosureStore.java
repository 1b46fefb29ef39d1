package jp.tsunagu.sla.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jp.tsunagu.sla.BusinessCalendar.Closure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

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
    @Transactional
    public Optional<String> add(LocalDate date, String reason, String addedBy) {
        Optional<String> before = jdbc.sql("select reason from calendar_closure where closure_date = ?")
                .param(Date.valueOf(date)).query(String.class).optional();
        if (before.isEmpty()) {
            jdbc.sql("insert into calendar_closure (closure_date, reason, added_by, added_at) values (?, ?, ?, ?)")
                    .params(Date.valueOf(date), reason, addedBy, Timestamp.from(clock.instant())).update();
        } else if (!before.get().equals(reason)) {
            jdbc.sql("update calendar_closure set reason = ?, added_by = ?, added_at = ? where closure_date = ?")
                    .params(reason, addedBy, Timestamp.from(clock.instant()), Date.valueOf(date)).update();
        }
        return before;
    }

    @Override
    public boolean remove(LocalDate date) {
        return jdbc.sql("delete from calendar_closure where closure_date = ?").param(Date.valueOf(date)).update() > 0;
    }
}
