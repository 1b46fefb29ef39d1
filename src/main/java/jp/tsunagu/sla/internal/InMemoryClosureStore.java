package jp.tsunagu.sla.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;

import jp.tsunagu.sla.BusinessCalendar.Closure;

/** Closure days held in memory, for a calendar used without a database. */
final class InMemoryClosureStore implements ClosureStore {

    private final Map<LocalDate, String> closures = new ConcurrentSkipListMap<>();

    @Override
    public Set<LocalDate> dates() {
        return Set.copyOf(closures.keySet());
    }

    @Override
    public List<Closure> all() {
        return closures.entrySet().stream().map(e -> new Closure(e.getKey(), e.getValue())).toList();
    }

    @Override
    public Optional<String> add(LocalDate date, String reason, String addedBy) {
        return Optional.ofNullable(closures.put(date, reason));
    }

    @Override
    public boolean remove(LocalDate date) {
        return closures.remove(date) != null;
    }
}
