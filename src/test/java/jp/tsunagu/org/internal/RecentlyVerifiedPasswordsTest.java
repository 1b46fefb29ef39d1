package jp.tsunagu.org.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class RecentlyVerifiedPasswordsTest {

    final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
    final CountingEncoder counting = new CountingEncoder(bcrypt);
    final AtomicLong nanos = new AtomicLong();
    final RecentlyVerifiedPasswords passwords =
            new RecentlyVerifiedPasswords(counting, Duration.ofMinutes(5), 100, nanos::get);
    final String hash = bcrypt.encode("demo-password");

    @Test
    void anAcceptedPasswordIsCheckedWithBcryptOnceWithinTheTtl() {
        assertThat(passwords.matches("demo-password", hash)).isTrue();
        assertThat(passwords.matches("demo-password", hash)).isTrue();
        assertThat(passwords.matches("demo-password", hash)).isTrue();

        assertThat(counting.checks.get()).isEqualTo(1);
        assertThat(passwords.remembered()).isEqualTo(1);
    }

    @Test
    void aWrongPasswordIsNeverRememberedAndAlwaysPaysForBcrypt() {
        for (int i = 0; i < 3; i++) {
            assertThat(passwords.matches("guess", hash)).isFalse();
        }

        assertThat(counting.checks.get()).isEqualTo(3);
        assertThat(passwords.remembered()).isZero();
    }

    @Test
    void aWrongPasswordIsRefusedEvenRightAfterTheRightOne() {
        assertThat(passwords.matches("demo-password", hash)).isTrue();

        assertThat(passwords.matches("demo-passwore", hash)).isFalse();
        assertThat(passwords.matches("", hash)).isFalse();
    }

    @Test
    void aChangedPasswordForgetsTheOldOneAtOnce() {
        assertThat(passwords.matches("demo-password", hash)).isTrue();
        String changed = bcrypt.encode("new-password-2026");

        assertThat(passwords.matches("demo-password", changed)).isFalse();
        assertThat(passwords.matches("new-password-2026", changed)).isTrue();
    }

    @Test
    void theMemoryExpiresAfterTheTtl() {
        assertThat(passwords.matches("demo-password", hash)).isTrue();
        nanos.addAndGet(Duration.ofMinutes(5).plusSeconds(1).toNanos());

        assertThat(passwords.matches("demo-password", hash)).isTrue();
        assertThat(counting.checks.get()).isEqualTo(2);
    }

    @Test
    void aZeroTtlTurnsTheMemoryOff() {
        RecentlyVerifiedPasswords off = new RecentlyVerifiedPasswords(counting, Duration.ZERO, 100);

        assertThat(off.matches("demo-password", hash)).isTrue();
        assertThat(off.matches("demo-password", hash)).isTrue();
        assertThat(counting.checks.get()).isEqualTo(2);
        assertThat(off.remembered()).isZero();
    }

    @Test
    void encodingIsPlainBcrypt() {
        String encoded = passwords.encode("another-password");

        assertThat(encoded).startsWith("$2a$");
        assertThat(bcrypt.matches("another-password", encoded)).isTrue();
    }

    /** Counts how often the real check runs. */
    static final class CountingEncoder implements PasswordEncoder {

        final PasswordEncoder delegate;
        final AtomicInteger checks = new AtomicInteger();

        CountingEncoder(PasswordEncoder delegate) {
            this.delegate = delegate;
        }

        @Override
        public String encode(CharSequence rawPassword) {
            return delegate.encode(rawPassword);
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            checks.incrementAndGet();
            return delegate.matches(rawPassword, encodedPassword);
        }
    }
}
