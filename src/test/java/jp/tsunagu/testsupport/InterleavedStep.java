package jp.tsunagu.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One party's position in a test that interleaves two transactions step by step, as the engine's own concurrency
 * tests do: it signals that it got there and waits to be let go on.
 */
public final class InterleavedStep {

    private final CountDownLatch reached = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    public void reachedAndWait() {
        reached.countDown();
        try {
            if (!released.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released this step");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public void awaitReached() throws InterruptedException {
        assertThat(reached.await(30, TimeUnit.SECONDS)).as("step reached").isTrue();
    }

    public void release() {
        released.countDown();
    }
}
