package jp.tsunagu.sla.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import jp.tsunagu.sla.BusinessCalendar.Closure;

/** Where the administrator's one-off closure days are kept. */
public interface ClosureStore {

    Set<LocalDate> dates();

    List<Closure> all();

    void add(LocalDate date, String reason, String addedBy);

    void remove(LocalDate date);
}
