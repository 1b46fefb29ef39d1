package jp.tsunagu.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class RecentTest {

    @Test
    void aReadingYoungerThanItsMaxAgeIsKept() {
        AtomicInteger reads = new AtomicInteger();
        Recent<Integer> recent = new Recent<>(Duration.ofHours(1), reads::incrementAndGet);

        assertThat(recent.get()).isEqualTo(1);
        assertThat(recent.get()).isEqualTo(1);
        assertThat(reads).hasValue(1);
    }

    @Test
    void aReadingOlderThanItsMaxAgeIsTakenAgain() {
        AtomicInteger reads = new AtomicInteger();
        Recent<Integer> recent = new Recent<>(Duration.ofNanos(-1), reads::incrementAndGet);

        assertThat(recent.get()).isEqualTo(1);
        assertThat(recent.get()).isEqualTo(2);
    }
}
