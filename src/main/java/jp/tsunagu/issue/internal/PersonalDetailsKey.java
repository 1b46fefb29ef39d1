package jp.tsunagu.issue.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The personal-details key: 32 bytes, base64, from {@code tsunagu.personal-details.key} (environment
 * {@code TSUNAGU_PERSONAL_DETAILS_KEY}). Without one, a key file is used, and created on first use when
 * {@code generate-key-if-missing} allows it (the embedded demo). The key never lives in the repository.
 */
@Component
class PersonalDetailsKey {

    private static final Logger log = LoggerFactory.getLogger(PersonalDetailsKey.class);

    private final String configured;
    private final Path keyFile;
    private final boolean generateIfMissing;
    private volatile SecretKey key;

    PersonalDetailsKey(@Value("${tsunagu.personal-details.key:}") String configured,
            @Value("${tsunagu.personal-details.key-file:./data/personal-details.key}") Path keyFile,
            @Value("${tsunagu.personal-details.generate-key-if-missing:false}") boolean generateIfMissing) {
        this.configured = configured;
        this.keyFile = keyFile;
        this.generateIfMissing = generateIfMissing;
    }

    SecretKey secretKey() {
        SecretKey current = key;
        if (current == null) {
            synchronized (this) {
                if (key == null) {
                    key = new SecretKeySpec(decode(load()), "AES");
                }
                current = key;
            }
        }
        return current;
    }

    private String load() {
        if (!configured.isBlank()) {
            return configured.trim();
        }
        try {
            if (Files.exists(keyFile)) {
                return Files.readString(keyFile).trim();
            }
            if (!generateIfMissing) {
                throw new IllegalStateException("No personal-details key: set TSUNAGU_PERSONAL_DETAILS_KEY");
            }
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            String encoded = Base64.getEncoder().encodeToString(fresh);
            Files.createDirectories(keyFile.toAbsolutePath().getParent());
            Files.writeString(keyFile, encoded);
            log.warn("Generated a personal-details key at {}; production sets TSUNAGU_PERSONAL_DETAILS_KEY", keyFile);
            return encoded;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] decode(String base64) {
        byte[] bytes = Base64.getDecoder().decode(base64);
        if (bytes.length != 32) {
            throw new IllegalStateException("The personal-details key must be 32 bytes (base64)");
        }
        return bytes;
    }
}
