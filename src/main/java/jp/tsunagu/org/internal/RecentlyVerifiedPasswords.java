package jp.tsunagu.org.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Bcrypt, with a short memory of passwords it has just accepted.
 *
 * <p>The JSON API is stateless: a client using HTTP Basic sends its password on every request, and bcrypt (about
 * 80 ms on this project's machine, by design) would then dominate every call. After a successful check this encoder
 * remembers an HMAC of the stored hash and the presented password, under a key that lives only in this process's
 * memory, for {@code ttl}. A later request with the same password against the same stored hash is accepted from that
 * memory.
 *
 * <ul>
 *   <li>Only successes are remembered: a wrong password always pays the full bcrypt check, and failures still count
 *       towards the lockout.</li>
 *   <li>The stored hash is part of the key, so a password change forgets the old password at once.</li>
 *   <li>Disabled and locked accounts are refused before the password is looked at, on every request.</li>
 *   <li>Nothing is written anywhere; a restart forgets everything. {@code ttl} of zero turns the memory off.</li>
 * </ul>
 */
final class RecentlyVerifiedPasswords implements PasswordEncoder {

    private static final String HMAC = "HmacSHA256";

    private final PasswordEncoder bcrypt;
    private final Cache<ByteBuffer, Boolean> accepted;
    private final SecretKeySpec processKey;

    RecentlyVerifiedPasswords(PasswordEncoder bcrypt, Duration ttl, long maximumEntries) {
        this(bcrypt, ttl, maximumEntries, Ticker.systemTicker());
    }

    RecentlyVerifiedPasswords(PasswordEncoder bcrypt, Duration ttl, long maximumEntries, Ticker ticker) {
        this.bcrypt = bcrypt;
        this.accepted = ttl.isZero() ? null
                : Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maximumEntries).ticker(ticker).build();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.processKey = new SecretKeySpec(key, HMAC);
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return bcrypt.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (accepted == null || rawPassword == null || encodedPassword == null) {
            return bcrypt.matches(rawPassword, encodedPassword);
        }
        ByteBuffer key = fingerprint(rawPassword, encodedPassword);
        if (accepted.getIfPresent(key) != null) {
            return true;
        }
        boolean matches = bcrypt.matches(rawPassword, encodedPassword);
        if (matches) {
            accepted.put(key, Boolean.TRUE);
        }
        return matches;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return bcrypt.upgradeEncoding(encodedPassword);
    }

    /** How many accepted passwords are remembered right now (for the tests). */
    long remembered() {
        if (accepted == null) {
            return 0;
        }
        accepted.cleanUp();
        return accepted.estimatedSize();
    }

    private ByteBuffer fingerprint(CharSequence rawPassword, String encodedPassword) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(processKey);
            mac.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
