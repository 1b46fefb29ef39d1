package jp.tsunagu.sla.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jp.tsunagu.sla.BusinessCalendar.Closure;

/** Where the administrator's one-off closure days are kept. */
public interface ClosureStore {

    Set<LocalDate> dates();

    List<Closure> all();

    /**
     * Adds the closure, or gives a date that is one already the new reason.
     *
     * @return the date's reason before, empty when it was not a closure
     */
    Optional<String> add(LocalDate date, String reason, String addedBy);

    /** @return whether the date was a closure */
    boolean remove(LocalDate date);
}
