package jp.tsunagu.common.crypto;

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

/**
 * A 256-bit AES key: from the configuration (32 bytes, base64), else from a key file, which is created on first use
 * where that is allowed (the embedded demo). It is read on first use, so that a city that never needs the key need
 * not set it. The key never lives in the repository.
 */
public final class KeySource {

    private static final Logger log = LoggerFactory.getLogger(KeySource.class);

    private final String name;
    private final String environmentVariable;
    private final String configured;
    private final Path keyFile;
    private final boolean generateIfMissing;
    private volatile SecretKey key;

    /**
     * @param name what the key protects, for the messages ({@code personal-details})
     * @param environmentVariable where production sets it, for the messages
     */
    public KeySource(String name, String environmentVariable, String configured, Path keyFile,
            boolean generateIfMissing) {
        this.name = name;
        this.environmentVariable = environmentVariable;
        this.configured = configured == null ? "" : configured;
        this.keyFile = keyFile;
        this.generateIfMissing = generateIfMissing;
    }

    /** @throws IllegalStateException when there is no key, or it is not 32 bytes of base64 */
    public SecretKey secretKey() {
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
                throw new IllegalStateException("No " + name + " key: set " + environmentVariable);
            }
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            String encoded = Base64.getEncoder().encodeToString(fresh);
            Files.createDirectories(keyFile.toAbsolutePath().getParent());
            Files.writeString(keyFile, encoded);
            log.warn("Generated a {} key at {}; production sets {}", name, keyFile, environmentVariable);
            return encoded;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] decode(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The " + name + " key must be 32 bytes (base64)", e);
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("The " + name + " key must be 32 bytes (base64)");
        }
        return bytes;
    }
}
