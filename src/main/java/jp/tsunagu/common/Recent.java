package jp.tsunagu.common;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A value read again only when the last reading is older than {@code maxAge}: for gauges that query the shared
 * database at scrape time, so that one scrape of many gauges, or many scrapes at once, cost one query. Two threads
 * that find it stale at the same moment may both read it; the later reading wins.
 */
public final class Recent<T> {

    private record Reading<T>(long takenAt, T value) {
    }

    private final long maxAgeNanos;
    private final Supplier<T> read;
    private volatile Reading<T> last;

    public Recent(Duration maxAge, Supplier<T> read) {
        this.maxAgeNanos = maxAge.toNanos();
        this.read = read;
    }

    public T get() {
        Reading<T> reading = last;
        long now = System.nanoTime();
        if (reading == null || now - reading.takenAt() > maxAgeNanos) {
            reading = new Reading<>(now, read.get());
            last = reading;
        }
        return reading.value();
    }
}
